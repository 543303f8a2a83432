"""Outlet staff in a real browser: an unpaid transfer order found in the console, its bank
statement imported and matched, then prepared and handed over; the pages axe-clean."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from shop.accounts.models import Role
from shop.catalog.listing import is_listed
from shop.core import clock
from shop.extensions import db
from shop.orders.placing import Checkout, new_idempotency_key, pickup_days, place_order
from shop.outlets.models import Outlet
from shop.outlets.stock_models import StockLevel
from shop.trace.models import Lot
from tests.e2e.support import blocking_axe_violations, load_axe

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]
OUTLET = "ttgt-ocop-ha-noi"


@pytest.fixture
def unpaid_order(e2e_app) -> tuple[str, int]:
    """(number, total) of a transfer order for pickup at the Hà Nội centre, placed now."""
    with e2e_app.test_request_context():
        outlet = db.session.scalar(select(Outlet).where(Outlet.slug == OUTLET)
                                   .options(selectinload(Outlet.hours)))
        today = clock.today()
        product_id = next(
            product_id for product_id, free in db.session.execute(
                select(Lot.product_id, StockLevel.on_hand - StockLevel.reserved - StockLevel.held)
                .join(Lot, Lot.id == StockLevel.lot_id)
                .where(StockLevel.outlet_id == outlet.id, Lot.recalled_at.is_(None),
                       Lot.expires_on >= today).order_by(StockLevel.id))
            if free > 0 and is_listed(product_id, today))
        order = place_order(Checkout(
            outlet_id=outlet.id, contact_name="Nguyễn Thị Lan", contact_phone="0912345678",
            contact_email="lan@example.vn", fulfilment="pickup", payment_method="vietqr",
            pickup_on=pickup_days(outlet, today)[0]), {("product", product_id): 1},
            new_idempotency_key(), None)
        db.session.commit()
        return order.number, order.total_vnd


def test_staff_import_the_statement_prepare_and_hand_over(new_context, storage_state,
                                                          unpaid_order, csp_violations):
    number, total = unpaid_order
    context = new_context(language="en", storage_state=storage_state(Role.OUTLET_STAFF))
    load_axe(context)
    page = context.new_page()
    page.goto(f"/console/{OUTLET}/orders/")
    page.get_by_role("link", name=number).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Order {number}")
    assert blocking_axe_violations(page) == []

    page.get_by_role("link", name="Bank statement").click()
    day = clock.today().strftime("%d/%m/%Y")
    statement = (f"Ngày giao dịch,Số tiền ghi có,Mô tả,Số tham chiếu\r\n"
                 f"{day},{total},OCOP {number} thanh toan,FT{number}\r\n").encode()
    page.get_by_label("Statement exported by your bank (CSV)").set_input_files(
        files=[{"name": "sao-ke.csv", "mimeType": "text/csv", "buffer": statement}])
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Matched: the order becomes paid"))
           ).to_be_visible()
    assert blocking_axe_violations(page) == []
    page.get_by_role("button", name="Record these transfers").click()
    expect(page.get_by_text("Transfers recorded: 1; orders paid: 1.")).to_be_visible()

    page.goto(f"/console/{OUTLET}/orders/{number}")
    expect(page.locator("#order-state")).to_have_text("Paid")
    page.get_by_role("button", name="Start preparing").click()
    page.get_by_role("button", name="Ready for pickup").click()
    page.get_by_label("Collected by (name)").fill("Chị Lan")
    page.get_by_role("button", name="Handed to the customer").click()
    expect(page.locator("#order-state")).to_have_text("Completed")
    expect(page.get_by_text("collected by Chị Lan")).to_be_visible()
    assert blocking_axe_violations(page) == []
    assert csp_violations == []

"""Two staff applying the same bank statement at the same moment, committed for real from two
threads: every order is paid once, every transfer recorded once."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shop.accounts.models import Role, User
from shop.core import clock
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.orders import statements
from shop.orders.models import Order, OrderEvent
from shop.orders.placing import Checkout, new_idempotency_key, place_order
from shop.outlets.stock import receive
from shop.payments.models import Payment
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.web.concurrency.support import at_once, rows_removed_after

pytestmark = pytest.mark.no_db


def _orders(count: int) -> tuple[int, int, list[str]]:
    """(outlet id, staff id, numbers) of `count` unpaid transfer orders of 120 000 đ."""
    outlet = OutletFactory(bank_bin="970436", bank_account="0011001234567",
                           bank_account_name="OCOP", accepts_vietqr=True)
    product = ProductFactory(price_vnd=120_000)
    lot = LotFactory(product=product, expires_on=clock.today() + timedelta(days=60))
    receive(outlet.id, lot.id, count, UserFactory(role=Role.ADMIN))
    numbers = []
    for index in range(count):
        order = place_order(Checkout(
            outlet_id=outlet.id, contact_name="Lan", contact_phone="0912345678",
            contact_email=f"l{index}@example.vn", fulfilment="pickup", payment_method="vietqr",
            pickup_on=clock.today()), {("product", product.id): 1}, new_idempotency_key(), None)
        numbers.append(order.number)
    staff = UserFactory(role=Role.CUSTOMER, outlet=outlet)
    db.session.commit()
    return outlet.id, staff.id, numbers


def test_two_applies_of_one_statement_pay_each_order_once(app):
    with rows_removed_after(app):
        with app.test_request_context():
            outlet_id, staff_id, numbers = _orders(3)
        day = clock.today().strftime("%d/%m/%Y")
        rows = ["Ngày giao dịch,Số tiền ghi có,Mô tả,Số tham chiếu"] + [
            f"{day},120.000,OCOP {number},FT{index}" for index, number in enumerate(numbers)]
        statement = ("\r\n".join(rows) + "\r\n").encode()

        def apply(_index: int):
            with app.test_request_context():
                try:
                    applied = statements.apply(outlet_id, statement,
                                              db.session.get(User, staff_id))
                except InvalidInput as refusal:  # the other import took a reference first
                    db.session.rollback()
                    return ("refused", refusal.field)
                db.session.commit()
                return ("applied", len(applied.paid))

        answers = at_once(2, apply)

        assert sorted(answers) in ([("applied", 0), ("applied", 3)],
                                   [("applied", 3), ("refused", "reference")])
        with app.app_context():
            orders = db.session.scalars(select(Order).where(Order.outlet_id == outlet_id)).all()
            assert [order.state for order in orders] == ["paid"] * 3
            assert db.session.scalar(select(func.count()).select_from(Payment).where(
                Payment.outlet_id == outlet_id)) == 3
            assert db.session.scalar(select(func.count()).select_from(OrderEvent).where(
                OrderEvent.order_id.in_([o.id for o in orders]),
                OrderEvent.to_state == "paid")) == 3

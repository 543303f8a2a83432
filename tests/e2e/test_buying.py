"""Shoppers in a real browser. A guest buys a gift combo and a product for pickup and pays by
VietQR (the code on the order page is decoded); the outlet's staff import the bank statement
that matches it, prepare it and hand it over, and the guest's page follows. A signed-in
customer orders delivery with cash on delivery, mistypes a phone number, and sees the
timeline and "my orders". Every page on the way is axe-clean in Vietnamese and English."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from shop.accounts.models import Role
from shop.catalog.models import Product
from shop.combos.models import Combo, ComboComponent
from shop.combos.selling import combo_availability_at, for_sale_combo_ids
from shop.core import clock
from shop.extensions import db
from shop.orders.models import Order
from shop.outlets.availability import sellable
from shop.outlets.models import DeliveryFee, Outlet
from tests.e2e.support import blocking_axe_violations, load_axe, qr_texts

pytestmark = [pytest.mark.e2e, pytest.mark.no_db]
PICKUP_OUTLET = "ttgt-ocop-ha-noi"


def _in_stock_product(outlet_id: int, exclude: set[int] = frozenset()) -> Product:
    """A listed product the outlet can sell two of now."""
    ids = [i for i in db.session.scalars(select(Product.id).order_by(Product.id))
           if i not in exclude]
    units = sellable(outlet_id, ids)
    return db.session.get(Product, next(i for i in ids if units[i] >= 2))


@pytest.fixture(scope="module")
def pickup_goods(e2e_app) -> dict:
    """The Hà Nội centre, a combo it can sell now and another product it holds."""
    with e2e_app.app_context():
        outlet = db.session.scalar(select(Outlet).where(Outlet.slug == PICKUP_OUTLET))
        combo = next(c for c in db.session.scalars(
            select(Combo).where(Combo.id.in_(for_sale_combo_ids())).order_by(Combo.id))
            if combo_availability_at(c.id, [outlet.id]).get(outlet.id, 0) >= 1)
        parts = set(db.session.scalars(select(ComboComponent.product_id)
                                       .where(ComboComponent.combo_id == combo.id)))
        product = _in_stock_product(outlet.id, parts)
        return {"outlet": outlet.name_vi, "combo": combo.slug, "product": product.slug}


@pytest.fixture(scope="module")
def delivery_goods(e2e_app) -> dict:
    """An open outlet that delivers for cash on delivery, and a product it holds."""
    with e2e_app.app_context():
        outlet = db.session.scalar(
            select(Outlet).where(Outlet.accepts_cod, Outlet.status == "open",
                                 Outlet.id.in_(select(DeliveryFee.outlet_id)))
            .order_by(Outlet.id))
        return {"outlet": outlet.name_vi, "product": _in_stock_product(outlet.id).slug}


def axe_clean_in_both_languages(page: Page) -> None:
    """The page as it stands is axe-clean in English and, reloaded, in Vietnamese."""
    for language in ("vi", "en"):
        page.context.add_cookies([{"name": "lang", "value": language, "url": page.url}])
        page.reload()
        assert page.evaluate("document.documentElement.lang") == language
        violations = blocking_axe_violations(page)
        assert not violations, f"{language} {page.url}\n" + "\n".join(violations)


def add_to_cart(page: Page, path: str, quantity: int = 1) -> None:
    """Open the product or combo page and put `quantity` of it in the cart."""
    page.goto(path)
    main = page.get_by_role("main")
    main.get_by_label("Quantity").fill(str(quantity))
    main.get_by_role("button", name="Add to cart").click()


def choose_outlet_and_check_out(page: Page, outlet: str) -> None:
    """In the cart, pick the outlet (it has everything) and go to the checkout."""
    page.goto("/cart")
    page.get_by_role("radio", name=re.compile(re.escape(outlet))).check()
    page.get_by_role("button", name="Update the cart").click()
    expect(page.get_by_role("radio", name=re.compile(re.escape(outlet) + r".*\(has everything\)$"))
           ).to_be_checked()
    axe_clean_in_both_languages(page)
    page.get_by_role("link", name="Checkout").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Checkout")


def fill_contact(page: Page, name: str, phone: str, email: str) -> None:
    """Type the checkout's contact fields."""
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Mobile number", exact=True).fill(phone)
    page.get_by_label("Email").fill(email)


def placed_number(page: Page) -> str:
    """The order number the order page's heading shows."""
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Order [A-Z2-9]+$"))
    return heading.inner_text().split()[-1]


def test_a_guest_buys_a_combo_and_a_product_pays_by_vietqr_and_collects_them(
        new_context, storage_state, pickup_goods, e2e_app, csp_violations):
    guest = new_context(language="en")
    load_axe(guest)
    page = guest.new_page()
    add_to_cart(page, f"/combos/{pickup_goods['combo']}")
    add_to_cart(page, f"/products/{pickup_goods['product']}", quantity=2)
    choose_outlet_and_check_out(page, pickup_goods["outlet"])

    axe_clean_in_both_languages(page)
    fill_contact(page, "Trần Văn Minh", "0912 345 678", "minh@example.vn")
    page.get_by_role("radio", name="Pick up at the outlet").check()
    page.get_by_role("radio", name="Bank transfer (VietQR)").check()
    page.get_by_role("button", name="Place the order").click()

    number = placed_number(page)
    with e2e_app.app_context():
        total = db.session.scalar(select(Order.total_vnd).where(Order.number == number))
    expect(page.get_by_text("Awaiting payment").first).to_be_visible()
    # The VietQR a banking app scans: NAPAS's GUID, the amount owed, the order in the message.
    qr = page.get_by_role("img", name=re.compile("^VietQR code"))
    expect(qr).to_be_visible()
    [payload] = qr_texts(page.request.get(qr.get_attribute("src")).body())
    assert payload.startswith("000201") and "A000000727" in payload
    assert f"54{len(str(total)):02d}{total}" in payload and number in payload
    axe_clean_in_both_languages(page)
    order_url = page.url

    staff = new_context(language="en", storage_state=storage_state(Role.OUTLET_STAFF))
    console = staff.new_page()
    console.goto(f"/console/{PICKUP_OUTLET}/statements/")
    day = clock.today().strftime("%d/%m/%Y")
    statement = (f"Ngày giao dịch,Số tiền ghi có,Mô tả,Số tham chiếu\r\n"
                 f"{day},{total},IBFT OCOP {number} Tran Van Minh chuyen tien,FT26{number}\r\n"
                 f"{day},150000,Chuyen tien an trua,FT26LUNCH\r\n").encode()
    console.get_by_label("Statement exported by your bank (CSV)").set_input_files(
        files=[{"name": "sao-ke.csv", "mimeType": "text/csv", "buffer": statement}])
    console.get_by_role("button", name="Preview").click()
    expect(console.get_by_role("row").filter(has_text=number)).to_be_visible()
    expect(console.get_by_role("row").filter(has_text="Chuyen tien an trua")).to_be_visible()
    console.get_by_role("button", name="Record these transfers").click()
    expect(console.get_by_text("Transfers recorded: 1; orders paid: 1.")).to_be_visible()

    console.goto(f"/console/{PICKUP_OUTLET}/orders/{number}")
    expect(console.locator("#order-state")).to_have_text("Paid")
    console.get_by_role("button", name="Start preparing").click()
    expect(console.locator("#order-state")).to_have_text("Being prepared")
    console.get_by_role("button", name="Ready for pickup").click()
    console.get_by_label("Collected by (name)").fill("Anh Minh")
    console.get_by_role("button", name="Handed to the customer").click()
    expect(console.locator("#order-state")).to_have_text("Completed")

    page.goto(order_url)
    expect(page.get_by_text("Completed").first).to_be_visible()
    timeline = page.get_by_role("region", name="Timeline")
    for step in ("Placed", "Awaiting payment", "Paid", "Being prepared", "Ready for pickup",
                 "Completed"):
        expect(timeline.get_by_text(re.compile(rf"— {step}\b"))).to_be_visible()
    # The receipt ties what was bought to its lots: each links to the trace page.
    expect(page.get_by_role("link", name=re.compile(r"^Lot .+: where it came from$")).first
           ).to_be_visible()
    assert csp_violations == []


def test_a_signed_in_customer_orders_delivery_with_cash_on_delivery(
        new_context, storage_state, delivery_goods, csp_violations):
    context = new_context(language="en", storage_state=storage_state(Role.CUSTOMER))
    load_axe(context)
    page = context.new_page()
    add_to_cart(page, f"/products/{delivery_goods['product']}")
    choose_outlet_and_check_out(page, delivery_goods["outlet"])

    fill_contact(page, "Lê Thị Hoa", "12345", "hoa@example.vn")
    page.get_by_role("radio", name="Delivery", exact=True).check()
    page.get_by_label("Province").select_option(index=1)
    page.get_by_label("Street address").fill("12 Lê Lợi")
    page.get_by_label("Commune or ward").fill("Phường Bến Nghé")
    page.get_by_label("Message for the card").fill("Chúc mừng sinh nhật mẹ!")
    page.get_by_role("radio", name="Cash on delivery").check()
    page.get_by_role("button", name="Place the order").click()

    # A wrong phone number is named, and nothing typed is lost.
    phone = page.get_by_label("Mobile number", exact=True)
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Street address")).to_have_value("12 Lê Lợi")
    expect(page.get_by_label("Message for the card")).to_have_value("Chúc mừng sinh nhật mẹ!")
    assert blocking_axe_violations(page) == []
    phone.fill("0987654321")
    page.get_by_role("radio", name="Delivery", exact=True).check()
    page.get_by_role("radio", name="Cash on delivery").check()
    page.get_by_role("button", name="Place the order").click()

    number = placed_number(page)
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.get_by_text(re.compile(r"— Placed\b"))).to_be_visible()
    expect(timeline.get_by_text(re.compile(r"— To be paid in cash\b"))).to_be_visible()
    expect(page.get_by_text("12 Lê Lợi")).to_be_visible()
    axe_clean_in_both_languages(page)

    page.goto("/account/orders")
    expect(page.get_by_role("link", name=number)).to_be_visible()
    axe_clean_in_both_languages(page)
    assert csp_violations == []

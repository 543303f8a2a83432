"""Money at the console: transfers short, exact and over; a bank reference recorded once;
statements previewed, applied, and applied again without effect; the packing slip."""

import io
import re

import pypdfium2
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.extensions import db
from shop.orders import statements
from shop.payments.models import Payment
from tests.factories import UserFactory
from tests.web.orders.console.support import place, reload
from tests.web.orders.support import stocked_outlet


def transfer(client, outlet, order, amount: str, reference: str, **extra):
    return client.post(f"/console/{outlet.slug}/orders/{order.number}/transfer",
                       data={"amount": amount, "reference": reference, **extra},
                       follow_redirects=True)


def payments(order) -> list[tuple[int, int]]:
    return [(p.amount_vnd, p.over_vnd) for p in db.session.scalars(
        select(Payment).where(Payment.order_id == order.id).order_by(Payment.id))]


def test_a_short_transfer_leaves_the_order_waiting_with_what_is_owed(app, staff_client, shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product, quantity=2)  # 240 000 đ
    page = transfer(staff_client, outlet, order, "200000", "FT001").get_data(as_text=True)
    assert "₫40,000 is still owed" in page and "Still owed: ₫40,000" in page
    assert reload(order).state == "awaiting_payment"

    transfer(staff_client, outlet, order, "40.000", "FT002")
    assert reload(order).state == "paid"
    assert payments(order) == [(200_000, 0), (40_000, 0)]


def test_an_over_transfer_pays_and_keeps_the_excess_for_a_refund(app, staff_client, shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)  # 120 000 đ
    page = transfer(staff_client, outlet, order, "150000", "FT003").get_data(as_text=True)
    assert "₫30,000 more than owed, to be refunded" in page
    assert "Received ₫30,000 more than the total: refund it" in page
    assert reload(order).state == "paid" and payments(order) == [(150_000, 30_000)]


def test_the_same_bank_reference_twice_changes_nothing(app, staff_client, shop):
    outlet, product, _lot = shop
    first, second = place(app, outlet, product), place(app, outlet, product)
    transfer(staff_client, outlet, first, "100000", "FT 004")
    again = transfer(staff_client, outlet, second, "120000", "ft004").get_data(as_text=True)
    assert "This bank reference was recorded already: nothing changed." in again
    assert reload(second).state == "awaiting_payment" and payments(second) == []
    assert payments(first) == [(100_000, 0)]


def test_a_bad_transfer_form_says_what_is_wrong_and_keeps_what_was_typed(app, staff_client,
                                                                        shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)
    answer = transfer(staff_client, outlet, order, "120000", "")
    assert answer.status_code == 400
    assert "Enter the bank&#39;s reference" in answer.get_data(as_text=True)
    future = transfer(staff_client, outlet, order, "120000", "FT9",
                      received_at="2026-03-20T08:00")
    assert "cannot be in the future" in future.get_data(as_text=True)
    assert 'value="FT9"' in future.get_data(as_text=True)
    cash = place(app, outlet, product, method="cash_pickup")
    refused = transfer(staff_client, outlet, cash, "120000", "FT10")
    assert "paid in cash at handover" in refused.get_data(as_text=True)
    assert payments(order) == [] and payments(cash) == []


def statement_csv(*lines: tuple[str, str, str]) -> bytes:
    rows = ["Ngày giao dịch,Số tiền ghi có,Mô tả,Số tham chiếu"]
    rows += [f"16/03/2026,{amount},{text},{reference}" for amount, text, reference in lines]
    return ("\r\n".join(rows) + "\r\n").encode()


def upload(client, outlet, data: bytes):
    return client.post(f"/console/{outlet.slug}/statements/",
                       data={"statement": (io.BytesIO(data), "sao-ke.csv")},
                       content_type="multipart/form-data")


def apply_url(page: str) -> str:
    """Where the preview's "Record these transfers" form posts."""
    return re.search(r'action="([^"]*/apply)"', page).group(1)


def test_a_statement_is_previewed_applied_and_a_second_import_changes_nothing(app,
                                                                            staff_client,
                                                                            shop):
    outlet, product, _lot = shop
    exact, short, over = (place(app, outlet, product) for _ in range(3))
    data = statement_csv(("120.000", f"OCOP {exact.number} chuyen khoan", "FT100"),
                         ("100.000", f"thanh toan {short.number.lower()}", "FT101"),
                         ("130.000", f"{over.number}", "FT102"),
                         ("50.000", "chuyen tien an trua", "FT103"))
    preview = upload(staff_client, outlet, data).get_data(as_text=True)
    assert "Matched: the order becomes paid (1)" in preview
    assert "Short: the order still waits for the rest (1)" in preview
    assert "Over: paid, the excess to be refunded (1)" in preview
    assert "for a person to look at (1)" in preview and "chuyen tien an trua" in preview
    assert reload(exact).state == "awaiting_payment"  # a preview changes nothing

    applied = staff_client.post(apply_url(preview), follow_redirects=True)
    assert "Transfers recorded: 3; orders paid: 2." in applied.get_data(as_text=True)
    assert [reload(o).state for o in (exact, short, over)] == [
        "paid", "awaiting_payment", "paid"]
    assert payments(over) == [(130_000, 10_000)]

    again = upload(staff_client, outlet, data).get_data(as_text=True)
    assert "Already imported: nothing changes (3)" in again
    replay = staff_client.post(apply_url(preview), follow_redirects=True)
    assert "Nothing new in this statement: nothing changed." in replay.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Payment)) == 3


def test_an_unreadable_statement_names_the_problem(staff_client, shop):
    outlet = shop[0]
    answer = upload(staff_client, outlet, b"Ngay,So tien ghi co,Mo ta\r\n16/03/2026,1,x\r\n")
    assert answer.status_code == 400
    assert "no column for the bank" in answer.get_data(as_text=True)


def test_the_packing_slip_lists_each_item_with_its_lots_and_the_gift(app, staff_client, shop):
    outlet, product, lot = shop
    order = place(app, outlet, product, quantity=3, recipient_name="Bà Hoa",
                  gift_message="Chúc mừng năm mới, an khang thịnh vượng!")
    answer = staff_client.get(f"/console/{outlet.slug}/orders/{order.number}/slip.pdf")
    assert answer.mimetype == "application/pdf"
    document = pypdfium2.PdfDocument(answer.data)
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    assert order.number in text and outlet.name_vi in text
    assert f"Lot {lot.code}" in text and "3 × Chè Shan tuyết" in text
    assert "Bà Hoa" in text and "Chúc mừng năm mới, an khang thịnh vượng!" in text


def test_references_are_per_outlet_and_another_outlets_orders_never_match(app, client,
                                                                         sign_in, shop):
    outlet, product, _lot = shop
    elsewhere, their_product, _their_lot, _province = stocked_outlet()
    theirs = place(app, elsewhere, their_product)
    ours = place(app, outlet, product)
    staff_client = sign_in(UserFactory(role=Role.CUSTOMER, outlet=outlet))
    transfer(staff_client, outlet, ours, "120000", "FT500")
    other_staff = sign_in(UserFactory(role=Role.CUSTOMER, outlet=elsewhere), app.test_client())
    transfer(other_staff, elsewhere, theirs, "120000", "FT500")
    assert reload(theirs).state == "paid" and payments(theirs) == [(120_000, 0)]

    again = place(app, elsewhere, their_product)
    preview = upload(staff_client, outlet, statement_csv(
        ("120.000", f"OCOP {again.number}", "FT501"))).get_data(as_text=True)
    assert "for a person to look at (1)" in preview and "Record these transfers" not in preview


def test_another_outlets_statement_cannot_be_applied_here(app, staff_client, shop):
    outlet, product, _lot = shop
    elsewhere, their_product, _their_lot, _province = stocked_outlet()
    theirs = place(app, elsewhere, their_product)
    other_staff = UserFactory(role=Role.CUSTOMER, outlet=elsewhere)
    upload = statements.keep(elsewhere.id, "sao-ke.csv", statement_csv(
        ("120.000", f"OCOP {theirs.number}", "FT600")), other_staff)
    answer = staff_client.post(f"/console/{outlet.slug}/statements/{upload.id}/apply")
    assert answer.status_code == 404
    assert reload(theirs).state == "awaiting_payment"


def test_the_time_typed_for_a_transfer_is_the_time_shown(app, staff_client, shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)  # 120 000 đ, at 10:00 in Vietnam
    page = transfer(staff_client, outlet, order, "120000", "FT0930",
                    received_at="2026-03-16T09:30").get_data(as_text=True)
    assert "16/03/2026 09:30: ₫120,000" in page

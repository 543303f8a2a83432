"""The staff console: stock by product and lot, receiving a delivery, adjusting with a reason."""

from datetime import UTC, datetime

from sqlalchemy import select

from shop.accounts.models import Membership
from shop.extensions import db
from shop.outlets.reservations import take_fefo
from shop.outlets.stock_models import MoveReason, StockLevel, StockMove
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.web.outlets.conftest import error_of, options, stock, typed


def on_hand(outlet, lot) -> int:
    return db.session.scalar(select(StockLevel.on_hand).where(
        StockLevel.outlet_id == outlet.id, StockLevel.lot_id == lot.id)) or 0


def test_one_outlet_opens_straight_and_several_are_a_choice(staff_client, staff, outlet):
    assert staff_client.get("/console/").headers["Location"] == f"/console/{outlet.slug}/stock"
    other = OutletFactory(name_vi="Điểm bán OCOP Đà Lạt")
    staff.memberships.append(Membership(kind="outlet", outlet_id=other.id))
    db.session.flush()
    page = staff_client.get("/console/").get_data(as_text=True)
    assert "Điểm bán OCOP Hội An" in page and "Điểm bán OCOP Đà Lạt" in page


def test_stock_shows_lots_expiry_soon_to_expire_and_low_stock(staff_client, outlet, tea):
    stock(outlet, tea, 3, expires_in=20, code="L-SOON")
    stock(outlet, tea, 2, expires_in=200, code="L-LATER")
    take_fefo(outlet.id, tea.id, 1, None)
    page = staff_client.get(f"/console/{outlet.slug}/stock").get_data(as_text=True)

    assert page.index("L-SOON") < page.index("L-LATER")
    assert "Apr 5, 2026" in page and "Expires within 30 days" in page
    assert "Running low" in page and "4 can be sold" in page


def test_a_recalled_lot_is_marked_to_send_back(staff_client, outlet, tea):
    lot = stock(outlet, tea, 6, code="L-BAD")
    lot.recalled_at = datetime(2026, 3, 15, tzinfo=UTC)
    page = staff_client.get(f"/console/{outlet.slug}/stock").get_data(as_text=True)
    assert "Recalled: send back, do not sell" in page


def test_receiving_lists_the_products_then_only_that_products_lots(staff_client, outlet, tea):
    mine = LotFactory(product=tea, code="L-TEA")
    LotFactory(product=tea, code="L-RECALLED", recalled_at=datetime(2026, 3, 1, tzinfo=UTC))
    LotFactory(code="L-OTHER")
    unlisted = ProductFactory(name_en="No certificate", certificate=None)
    LotFactory(product=unlisted)

    first = staff_client.get(f"/console/{outlet.slug}/receive").get_data(as_text=True)
    assert "Oolong tea" in options(first, "product_id")
    assert "No certificate" not in options(first, "product_id")
    assert 'name="lot_id"' not in first  # the product comes first
    chosen = staff_client.get(f"/console/{outlet.slug}/receive?product_id={tea.id}"
                              ).get_data(as_text=True)
    assert [label.split(",")[0] for label in options(chosen, "lot_id")[1:]] == ["L-TEA"]

    response = staff_client.post(f"/console/{outlet.slug}/receive", data={
        "product_id": tea.id, "lot_id": mine.id, "quantity": "24", "note": "Phiếu 118"})
    assert response.headers["Location"] == f"/console/{outlet.slug}/stock"
    assert on_hand(outlet, mine) == 24
    assert "Received: 24 units on hand" in staff_client.get(
        f"/console/{outlet.slug}/stock").get_data(as_text=True)


def test_a_bad_delivery_keeps_what_was_typed_and_names_the_field(staff_client, outlet, tea):
    lot = LotFactory(product=tea, code="L-SMALL", quantity=10)
    response = staff_client.post(f"/console/{outlet.slug}/receive", data={
        "product_id": tea.id, "lot_id": lot.id, "quantity": "11", "note": "Phiếu 9"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "so at most 10 more can be received" in error_of(page, "quantity")
    assert typed(page, "quantity") == "11" and "Phiếu 9" in page

    other = LotFactory(code="L-ELSEWHERE")
    page = staff_client.post(f"/console/{outlet.slug}/receive", data={
        "product_id": tea.id, "lot_id": other.id, "quantity": "1"}).get_data(as_text=True)
    assert error_of(page, "lot_id") == "Choose one of this product&#39;s lots."
    page = staff_client.post(f"/console/{outlet.slug}/receive", data={
        "product_id": tea.id, "lot_id": lot.id, "quantity": "many"}).get_data(as_text=True)
    assert error_of(page, "quantity") and typed(page, "quantity") == "many"
    assert on_hand(outlet, lot) == 0


def test_adjusting_records_the_reason_and_who(staff_client, staff, outlet, tea):
    lot = stock(outlet, tea, 10, code="L-JARS")
    page = staff_client.get(f"/console/{outlet.slug}/adjust").get_data(as_text=True)
    assert any("L-JARS (10 on hand)" in label for label in options(page, "lot_id"))

    response = staff_client.post(f"/console/{outlet.slug}/adjust", data={
        "lot_id": lot.id, "reason": "adjusted_damaged", "delta": "-2", "note": "Vỡ 2 hũ"})
    assert response.status_code == 302 and on_hand(outlet, lot) == 8
    move = db.session.scalar(select(StockMove).where(
        StockMove.reason == MoveReason.ADJUSTED_DAMAGED))
    assert (move.quantity, move.actor_id, move.note) == (-2, staff.id, "Vỡ 2 hũ")

    refused = staff_client.post(f"/console/{outlet.slug}/adjust", data={
        "lot_id": lot.id, "reason": "adjusted_damaged", "delta": "3"})
    assert refused.status_code == 400
    assert "enter a negative number" in error_of(refused.get_data(as_text=True), "delta")


def test_staff_of_another_outlet_reach_nothing_of_this_one(client, sign_in, outlet, tea):
    lot = LotFactory(product=tea)
    stranger = sign_in(UserFactory(outlet=OutletFactory()))
    for path in ("stock", "receive", "adjust"):
        assert stranger.get(f"/console/{outlet.slug}/{path}").status_code == 403
    posted = stranger.post(f"/console/{outlet.slug}/receive", data={
        "product_id": tea.id, "lot_id": lot.id, "quantity": "5"})
    assert posted.status_code == 403 and on_hand(outlet, lot) == 0
    assert stranger.get(f"/console/{outlet.id}/stock").status_code == 404


def test_removed_staff_lose_the_console_at_their_next_request(staff_client, staff, outlet):
    assert staff_client.get(f"/console/{outlet.slug}/stock").status_code == 200
    db.session.delete(staff.memberships[0])
    db.session.flush()
    assert staff_client.get(f"/console/{outlet.slug}/stock").status_code == 403

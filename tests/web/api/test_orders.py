"""Ordering through the API: 201 with lines, lots, totals and a VietQR; the order read back
with its token; 409 naming what cannot be sold, 422 naming each bad field, 429 when one client
orders too often."""

import io

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.core import clock
from shop.extensions import db
from shop.orders.models import Order
from shop.outlets.stock import receive
from tests.factories import ComboFactory, LotFactory, ProductFactory, UserFactory
from tests.unit.combos.conftest import revoke
from tests.web.orders.support import stocked_outlet

PROBLEM_JSON = "application/problem+json"


@pytest.fixture
def shop():
    """An outlet with 10 units of tea (120 000 đ) and 3 of honey, and a combo of both."""
    outlet, tea, lot, _province = stocked_outlet(units=10, price=120_000)
    outlet.slug, tea.slug = "ttgt-ocop-ha-noi", "che-shan-tuyet"
    honey = ProductFactory(slug="mat-ong-bac-ha", name_vi="Mật ong bạc hà", price_vnd=80_000)
    receive(outlet.id, LotFactory(product=honey).id, 3, UserFactory(role=Role.ADMIN))
    ComboFactory(slug="qua-tet", parts=[(tea, 2), (honey, 1)], sold_at=[outlet],
                 price_vnd=290_000)
    return outlet, tea, honey, lot


def body(key="key-0000000000000001", items=None, **changes) -> dict:
    """A valid pickup-by-transfer order for two units of tea, with `changes`."""
    order = {"outlet": "ttgt-ocop-ha-noi",
             "items": items or [{"product": "che-shan-tuyet", "quantity": 2}],
             "fulfilment": {"method": "pickup", "pickup_on": clock.today().isoformat()},
             "contact": {"name": "Nguyễn Thị Lan", "phone": "0912 345 678",
                         "email": "lan@example.vn"},
             "payment_method": "vietqr", "idempotency_key": key}
    order.update(changes)
    return order


def _names(response) -> list[str]:
    return [error["name"] for error in response.get_json()["errors"]]


def test_an_order_placed_and_read_back_with_its_token(client, shop):
    _outlet, _tea, _honey, lot = shop
    placed = client.post("/api/v1/orders", json=body(items=[
        {"product": "che-shan-tuyet", "quantity": 2}, {"combo": "qua-tet", "quantity": 1}]))

    assert placed.status_code == 201
    order = placed.get_json()
    assert order["status"] == "awaiting_payment"
    assert order["totals"] == {"subtotal_vnd": 530_000, "delivery_fee_vnd": 0,
                               "total_vnd": 530_000}
    lines = {line["kind"]: line for line in order["lines"]}
    tea_line, combo_line = lines["product"], lines["combo"]
    assert tea_line["lots"] == [{"lot": lot.code, "product": "che-shan-tuyet", "quantity": 2,
                                 "trace_url": tea_line["lots"][0]["trace_url"]}]
    assert combo_line["kind"] == "combo" and combo_line["slug"] == "qua-tet"
    assert sorted(part["product"] for part in combo_line["lots"]) == [
        "che-shan-tuyet", "mat-ong-bac-ha"]
    qr = order["payment"]["vietqr"]
    assert "A000000727" in qr["payload"] and order["number"] in qr["message"]
    image = client.get(qr["qr_image_url"].removeprefix("https://ocop.example.vn"))
    assert image.status_code == 200
    with Image.open(io.BytesIO(image.data)) as png:
        assert zxingcpp.read_barcodes(png)[0].text == qr["payload"]
    assert order["order_url"].startswith(f"https://ocop.example.vn/orders/{order['number']}")

    token = order["access_token"]
    read = client.get(f"/api/v1/orders/{order['number']}",
                      headers={"Authorization": f"Bearer {token}"})
    assert read.status_code == 200 and read.get_json() == order
    assert "no-store" in read.headers["Cache-Control"]


def test_a_wrong_token_and_an_unknown_number_are_the_same_404(client, shop):
    number = client.post("/api/v1/orders", json=body()).get_json()["number"]
    wrong = client.get(f"/api/v1/orders/{number}", headers={"Authorization": "Bearer nope"})
    missing = client.get(f"/api/v1/orders/{number}")
    other = "2" * 9 if number != "2" * 9 else "3" * 9
    unknown = client.get(f"/api/v1/orders/{other}", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == missing.status_code == unknown.status_code == 404
    assert wrong.get_json() == missing.get_json() == unknown.get_json()
    assert wrong.content_type == PROBLEM_JSON


def test_the_same_key_again_gives_the_same_order(client, shop):
    first = client.post("/api/v1/orders", json=body()).get_json()
    again = client.post("/api/v1/orders", json=body()).get_json()
    assert again["number"] == first["number"]
    assert db.session.scalar(select(func.count()).select_from(Order)) == 1


def test_a_key_used_for_someone_elses_order_hands_nothing_over(client, shop):
    client.set_cookie("lang", "en")
    first = client.post("/api/v1/orders", json=body()).get_json()
    other = client.post("/api/v1/orders", json=body(contact={
        "name": "Kẻ gian", "phone": "0987 654 321", "email": "x@example.vn"}))

    assert other.status_code == 422 and _names(other) == ["idempotency_key"]
    assert first["access_token"] not in other.get_data(as_text=True)
    assert first["number"] not in other.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Order)) == 1


def test_asking_for_more_than_is_left_is_a_409_naming_the_item(client, shop):
    client.set_cookie("lang", "en")
    response = client.post("/api/v1/orders", json=body(items=[
        {"product": "che-shan-tuyet", "quantity": 1},
        {"product": "mat-ong-bac-ha", "quantity": 4}]))
    assert response.status_code == 409 and response.content_type == PROBLEM_JSON
    assert _names(response) == ["items.1"]
    assert response.get_json()["detail"] == "Only 3 left of Mật ong bạc hà."
    assert db.session.scalar(select(func.count()).select_from(Order)) == 0


def test_a_combo_whose_component_is_revoked_is_a_409_naming_it(client, shop):
    _outlet, _tea, honey, _lot = shop
    revoke(honey)
    response = client.post("/api/v1/orders", json=body(items=[
        {"product": "che-shan-tuyet", "quantity": 1}, {"combo": "qua-tet", "quantity": 1}]))
    assert response.status_code == 409
    assert _names(response) == ["items.1.combo"]


def test_every_bad_field_is_named_in_a_422(client, shop):
    bad = body(items=[{"product": "che-shan-tuyet", "quantity": 0}, {"combo": "x"}],
               payment_method="card", contact={"name": "", "phone": "0912345678"})
    response = client.post("/api/v1/orders", json=bad)
    assert response.status_code == 422 and response.content_type == PROBLEM_JSON
    names = _names(response)
    for name in ("items.0.quantity", "items.1.quantity", "payment_method", "contact.name",
                 "contact.email"):
        assert name in names


def test_slugs_naming_nothing_and_a_bad_phone_are_named(client, shop):
    unknown = client.post("/api/v1/orders", json=body(
        outlet="khong-co", items=[{"product": "khong-co", "quantity": 1}]))
    assert unknown.status_code == 422
    assert _names(unknown) == ["outlet", "items.0.product"]
    phone = body(contact={"name": "Lan", "phone": "12345", "email": "lan@example.vn"})
    response = client.post("/api/v1/orders", json=phone)
    assert response.status_code == 422 and _names(response) == ["contact.phone"]


def test_ordering_works_without_a_csrf_token(make_app, shop):
    db.session.commit()
    strict = make_app(WTF_CSRF_ENABLED=True)
    assert strict.test_client().post("/api/v1/orders", json=body()).status_code == 201


def test_the_order_after_the_limit_from_one_client_is_a_429(make_app, shop):
    db.session.commit()
    limited = make_app(RATELIMIT_ENABLED=True, ORDER_RATE_LIMIT="3 per minute").test_client()
    answers = [limited.post("/api/v1/orders", json=body(key=f"key-limit-{n:011d}"))
               for n in range(4)]
    assert [answer.status_code for answer in answers] == [201, 201, 201, 429]
    assert answers[3].content_type == PROBLEM_JSON
    assert answers[3].get_json()["status"] == 429
    assert "Retry-After" in answers[3].headers
    other = limited.post("/api/v1/orders", json=body(key="key-limit-other-client"),
                         environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert other.status_code == 201

"""A shopper's way from the product page to a placed order, its page, and its cancellation."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from shop.core import clock
from shop.extensions import db
from shop.mail.models import MailMessage
from shop.orders.models import Order
from shop.orders.transitions import cancel_expired
from shop.outlets.availability import sellable
from tests.web.orders.support import checkout_form, stocked_outlet


def _fill_cart(client, product, outlet, quantity=2):
    client.post("/cart/add", data={"kind": "product", "item_id": product.id,
                                   "quantity": quantity})
    answer = client.post("/cart", data={"outlet_id": outlet.id}, follow_redirects=True)
    assert 'flash-error' not in answer.get_data(as_text=True), re.findall(
        r'flash-error[^>]*>([^<]*)', answer.get_data(as_text=True))


def _key(client) -> str:
    page = client.get("/checkout").get_data(as_text=True)
    return re.search(r'name="key" value="([^"]+)"', page).group(1)


def test_a_guest_orders_for_pickup_and_sees_how_to_pay_by_vietqr(client):
    outlet, product, lot, _province = stocked_outlet()
    _fill_cart(client, product, outlet)
    assert "(2)" in client.get("/cart").get_data(as_text=True)

    answer = client.post("/checkout", data=checkout_form(_key(client)))

    assert answer.status_code == 302
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    order = db.session.scalar(select(Order))
    assert order.total_vnd == 240_000 and order.state == "awaiting_payment"
    assert "0011001234567" in page and f"OCOP {order.number}" in page
    assert f"Lot {lot.code}" in page
    qr = client.get(f"/orders/{order.number}/qr.png?t={order.access_token}")
    assert qr.status_code == 200 and qr.data.startswith(b"\x89PNG")
    assert sellable(outlet.id, [product.id])[product.id] == 8
    mail = db.session.scalar(select(MailMessage).where(MailMessage.to_address == "lan@example.vn"))
    assert f"OCOP {order.number}" in mail.text_body


def test_adding_an_unknown_or_unlisted_item_says_so(client):
    answer = client.post("/cart/add", data={"kind": "product", "item_id": "2000000",
                                            "quantity": 1}, follow_redirects=True)
    assert "This item is not for sale now" in answer.get_data(as_text=True)
    answer = client.post("/cart/add", data={"kind": "product", "item_id": "abc"},
                         follow_redirects=True)
    assert "Unknown item." in answer.get_data(as_text=True)


def test_the_order_page_needs_its_token(client, app):
    outlet, product, _lot, _province = stocked_outlet()
    _fill_cart(client, product, outlet)
    client.post("/checkout", data=checkout_form(_key(client)))
    order = db.session.scalar(select(Order))

    stranger = app.test_client()
    assert stranger.get(f"/orders/{order.number}").status_code == 404
    assert stranger.get(f"/orders/{order.number}?t=wrong").status_code == 404


def test_a_bad_mobile_number_keeps_what_was_typed_and_names_the_field(client):
    outlet, product, _lot, _province = stocked_outlet()
    _fill_cart(client, product, outlet)

    answer = client.post("/checkout", data=checkout_form(_key(client), contact_phone="12345"))

    page = answer.get_data(as_text=True)
    assert answer.status_code == 400
    assert 'id="contact_phone-error"' in page and "Enter a Vietnamese mobile number" in page
    assert 'value="Nguyễn Thị Lan"' in page
    assert db.session.scalar(select(func.count()).select_from(Order)) == 0


def test_submitting_the_form_twice_makes_one_order(client):
    outlet, product, _lot, _province = stocked_outlet()
    _fill_cart(client, product, outlet)
    key = _key(client)
    first = client.post("/checkout", data=checkout_form(key))
    _fill_cart(client, product, outlet)
    second = client.post("/checkout", data=checkout_form(key))

    assert first.headers["Location"] == second.headers["Location"]
    assert db.session.scalar(select(func.count()).select_from(Order)) == 1


def test_asking_for_more_than_is_left_says_how_many_are(client):
    outlet, product, _lot, _province = stocked_outlet(units=3)
    client.post("/cart/add", data={"kind": "product", "item_id": product.id, "quantity": 3})
    client.post("/cart", data={"outlet_id": outlet.id})
    key = _key(client)
    client.post("/cart", data={f"qty-product-{product.id}": "5"})
    # The cart now asks for more than the outlet has: checkout sends the shopper back.
    assert client.get("/checkout").status_code == 302
    client.post("/cart", data={f"qty-product-{product.id}": "3"})
    other = client.application.test_client()
    _fill_cart(other, product, outlet, quantity=1)
    other.post("/checkout", data=checkout_form(_key(other)))

    answer = client.post("/checkout", data=checkout_form(key))

    assert answer.status_code == 400
    assert "Only 2 left of " in answer.get_data(as_text=True)


def test_server_side_totals_for_delivery_ignore_the_form(client):
    outlet, product, _lot, province = stocked_outlet()
    _fill_cart(client, product, outlet, quantity=1)

    client.post("/checkout", data=checkout_form(
        _key(client), fulfilment="delivery", province_id=province.id, street="5 Lê Lợi",
        commune="Phường Bến Thành", payment_method="cash_delivery", total_vnd="1"))

    order = db.session.scalar(select(Order))
    assert (order.subtotal_vnd, order.delivery_fee_vnd, order.total_vnd) == (
        120_000, 30_000, 150_000)
    assert order.state == "cash_due"


def test_cancelling_gives_the_stock_back_and_mails_the_customer(client):
    outlet, product, _lot, _province = stocked_outlet()
    _fill_cart(client, product, outlet)
    client.post("/checkout", data=checkout_form(_key(client)))
    order = db.session.scalar(select(Order))

    client.post(f"/orders/{order.number}/cancel?t={order.access_token}")

    db.session.refresh(order)
    assert order.state == "cancelled"
    assert sellable(outlet.id, [product.id])[product.id] == 10
    assert db.session.scalar(select(func.count()).select_from(MailMessage).where(
        MailMessage.template == "order_cancelled")) == 1


def test_an_expired_hold_cancels_the_order(client, time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    outlet, product, _lot, _province = stocked_outlet()
    _fill_cart(client, product, outlet)
    client.post("/checkout", data=checkout_form(_key(client)))
    order = db.session.scalar(select(Order))

    assert cancel_expired(clock.utcnow() + timedelta(minutes=59)) == []
    time_machine.move_to("2026-03-16T11:00:01+07:00", tick=False)
    assert sellable(outlet.id, [product.id])[product.id] == 10  # free before any job ran
    assert cancel_expired() == [order.number]

    db.session.refresh(order)
    assert order.state == "cancelled"
    page = client.get(f"/orders/{order.number}?t={order.access_token}").get_data(as_text=True)
    assert "Cancelled" in page and "How to pay" not in page


def test_my_orders_lists_a_customers_orders(client, sign_in):
    from tests.factories import UserFactory
    outlet, product, _lot, _province = stocked_outlet()
    user = UserFactory()
    sign_in(user)
    _fill_cart(client, product, outlet)
    client.post("/checkout", data=checkout_form(_key(client)))
    order = db.session.scalar(select(Order))

    assert order.number in client.get("/account/orders").get_data(as_text=True)
    assert client.get(f"/orders/{order.number}").status_code == 200


def test_checkouts_after_the_limit_from_one_client_are_refused(make_app):
    outlet, product, _lot, _province = stocked_outlet()
    db.session.commit()
    limited = make_app(RATELIMIT_ENABLED=True, ORDER_RATE_LIMIT="2 per minute").test_client()
    limited.set_cookie("lang", "en")
    answers = []
    for _n in range(3):
        _fill_cart(limited, product, outlet, quantity=1)
        answers.append(limited.post("/checkout", data=checkout_form(_key(limited))))
    assert [answer.status_code for answer in answers] == [302, 302, 429]

"""Gift combos in the cart, at checkout and on the order: one line, its components' stock
held lot by lot, and off sale at once when a component's certificate is revoked."""

import re

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from shop.accounts.models import Role
from shop.extensions import db
from shop.orders.models import LineKind, Order, OrderLine
from shop.outlets.availability import sellable
from shop.outlets.stock import receive
from tests.factories import ComboFactory, LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.unit.combos.conftest import revoke
from tests.web.orders.support import checkout_form, stocked_outlet


def _combo_at(outlet, tea, units=10):
    """A combo of 2 × tea and 1 × honey (80 000 đ) at `outlet`, with `units` of honey there."""
    honey = ProductFactory(name_vi="Mật ong bạc hà", price_vnd=80_000)
    receive(outlet.id, LotFactory(product=honey).id, units, UserFactory(role=Role.ADMIN))
    combo = ComboFactory(name_vi="Hộp quà Tết Tây Bắc", name_en="North-West Tết box",
                         parts=[(tea, 2), (honey, 1)], sold_at=[outlet], price_vnd=290_000)
    return combo, honey


def _add(client, combo, outlet, quantity=2):
    client.post("/cart/add", data={"kind": "combo", "item_id": combo.id, "quantity": quantity})
    return client.post("/cart", data={"outlet_id": outlet.id}, follow_redirects=True)


def _key(client) -> str:
    page = client.get("/checkout").get_data(as_text=True)
    return re.search(r'name="key" value="([^"]+)"', page).group(1)


def test_a_guest_buys_a_combo_from_its_page(client):
    outlet, tea, _lot, _province = stocked_outlet(units=10, price=120_000)
    combo, honey = _combo_at(outlet, tea)

    page = client.get(f"/combos/{combo.slug}").get_data(as_text=True)
    assert 'name="kind" value="combo"' in page and f'name="item_id" value="{combo.id}"' in page
    cart = _add(client, combo, outlet).get_data(as_text=True)
    assert "North-West Tết box" in cart and "320,000" in cart  # beside its parts' price
    answer = client.post("/checkout", data=checkout_form(_key(client)))

    assert answer.status_code == 302
    order = db.session.scalar(select(Order).options(
        selectinload(Order.lines).selectinload(OrderLine.lots)))
    assert order.total_vnd == 580_000
    [line] = order.lines
    assert line.kind == LineKind.COMBO and line.combo_id == combo.id and line.quantity == 2
    assert sorted((part.product_id, part.quantity) for part in line.lots) == sorted(
        [(tea.id, 4), (honey.id, 2)])
    assert sellable(outlet.id, [tea.id, honey.id]) == {tea.id: 6, honey.id: 8}
    shown = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Hộp quà Tết Tây Bắc" in shown


def test_a_revoked_component_takes_the_combo_off_sale_in_cart_and_checkout(client):
    outlet, tea, _lot, _province = stocked_outlet(units=10)
    combo, honey = _combo_at(outlet, tea)
    _add(client, combo, outlet)
    key = _key(client)

    revoke(honey)
    cart = client.get("/cart").get_data(as_text=True)
    assert "No longer for sale: an OCOP certificate behind it is not current." in cart
    assert "Checkout</a>" not in cart
    assert client.get("/checkout").headers["Location"].endswith("/cart")
    answer = client.post("/checkout", data=checkout_form(key))

    assert answer.status_code == 400
    assert "no longer for sale" in answer.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Order)) == 0
    assert sellable(outlet.id, [tea.id])[tea.id] == 10  # nothing held


def test_a_combo_cannot_be_added_once_off_sale(client):
    outlet, tea, _lot, _province = stocked_outlet(units=10)
    combo, honey = _combo_at(outlet, tea)
    revoke(honey)

    answer = client.post("/cart/add", data={"kind": "combo", "item_id": combo.id,
                                            "quantity": 1}, follow_redirects=True)
    assert "This item is not for sale now" in answer.get_data(as_text=True)
    assert "No longer for sale" not in client.get("/cart").get_data(as_text=True)


def test_a_combo_short_of_one_component_names_it(client):
    outlet, tea, _lot, _province = stocked_outlet(units=10)
    combo, _honey = _combo_at(outlet, tea, units=1)
    cart = _add(client, combo, outlet, quantity=3).get_data(as_text=True)
    assert "This outlet can supply only 1." in cart


def test_an_outlet_that_does_not_sell_the_combo_cannot_supply_it(client):
    outlet, tea, _lot, _province = stocked_outlet(units=10)
    combo, _honey = _combo_at(outlet, tea)
    elsewhere = OutletFactory()
    cart = _add(client, combo, elsewhere, quantity=1).get_data(as_text=True)
    assert "This outlet can supply only 0." in cart

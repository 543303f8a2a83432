"""Producers follow their products in the portal: stock at the outlets, the order lines that
bought them, where a lot went; never another producer's, never the customers' details."""

from shop.accounts.models import Role
from shop.orders.states import ActorKind, OrderState
from shop.orders.transitions import advance
from shop.outlets.stock import receive
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.unit.orders.support import order_at
from tests.web.orders.support import stocked_outlet


def _member_of(product):
    return UserFactory(role=Role.PRODUCER, producer=product.producer)


def test_a_producer_sees_their_stock_at_each_outlet_and_no_one_elses(client, sign_in):
    outlet, product, lot, _province = stocked_outlet(units=10)
    other_outlet = OutletFactory(name_vi="Trung tâm OCOP Đà Lạt")
    receive(other_outlet.id, lot.id, 4, UserFactory(role=Role.ADMIN))
    order_at(outlet, product, 3)
    _other, foreign_product, foreign_lot, _ = stocked_outlet()
    sign_in(_member_of(product))

    page = client.get("/portal/stock").get_data(as_text=True)

    assert lot.code in page and "Trung tâm OCOP Đà Lạt" in page and outlet.name_vi in page
    assert foreign_lot.code not in page
    rows = page.split('<tbody>')[1]
    assert "<td>10</td>\n        <td>3</td>" in rows  # on hand, reserved at the first outlet


def test_order_lines_show_the_lots_and_no_customer(client, sign_in):
    outlet, product, lot, province = stocked_outlet()
    mine = order_at(outlet, product, 2, payment_method="cash_delivery", province=province)
    _o, foreign_product, _l, _p = stocked_outlet()
    foreign = order_at(_o, foreign_product, 1)
    sign_in(_member_of(product))

    page = client.get("/portal/orders").get_data(as_text=True)

    assert mine.number in page and lot.code in page and "To be paid in cash" in page
    assert foreign.number not in page
    for private in ("Nguyễn Thị Lan", "0912345678", "lan@example.vn", "Lý Thường Kiệt"):
        assert private not in page


def test_the_order_lines_page_costs_the_same_queries_for_many_orders(client, sign_in,
                                                                      count_queries):
    outlet, product, _lot, _province = stocked_outlet(units=50)
    sign_in(_member_of(product))
    order_at(outlet, product, 1)
    client.get("/portal/orders")
    with count_queries() as one:
        client.get("/portal/orders")
    for _ in range(5):
        order_at(outlet, product, 1)
    with count_queries() as six:
        client.get("/portal/orders")
    assert len(six) == len(one)


def test_a_lots_trail_is_its_producers_and_the_officers(client, sign_in, app):
    outlet, product, lot, _province = stocked_outlet(units=10)
    order = order_at(outlet, product, 2)
    advance(order, OrderState.CANCELLED, ActorKind.CUSTOMER, None)
    foreign_lot = LotFactory(product=ProductFactory())
    sign_in(_member_of(product))

    page = client.get(f"/portal/lots/{lot.id}/trail").get_data(as_text=True)

    assert order.number in page and outlet.name_vi in page and "Cancelled" in page
    assert "Nguyễn Thị Lan" not in page
    assert client.get(f"/portal/lots/{foreign_lot.id}/trail").status_code == 403
    assert client.get("/portal/lots/2000000/trail").status_code == 404
    officer = sign_in(UserFactory(role=Role.OFFICER), app.test_client())
    officer.set_cookie("lang", "en")
    assert order.number in officer.get(f"/portal/lots/{lot.id}/trail").get_data(as_text=True)
    lot_page = officer.get(f"/portal/lots/{lot.id}").get_data(as_text=True)
    assert f"/portal/lots/{lot.id}/trail" in lot_page


def test_the_receipt_links_each_lot_to_its_trace_page_in_bounded_queries(client,
                                                                         count_queries):
    outlet, product, lot, _province = stocked_outlet(units=10)
    second_lot = LotFactory(product=product, expires_on=lot.expires_on)
    receive(outlet.id, second_lot.id, 3, UserFactory(role=Role.ADMIN))
    order = order_at(outlet, product, 2)
    url = f"/orders/{order.number}?t={order.access_token}"
    with count_queries() as one_line:
        client.get(url)
    bigger = order_at(outlet, product, 10)  # the rest of the first lot, then the second

    with count_queries() as many_lots:
        page = client.get(f"/orders/{bigger.number}?t={bigger.access_token}")

    text = page.get_data(as_text=True)
    assert f"Lot {lot.code}: where it came from" in text
    assert f"Lot {second_lot.code}: where it came from" in text
    assert f'href="/t/{lot.token}"' in text and f'href="/t/{second_lot.token}"' in text
    assert len(many_lots) == len(one_line)


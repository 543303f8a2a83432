"""Given a lot: the outlets holding it and the orders that took from it."""

from shop.accounts.models import Role
from shop.orders.lot_trail import lot_trail
from shop.orders.states import ActorKind, OrderState
from shop.orders.transitions import advance
from shop.outlets.stock import receive
from shop.trace.lots import recall_lot
from tests.factories import LotFactory, OutletFactory, UserFactory
from tests.unit.orders.support import order_at
from tests.web.orders.support import stocked_outlet


def test_a_lot_is_followed_to_every_outlet_and_every_order(count_queries):
    centre, product, lot, _province = stocked_outlet(units=10)
    admin = UserFactory(role=Role.ADMIN)
    point = OutletFactory(name_vi="Điểm bán Hội An")
    receive(point.id, lot.id, 5, admin)
    receive(point.id, LotFactory(product=product).id, 7, admin)  # another lot: not listed
    first = order_at(centre, product, 3)
    second = order_at(point, product, 2, payment_method="cash_pickup")
    cancelled = order_at(point, product, 1, payment_method="cash_pickup")
    advance(cancelled, OrderState.CANCELLED, ActorKind.CUSTOMER, None)

    with count_queries() as queries:
        trail = lot_trail(lot.id)

    assert len(queries) == 2
    assert [(h.outlet.name_vi, h.on_hand, h.reserved, h.held) for h in trail.holdings] == [
        (centre.name_vi, 10, 3, 0), ("Điểm bán Hội An", 5, 2, 0)]
    assert {(o.number, o.outlet_name, o.quantity, o.state) for o in trail.orders} == {
        (first.number, centre.name_vi, 3, OrderState.AWAITING_PAYMENT),
        (second.number, point.name_vi, 2, OrderState.CASH_DUE),
        (cancelled.number, point.name_vi, 1, OrderState.CANCELLED)}


def test_a_recalled_lot_shows_what_each_outlet_set_aside():
    outlet, product, lot, _province = stocked_outlet(units=10)
    order = order_at(outlet, product, 4)

    recall_lot(lot.id, "Kiểm nghiệm không đạt", actor=UserFactory(role=Role.OFFICER))

    [holding] = lot_trail(lot.id).holdings
    assert (holding.on_hand, holding.reserved, holding.held) == (10, 4, 6)
    assert [o.number for o in lot_trail(lot.id).orders] == [order.number]


def test_a_lot_never_sold_has_an_empty_trail():
    trail = lot_trail(LotFactory().id)
    assert trail.holdings == [] and trail.orders == []

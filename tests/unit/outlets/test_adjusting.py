"""Adjusting stock: damage and expiry take units off, a recount goes either way, with a reason."""

import pytest

from shop.core.errors import InvalidInput
from shop.outlets.reservations import take_fefo
from shop.outlets.stock import adjust, receive
from shop.outlets.stock_models import MoveReason
from tests.factories import LotFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.usefixtures("frozen", "english")


@pytest.fixture
def stocked(outlet, staff, lot):
    """20 units of `lot` at `outlet`."""
    return receive(outlet.id, lot.id, 20, staff)


def test_damaged_units_come_off(session, outlet, staff, lot, stocked):
    level = adjust(outlet.id, lot.id, -3, MoveReason.ADJUSTED_DAMAGED, "Vỡ khi dỡ hàng", staff)
    assert level.on_hand == 17


def test_a_recount_may_add_units(session, outlet, staff, lot, stocked):
    assert adjust(outlet.id, lot.id, 2, MoveReason.ADJUSTED_COUNT, "", staff).on_hand == 22


@pytest.mark.parametrize("reason", [MoveReason.ADJUSTED_DAMAGED, MoveReason.ADJUSTED_EXPIRED])
def test_damage_and_expiry_only_take_off(session, outlet, staff, lot, stocked, reason):
    with pytest.raises(InvalidInput, match="negative number") as refused:
        adjust(outlet.id, lot.id, 2, reason, "", staff)
    assert refused.value.field == "delta"


@pytest.mark.parametrize("reason", [MoveReason.RECEIVED, MoveReason.SOLD, MoveReason.RESERVED,
                                    MoveReason.RECALL_HOLD])
def test_other_reasons_are_not_adjustments(session, outlet, staff, lot, stocked, reason):
    with pytest.raises(InvalidInput) as refused:
        adjust(outlet.id, lot.id, -1, reason, "", staff)
    assert refused.value.field == "reason"


@pytest.mark.parametrize("delta", [0, None])
def test_an_adjustment_changes_something(session, outlet, staff, lot, stocked, delta):
    with pytest.raises(InvalidInput) as refused:
        adjust(outlet.id, lot.id, delta, MoveReason.ADJUSTED_COUNT, "", staff)
    assert refused.value.field == "delta"


def test_stock_never_goes_below_zero_nor_under_what_orders_hold(session, outlet, staff, lot,
                                                                product, stocked):
    take_fefo(outlet.id, product.id, 15, None)
    with pytest.raises(InvalidInput) as refused:
        adjust(outlet.id, lot.id, -6, MoveReason.ADJUSTED_DAMAGED, "", staff)
    assert refused.value.field == "delta"
    assert refused.value.message == ("At most 5 units can be taken off: 15 are reserved for "
                                     "orders.")
    assert adjust(outlet.id, lot.id, -5, MoveReason.ADJUSTED_DAMAGED, "", staff).on_hand == 15


def test_a_recount_up_counts_against_the_lots_size(session, product):
    lot = LotFactory(product=product, quantity=30)
    outlet = OutletFactory()
    staff = UserFactory(outlet=outlet)
    receive(outlet.id, lot.id, 30, staff)
    with pytest.raises(InvalidInput, match="at most 0 more") as refused:
        adjust(outlet.id, lot.id, 1, MoveReason.ADJUSTED_COUNT, "", staff)
    assert refused.value.field == "quantity"


def test_a_lot_the_outlet_does_not_hold_names_the_lot(session, outlet, staff):
    with pytest.raises(InvalidInput, match="holds none of lot") as refused:
        adjust(outlet.id, LotFactory().id, -1, MoveReason.ADJUSTED_DAMAGED, "", staff)
    assert refused.value.field == "lot_id"

"""A recall takes the lot's stock out of what is sellable at once, and the ledger sets it aside."""

import pytest
from sqlalchemy import select

from shop.accounts.models import Role
from shop.core.errors import InvalidState
from shop.outlets.availability import availability_by_product, holders_of_lot, sellable
from shop.outlets.reservations import release, sell_hold, take_fefo
from shop.outlets.stock import adjust, receive
from shop.outlets.stock_models import MoveReason, StockLevel, StockMove
from shop.trace.lots import recall_lot
from tests.factories import OutletFactory, UserFactory

pytestmark = pytest.mark.usefixtures("frozen", "english")


@pytest.fixture
def officer_():
    return UserFactory(role=Role.OFFICER)


@pytest.fixture
def stocked(outlet, staff, lot, product):
    """10 units of `lot` at `outlet`, 3 of them reserved for an order."""
    receive(outlet.id, lot.id, 10, staff)
    [hold] = take_fefo(outlet.id, product.id, 3, None)
    return hold


def level(session, outlet, lot) -> StockLevel:
    return session.scalar(select(StockLevel).where(StockLevel.outlet_id == outlet.id,
                                                   StockLevel.lot_id == lot.id))


def test_a_recall_sets_the_free_units_aside_and_nothing_is_sellable(session, outlet, lot,
                                                                    product, stocked, officer_):
    recall_lot(lot.id, "Nhiễm nấm mốc", officer_)

    assert (level(session, outlet, lot).held, level(session, outlet, lot).reserved) == (7, 3)
    hold_move = session.scalar(select(StockMove).where(StockMove.reason == MoveReason.RECALL_HOLD))
    assert (hold_move.quantity, hold_move.actor_id) == (7, officer_.id)
    assert sellable(outlet.id, [product.id]) == {product.id: 0}
    assert availability_by_product([product.id]) == {product.id: 0}


def test_the_recalled_lots_holders_are_listed(session, outlet, lot, stocked, officer_):
    other = OutletFactory()
    receive(other.id, lot.id, 2, UserFactory(outlet=other))
    recall_lot(lot.id, "Nhiễm nấm mốc", officer_)

    assert [(h.outlet.id, h.on_hand, h.held) for h in holders_of_lot(lot.id)] == [
        (outlet.id, 10, 7), (other.id, 2, 2)]


def test_units_released_from_an_order_stay_set_aside(session, outlet, lot, stocked, officer_):
    recall_lot(lot.id, "Nhiễm nấm mốc", officer_)
    release(stocked.hold_id, None)
    assert (level(session, outlet, lot).held, level(session, outlet, lot).reserved) == (10, 0)


def test_a_held_order_of_a_recalled_lot_cannot_be_handed_over(session, lot, stocked, officer_,
                                                              staff):
    recall_lot(lot.id, "Nhiễm nấm mốc", officer_)
    with pytest.raises(InvalidState, match="recalled"):
        sell_hold(stocked.hold_id, staff)


def test_recalled_units_leave_the_shelf_from_what_was_set_aside(session, outlet, lot, stocked,
                                                                officer_, staff):
    recall_lot(lot.id, "Nhiễm nấm mốc", officer_)
    after = adjust(outlet.id, lot.id, -7, MoveReason.ADJUSTED_DAMAGED, "Trả lại HTX", staff)
    assert (after.on_hand, after.reserved, after.held) == (3, 3, 0)

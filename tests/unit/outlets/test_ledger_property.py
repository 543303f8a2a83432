"""After any sequence of stock operations, every level is its ledger's sum and nothing is
negative, oversold or received beyond a lot's size (a property test: hypothesis)."""

from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.core.errors import ShopError
from shop.outlets.availability import sellable
from shop.outlets.reservations import release, release_expired_holds, sell_hold, take_fefo
from shop.outlets.stock import ADJUSTMENT_LABELS, adjust, receive
from shop.outlets.stock_models import BUCKETS, MoveReason, StockHold, StockLevel, StockMove
from shop.trace.lots import recall_lot
from shop.trace.models import Lot
from tests.factories import OutletFactory, UserFactory
from tests.unit.outlets.conftest import lot_expiring_in

pytestmark = pytest.mark.usefixtures("frozen", "english")
NOW = datetime(2026, 3, 16, 3, tzinfo=UTC)
# Small numbers, so that sequences often reach the edges: an empty shelf, a full lot.
LOT_SIZE = 12

# How often each operation comes up: mostly stock moving in and out, now and then a recall.
KINDS = (["receive"] * 4 + ["take"] * 4 + ["adjust"] * 3 + ["release"] * 2 + ["sell"] * 2
         + ["expire", "recall"])


@pytest.fixture
def world(product):
    outlets = [OutletFactory(), OutletFactory()]
    lots = [lot_expiring_in(product, days, quantity=LOT_SIZE) for days in (40, 10, 300)]
    return outlets, lots, UserFactory(role=Role.ADMIN)


def _on_hand(session, outlet, lot) -> int:
    return session.scalar(select(StockLevel.on_hand).where(
        StockLevel.outlet_id == outlet.id, StockLevel.lot_id == lot.id)) or 0


def _intake(session, lot) -> int:
    return session.scalar(select(func.coalesce(func.sum(StockMove.quantity), 0)).where(
        StockMove.lot_id == lot.id, StockMove.quantity > 0,
        StockMove.reason.in_((MoveReason.RECEIVED, MoveReason.ADJUSTED_COUNT))))


def _step(data, session, outlets, lots, product, admin, holds) -> str:
    """Draw one operation, its numbers reaching just past what the stock allows, and do it."""
    kind = data.draw(st.sampled_from(KINDS), label="operation")
    outlet, lot = data.draw(st.sampled_from(outlets)), data.draw(st.sampled_from(lots))
    if kind == "receive":
        left = LOT_SIZE - _intake(session, lot)
        receive(outlet.id, lot.id, data.draw(st.integers(0, left + 1)), admin)
    elif kind == "adjust":
        held = [(level.outlet_id, level.lot_id) for level in session.scalars(select(StockLevel))]
        if held:  # mostly what is on a shelf: refusals of the rest are tested elsewhere
            outlet_id, lot_id = data.draw(st.sampled_from(held))
            outlet = next(o for o in outlets if o.id == outlet_id)
            lot = next(item for item in lots if item.id == lot_id)
        on_hand = _on_hand(session, outlet, lot)
        adjust(outlet.id, lot.id, data.draw(st.integers(-on_hand - 1, 3)),
               data.draw(st.sampled_from(sorted(ADJUSTMENT_LABELS))), "", admin)
    elif kind == "take":
        wanted = data.draw(st.integers(1, sellable(outlet.id, [product.id], now=NOW)[product.id]
                                       + 1))
        minutes = data.draw(st.sampled_from([None, -30, 30]))
        until = NOW + timedelta(minutes=minutes) if minutes is not None else None
        taken = take_fefo(outlet.id, product.id, wanted, None, now=NOW, hold_until=until,
                          reason=data.draw(st.sampled_from([MoveReason.RESERVED,
                                                            MoveReason.SOLD])))
        assert sum(t.quantity for t in taken) == wanted
        holds += [t.hold_id for t in taken if t.hold_id]
    elif kind in ("release", "sell") and holds:
        hold_id = data.draw(st.sampled_from(holds))
        release(hold_id, None) if kind == "release" else sell_hold(hold_id, admin)
    elif kind == "recall":
        recall_lot(lot.id, "Kiểm tra mẫu không đạt", admin)
    elif kind == "expire":
        release_expired_holds(NOW)
    return kind


def _check(session, outlets, lots, product) -> None:
    sums = defaultdict(int)
    for outlet_id, lot_id, reason, total in session.execute(
            select(StockMove.outlet_id, StockMove.lot_id, StockMove.reason,
                   func.sum(StockMove.quantity))
            .group_by(StockMove.outlet_id, StockMove.lot_id, StockMove.reason)):
        sums[outlet_id, lot_id, BUCKETS[reason].value] += total
    holding = dict(((o, lot), q) for o, lot, q in session.execute(
        select(StockHold.outlet_id, StockHold.lot_id, func.sum(StockHold.quantity))
        .where(StockHold.ended_at.is_(None)).group_by(StockHold.outlet_id, StockHold.lot_id)))
    recalled = {lot.id for lot in session.scalars(select(Lot).where(Lot.recalled_at.is_not(None)))}
    expected_sellable = defaultdict(int)
    for level in session.scalars(select(StockLevel)):
        key = (level.outlet_id, level.lot_id)
        assert (level.on_hand, level.reserved, level.held) == (
            sums[*key, "on_hand"], sums[*key, "reserved"], sums[*key, "held"])
        assert min(level.on_hand, level.reserved, level.held) >= 0
        assert level.reserved + level.held <= level.on_hand
        assert level.reserved == holding.get(key, 0)
        if level.lot_id in recalled:
            assert level.held == level.on_hand - level.reserved
        else:
            assert level.held == 0
            live = session.scalar(select(func.coalesce(func.sum(StockHold.quantity), 0)).where(
                StockHold.outlet_id == key[0], StockHold.lot_id == key[1],
                StockHold.ended_at.is_(None),
                (StockHold.expires_at.is_(None)) | (StockHold.expires_at > NOW)))
            expected_sellable[level.outlet_id] += level.on_hand - live
    for lot in lots:
        assert _intake(session, lot) <= LOT_SIZE
    for outlet in outlets:
        assert sellable(outlet.id, [product.id], now=NOW) == {
            product.id: expected_sellable[outlet.id]}


@settings(max_examples=100, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_levels_are_always_the_ledgers_sums(session, world, product, data):
    outlets, lots, admin = world
    nested = session.begin_nested()
    try:
        holds: list[int] = []
        for _ in range(data.draw(st.integers(1, 30), label="steps")):
            try:
                kind = _step(data, session, outlets, lots, product, admin, holds)
                event(f"{kind} done")
            except ShopError as refusal:
                # A refusal must leave everything as consistent as a success does.
                event(f"refused: {type(refusal).__name__}")
            _check(session, outlets, lots, product)
    finally:
        nested.rollback()
        session.expire_all()


def test_the_property_sees_a_level_changed_behind_the_ledgers_back(session, world, product):
    outlets, lots, admin = world
    receive(outlets[0].id, lots[0].id, 5, admin)
    session.scalar(select(StockLevel)).on_hand += 1
    with pytest.raises(AssertionError):
        _check(session, outlets, lots, product)

"""Taking stock for orders: first expiry first out, held until paid or released.

Callers (checkout, the orders' console) authorise the person; these functions keep the
stock right: a lot past its expiry, recalled, or of a product no longer listed is never
taken, and two buyers can never take the same last unit.
"""

from datetime import UTC, date, datetime
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import select

from shop.catalog.listing import is_listed, listed_product_ids
from shop.catalog.models import Product
from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import InvalidInput, InvalidState, NotFound
from shop.database import write_transaction
from shop.extensions import db
from shop.outlets.ledger import OutOfStock, is_recalled, lock_level, record, settle_recall
from shop.outlets.stock_models import MoveReason, StockHold, StockLevel
from shop.trace.models import Lot


class Taken(NamedTuple):
    """Units taken from one lot; `hold_id` names the hold when they were reserved."""

    lot_id: int
    quantity: int
    hold_id: int | None = None


def _fefo_levels(outlet_id: int, product_id: int, today: date) -> list[StockLevel]:
    """The product's sellable lots at the outlet, first expiry first, their levels locked."""
    return list(db.session.scalars(
        select(StockLevel).join(Lot, Lot.id == StockLevel.lot_id)
        .where(StockLevel.outlet_id == outlet_id, Lot.product_id == product_id,
               Lot.recalled_at.is_(None), Lot.expires_on >= today, StockLevel.on_hand > 0)
        .order_by(Lot.expires_on, Lot.id)
        .with_for_update(of=StockLevel).execution_options(populate_existing=True)))


def _end(hold: StockHold, level: StockLevel, actor: Actor | None, note: str = "") -> None:
    record(level, MoveReason.RELEASED, -hold.quantity, actor, note, hold_id=hold.id,
           order_line_id=hold.order_line_id)
    hold.ended_at = clock.utcnow()


def _release_expired(levels: list[StockLevel], now: datetime) -> None:
    """End the expired holds on these (locked) levels, so their units are free in the ledger."""
    by_lot = {level.lot_id: level for level in levels}
    if not by_lot:
        return
    expired = db.session.scalars(select(StockHold).where(
        StockHold.outlet_id == levels[0].outlet_id, StockHold.lot_id.in_(by_lot),
        StockHold.ended_at.is_(None), StockHold.expires_at <= now).order_by(StockHold.id))
    for hold in expired:
        _end(hold, by_lot[hold.lot_id], None)


def take_fefo(outlet_id: int, product_id: int, quantity: int, actor: Actor | None,
              reason: MoveReason = MoveReason.RESERVED, hold_until: datetime | None = None,
              order_line_id: int | None = None, today: date | None = None,
              now: datetime | None = None) -> list[Taken]:
    """Reserve (or sell) `quantity` units of a product at an outlet from its lots, first
    expiry first; OutOfStock saying how many are left when there are not enough."""
    if reason not in (MoveReason.RESERVED, MoveReason.SOLD):
        raise ValueError(f"take_fefo reserves or sells, not {reason}")
    if quantity is None or quantity < 1:
        raise InvalidInput(_("Enter a number of units, 1 or more."), "quantity")
    write_transaction()
    today, now = today or clock.today(), now or clock.utcnow()
    # Stored in UTC: SQLite keeps no offset, so every instant compared must be UTC.
    hold_until = hold_until.astimezone(UTC) if hold_until is not None else None
    if not is_listed(product_id, today):
        raise InvalidState(_("This product's OCOP certificate is not current: it cannot be "
                             "sold."), "product_id")
    levels = _fefo_levels(outlet_id, product_id, today)
    _release_expired(levels, now)
    available = sum(level.free for level in levels)
    if available < quantity:
        raise OutOfStock(available)
    taken, wanted = [], quantity
    for level in levels:
        part = min(level.free, wanted)
        if part <= 0:
            continue
        hold_id = None
        if reason is MoveReason.RESERVED:
            hold = StockHold(outlet_id=outlet_id, lot_id=level.lot_id, quantity=part,
                             expires_at=hold_until, order_line_id=order_line_id)
            db.session.add(hold)
            db.session.flush()
            hold_id = hold.id
        record(level, reason, part if reason is MoveReason.RESERVED else -part, actor,
               hold_id=hold_id, order_line_id=order_line_id)
        taken.append(Taken(level.lot_id, part, hold_id))
        wanted -= part
        if not wanted:
            break
    return taken


class Want(NamedTuple):
    """Units of a product an order line asks for (`reserve_fefo`)."""

    product_id: int
    quantity: int
    order_line_id: int | None = None


class ShortOf(OutOfStock):
    """OutOfStock naming which of the wants ran short."""

    def __init__(self, available: int, index: int):
        super().__init__(available)
        self.index = index


def reserve_fefo(outlet_id: int, wants: list[Want], actor: Actor | None,
                 hold_until: datetime | None, today: date, now: datetime
                 ) -> list[list[Taken]]:
    """`take_fefo` reserving for many lines at once, in a fixed number of statements: every
    level of the products locked by one SELECT … FOR UPDATE in id order (so two orders never
    deadlock), then each want served first expiry first in its turn (a product asked for
    twice takes from what the first left). The Taken of each want; ShortOf naming the first
    want that cannot be served (nothing is written then that the caller keeps)."""
    write_transaction()
    hold_until = hold_until.astimezone(UTC) if hold_until is not None else None
    product_ids = sorted({want.product_id for want in wants})
    listed = set(db.session.scalars(listed_product_ids(today).where(
        Product.id.in_(product_ids))))
    rows = db.session.execute(
        select(StockLevel, Lot).join(Lot, Lot.id == StockLevel.lot_id)
        .where(StockLevel.outlet_id == outlet_id, Lot.product_id.in_(product_ids),
               Lot.recalled_at.is_(None), Lot.expires_on >= today, StockLevel.on_hand > 0)
        .order_by(StockLevel.id)
        .with_for_update(of=StockLevel).execution_options(populate_existing=True)).all()
    levels = [level for level, _lot in rows]
    _release_expired(levels, now)
    fefo: dict[int, list[StockLevel]] = {}
    for level, lot in sorted(rows, key=lambda row: (row[1].expires_on, row[1].id)):
        fefo.setdefault(lot.product_id, []).append(level)
    free = {level.id: level.free for level in levels}
    plans = []
    for index, want in enumerate(wants):
        if want.product_id not in listed:
            raise InvalidState(_("This product's OCOP certificate is not current: it cannot "
                                 "be sold."), "product_id")
        candidates = fefo.get(want.product_id, [])
        available = sum(free[level.id] for level in candidates)
        if available < want.quantity:
            raise ShortOf(available, index)
        plan, wanted = [], want.quantity
        for level in candidates:
            part = min(free[level.id], wanted)
            if part <= 0:
                continue
            hold = StockHold(outlet_id=outlet_id, lot_id=level.lot_id, quantity=part,
                             expires_at=hold_until, order_line_id=want.order_line_id)
            free[level.id] -= part  # a later want of the same product sees them taken
            plan.append((level, hold, want))
            wanted -= part
            if not wanted:
                break
        plans.append(plan)
    db.session.add_all([hold for plan in plans for _level, hold, _want in plan])
    db.session.flush()  # one INSERT of every hold, for their ids
    taken = []
    for plan in plans:
        parts = []
        for level, hold, want in plan:
            record(level, MoveReason.RESERVED, hold.quantity, actor, hold_id=hold.id,
                   order_line_id=want.order_line_id, flush=False)
            parts.append(Taken(level.lot_id, hold.quantity, hold.id))
        taken.append(parts)
    return taken


def _locked_hold(hold_id: int) -> tuple[StockHold, StockLevel]:
    """A live hold and its level, the level locked first (the hold's state is read under it)."""
    write_transaction()
    hold = db.session.get(StockHold, hold_id)
    if hold is None:
        raise NotFound(_("No such hold."))
    level = lock_level(hold.outlet_id, hold.lot_id)
    db.session.refresh(hold)
    if hold.ended_at is not None:
        raise InvalidState(_("These units are no longer held."))
    return hold, level


def release(hold_id: int, actor: Actor | None, note: str = "") -> Taken:
    """Give a hold's units back (an order cancelled); of a recalled lot they stay set aside."""
    hold, level = _locked_hold(hold_id)
    _end(hold, level, actor, note)
    settle_recall(level, is_recalled(hold.lot_id), actor)
    return Taken(hold.lot_id, hold.quantity, hold.id)


def sell_hold(hold_id: int, actor: Actor | None, order_line_id: int | None = None) -> Taken:
    """Hand over a hold's units: they leave the reservation and the shelf."""
    hold, level = _locked_hold(hold_id)
    if is_recalled(hold.lot_id):
        raise InvalidState(_("This lot has been recalled: its units cannot be sold."), "lot_id")
    line = order_line_id or hold.order_line_id
    _end(hold, level, actor)
    record(level, MoveReason.SOLD, -hold.quantity, actor, hold_id=hold.id, order_line_id=line)
    return Taken(hold.lot_id, hold.quantity, hold.id)


def keep_hold(hold_id: int) -> bool:
    """Hold the units until released or sold, not until a time (an order paid or being
    prepared); False when they were given back already."""
    write_transaction()
    hold = db.session.get(StockHold, hold_id)
    if hold is None:
        return False
    # Under the level's lock: a buyer taking the lot meanwhile ends an expired hold first.
    lock_level(hold.outlet_id, hold.lot_id)
    db.session.refresh(hold)
    if hold.ended_at is not None:
        return False
    hold.expires_at = None
    db.session.flush()
    return True


def release_expired_holds(now: datetime | None = None) -> int:
    """Release every expired hold in the ledger (a periodic job may run it); how many."""
    write_transaction()
    now = now or clock.utcnow()
    pairs = db.session.execute(
        select(StockHold.outlet_id, StockHold.lot_id).where(
            StockHold.ended_at.is_(None), StockHold.expires_at <= now).distinct()).all()
    ended = 0
    for outlet_id, lot_id in sorted(pairs):
        level = lock_level(outlet_id, lot_id)
        holds = list(db.session.scalars(select(StockHold).where(
            StockHold.outlet_id == outlet_id, StockHold.lot_id == lot_id,
            StockHold.ended_at.is_(None), StockHold.expires_at <= now)
            .execution_options(populate_existing=True)))
        for hold in holds:
            _end(hold, level, None)
        settle_recall(level, is_recalled(lot_id), None)
        ended += len(holds)
    return ended

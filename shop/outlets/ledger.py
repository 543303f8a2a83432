"""The one way stock changes: a ledger row and its level's running sum, the level locked.

Every service that changes stock goes through `lock_level` and `record`; nothing else writes
stock_levels or stock_moves. Locks: a lot's row (when its size matters) before its levels,
levels in the order their queries give (id or first expiry), so no two writers deadlock.
"""

from flask_babel import gettext as _
from sqlalchemy import select

from shop.core.actors import Actor
from shop.core.errors import InvalidState
from shop.extensions import db
from shop.outlets.stock_models import BUCKETS, MoveReason, StockLevel, StockMove
from shop.trace.models import Lot


class OutOfStock(InvalidState):
    """Fewer units are free than were asked for; `available` says how many are."""

    def __init__(self, available: int, field: str = "quantity"):
        super().__init__(_("Only %(count)d left.", count=available), field)
        self.available = available


def lock_level(outlet_id: int, lot_id: int, create: bool = False) -> StockLevel | None:
    """The (outlet, lot) level, locked until commit and read fresh; a new one when `create`
    (only under the lot's lock, so two receipts never both create it)."""
    level = db.session.scalar(
        select(StockLevel).where(StockLevel.outlet_id == outlet_id, StockLevel.lot_id == lot_id)
        .with_for_update().execution_options(populate_existing=True))
    if level is None and create:
        level = StockLevel(outlet_id=outlet_id, lot_id=lot_id, on_hand=0, reserved=0, held=0)
        db.session.add(level)
        db.session.flush()
    return level


def record(level: StockLevel, reason: MoveReason, quantity: int, actor: Actor | None,
           note: str = "", hold_id: int | None = None,
           order_line_id: int | None = None, flush: bool = True) -> StockMove:
    """Add a move to the ledger and to its level's quantity, in the same flush (`flush`
    False: in the caller's next one, for many moves written together)."""
    bucket = BUCKETS[reason]
    setattr(level, bucket.value, getattr(level, bucket.value) + quantity)
    move = StockMove(outlet_id=level.outlet_id, lot_id=level.lot_id, quantity=quantity,
                     reason=reason, actor_id=actor.id if actor is not None else None,
                     note=note, hold_id=hold_id, order_line_id=order_line_id)
    db.session.add(move)
    if flush:
        db.session.flush()
    return move


def settle_recall(level: StockLevel, recalled: bool, actor: Actor | None) -> None:
    """For a recalled lot, hold every unit not reserved (recall_hold / recall_release moves),
    so what is set aside always matches what is on the shelf."""
    if not recalled:
        return
    change = level.on_hand - level.reserved - level.held
    if change > 0:
        record(level, MoveReason.RECALL_HOLD, change, actor)
    elif change < 0:
        record(level, MoveReason.RECALL_RELEASE, change, actor)


def is_recalled(lot_id: int) -> bool:
    """True once the lot is recalled, read from the database (not a loaded object)."""
    return db.session.scalar(select(Lot.recalled_at).where(Lot.id == lot_id)) is not None

"""Outlet staff's stock work: receiving deliveries by lot, and adjustments with a reason."""

from datetime import date

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from shop.catalog.listing import is_listed
from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.core.text import check_text
from shop.database import write_transaction
from shop.extensions import db
from shop.outlets.ledger import is_recalled, lock_level, record, settle_recall
from shop.outlets.models import Outlet
from shop.outlets.stock_models import MoveReason, StockLevel, StockMove
from shop.trace.lots import lock_lot
from shop.trace.models import Lot

ADJUSTMENT_LABELS = {
    MoveReason.ADJUSTED_DAMAGED: _l("Damaged"),
    MoveReason.ADJUSTED_EXPIRED: _l("Expired, taken off the shelf"),
    MoveReason.ADJUSTED_COUNT: _l("Count correction"),
}
# Damage and expiry only ever take units away; a count may go either way.
_REMOVALS = frozenset({MoveReason.ADJUSTED_DAMAGED, MoveReason.ADJUSTED_EXPIRED})
# Moves that bring units in from the lot: together, at all outlets, at most its size.
_INTAKE = (MoveReason.RECEIVED, MoveReason.ADJUSTED_COUNT)
MAX_NOTE = 500


def staff_outlet(outlet_id: int, actor: Actor) -> Outlet:
    """The outlet, when the actor is on its staff (or an admin)."""
    outlet = db.session.get(Outlet, outlet_id)
    if outlet is None:
        raise NotFound(_("No such outlet."))
    if not actor.is_staff_of(outlet.id):
        raise Forbidden(_("You are not on this outlet's staff."))
    return outlet


def _quantity(value: int | None, field: str) -> int:
    if value is None or value < 1:
        raise InvalidInput(_("Enter a number of units, 1 or more."), field)
    return value


def _note(value: str) -> str:
    value = check_text((value or "").strip(), "note", multiline=True)
    if len(value) > MAX_NOTE:
        raise InvalidInput(_("At most %(count)d characters.", count=MAX_NOTE), "note")
    return value


def _locked_lot(lot_id: int | None) -> Lot:
    """The lot, its row locked so that what outlets take in from it is counted by one
    writer at a time."""
    if lot_id is None:
        raise InvalidInput(_("Choose the lot."), "lot_id")
    lock_lot(lot_id)
    lot = db.session.get(Lot, lot_id, populate_existing=True)
    if lot is None:
        raise InvalidInput(_("Choose the lot."), "lot_id")
    return lot


def _check_intake(lot: Lot, quantity: int) -> None:
    """What all outlets took in from the lot, with `quantity`, stays within its size."""
    taken_in = db.session.scalar(select(func.coalesce(func.sum(StockMove.quantity), 0)).where(
        StockMove.lot_id == lot.id, StockMove.reason.in_(_INTAKE), StockMove.quantity > 0))
    left = max(lot.quantity - taken_in, 0)
    if quantity > left:
        raise InvalidInput(
            _("Lot %(code)s holds %(size)s units and outlets have received %(received)s of "
              "them, so at most %(left)s more can be received.", code=lot.code,
              size=format_decimal(lot.quantity), received=format_decimal(taken_in),
              left=format_decimal(left)), "quantity")


def receive(outlet_id: int, lot_id: int | None, quantity: int | None, actor: Actor,
            product_id: int | None = None, note: str = "",
            today: date | None = None) -> StockLevel:
    """Record a delivery of a lot: the product's own lot, listed, not recalled, not expired,
    and never more than the lot holds across all outlets."""
    write_transaction()
    outlet = staff_outlet(outlet_id, actor)
    today = today or clock.today()
    quantity, note = _quantity(quantity, "quantity"), _note(note)
    lot = _locked_lot(lot_id)
    if product_id is not None and lot.product_id != product_id:
        raise InvalidInput(_("Choose one of this product's lots."), "lot_id")
    if lot.recalled:
        raise InvalidInput(_("Lot %(code)s has been recalled and cannot be received.",
                             code=lot.code), "lot_id")
    if lot.expires_on < today:
        raise InvalidInput(_("Lot %(code)s expired on %(date)s and cannot be received.",
                             code=lot.code, date=lot.expires_on.strftime("%d/%m/%Y")),
                           "lot_id")
    if not is_listed(lot.product_id, today):
        raise InvalidInput(_("This product's OCOP certificate is not current: it cannot be "
                             "sold, so it is not received."), "product_id")
    _check_intake(lot, quantity)
    level = lock_level(outlet.id, lot.id, create=True)
    record(level, MoveReason.RECEIVED, quantity, actor, note)
    return level


def adjust(outlet_id: int, lot_id: int | None, delta: int | None, reason: MoveReason,
           note: str, actor: Actor) -> StockLevel:
    """Correct what an outlet holds of a lot (damage, expiry, a recount), with the reason."""
    write_transaction()
    outlet = staff_outlet(outlet_id, actor)
    if reason not in ADJUSTMENT_LABELS:
        raise InvalidInput(_("Choose a reason."), "reason")
    if not delta:
        raise InvalidInput(_("Enter how many units to add (+) or take off (−)."), "delta")
    if delta > 0 and reason in _REMOVALS:
        raise InvalidInput(_("Damaged or expired units are taken off: enter a negative "
                             "number."), "delta")
    note = _note(note)
    lot = _locked_lot(lot_id) if delta > 0 else db.session.get(Lot, lot_id or 0)
    if lot is None:
        raise InvalidInput(_("Choose the lot."), "lot_id")
    if delta > 0:
        _check_intake(lot, delta)
    level = lock_level(outlet.id, lot.id)
    if level is None:
        raise InvalidInput(_("This outlet holds none of lot %(code)s.", code=lot.code), "lot_id")
    # Read under the level's lock: a recall settles its levels under the same lock.
    recalled = is_recalled(lot.id)
    # Units set aside for a recall may leave the shelf; reserved ones wait for their orders.
    removable = level.on_hand - level.reserved - (0 if recalled else level.held)
    if -delta > removable:
        raise InvalidInput(
            _("At most %(count)d units can be taken off: %(reserved)d are reserved for orders.",
              count=removable, reserved=level.reserved), "delta")
    if delta < 0 and recalled and level.held:
        record(level, MoveReason.RECALL_RELEASE, -min(level.held, -delta), actor)
    record(level, reason, delta, actor, note)
    settle_recall(level, recalled, actor)
    return level

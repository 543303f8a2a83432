"""A bank statement imported at an outlet (read by shop.payments.statements): previewed (what
each line would do), then applied all or nothing; applying it again changes nothing."""

import io
from dataclasses import dataclass
from datetime import UTC, datetime, time

from flask_babel import gettext as _
from sqlalchemy import select

from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import NotFound
from shop.database import write_transaction
from shop.extensions import db
from shop.orders.models import Order
from shop.orders.payments import record_transfer
from shop.orders.states import OrderState
from shop.payments.models import PaymentSource, StatementUpload
from shop.payments.received import received_by_order, seen_references
from shop.payments.statements import (
    LineStatus,
    OpenOrder,
    Reconciliation,
    StatementLine,
    match,
    read_statement,
)

RECORDED = (LineStatus.MATCHED, LineStatus.SHORT, LineStatus.OVER)


@dataclass(frozen=True)
class Applied:
    """What applying a statement did: the orders it paid and the lines it recorded."""

    paid: tuple[str, ...]
    recorded: int
    reconciliation: Reconciliation


def _open_orders(outlet_id: int, lock: bool) -> tuple[list[OpenOrder], dict[str, int]]:
    """The outlet's orders awaiting a transfer (numbers, totals, already received) and their
    ids by number; locked in id order when applying."""
    rows = select(Order.id, Order.number, Order.total_vnd).where(
        Order.outlet_id == outlet_id, Order.state == OrderState.AWAITING_PAYMENT
    ).order_by(Order.id)
    if lock:
        rows = rows.with_for_update()
    found = db.session.execute(rows).all()
    received = received_by_order([row.id for row in found])
    return ([OpenOrder(row.number, row.total_vnd, received.get(row.id, 0)) for row in found],
            {row.number: row.id for row in found})


def _seen(outlet_id: int, lines: list[StatementLine]) -> set[str]:
    """The lines' references already recorded at the outlet."""
    return seen_references(outlet_id, (line.reference for line in lines))


def read(data: bytes) -> list[StatementLine]:
    """The statement's credit lines (InvalidInput / StatementError naming what is wrong)."""
    return read_statement(io.BytesIO(data))


def preview(outlet_id: int, data: bytes) -> Reconciliation:
    """What importing the statement would do now, changing nothing."""
    lines = read(data)
    orders, _ids = _open_orders(outlet_id, lock=False)
    return match(lines, orders, _seen(outlet_id, lines))


def keep(outlet_id: int, file_name: str, data: bytes, actor: Actor) -> StatementUpload:
    """Keep a statement that reads well, for its preview to be applied later (flush)."""
    write_transaction()
    upload = StatementUpload(outlet_id=outlet_id, file_name=(file_name or "")[:200],
                             content=data, uploaded_by_id=actor.id)
    db.session.add(upload)
    db.session.flush()
    return upload


def kept(outlet_id: int, upload_id: int | None) -> StatementUpload:
    """A statement uploaded at the outlet; NotFound for another outlet's or none."""
    upload = db.session.get(StatementUpload, upload_id) if upload_id else None
    if upload is None or upload.outlet_id != outlet_id:
        raise NotFound(_("This statement is not one uploaded here: upload it again."))
    return upload


def _received_at(line: StatementLine, now: datetime) -> datetime:
    """A statement gives the day only: its start in the shop's zone (never after now)."""
    start = datetime.combine(line.booked_on, time(0), tzinfo=clock.SHOP_ZONE)
    # Stored in UTC: SQLite keeps the wall time it is given, unconverted.
    return min(start, now).astimezone(UTC)


def apply(outlet_id: int, data: bytes, actor: Actor) -> Applied:
    """Record every matched, short and over line in this transaction (flush; the caller
    commits): orders covered become paid; known references and unmatched lines change nothing."""
    write_transaction()
    lines = read(data)
    orders, ids = _open_orders(outlet_id, lock=True)
    reconciliation = match(lines, orders, _seen(outlet_id, lines))
    now = clock.utcnow()
    paid, recorded = [], 0
    for found in sorted(reconciliation.matches, key=lambda m: m.line.booked_on):
        if found.status not in RECORDED:
            continue
        outcome = record_transfer(ids[found.order_number], found.line.amount,
                                  _received_at(found.line, now), found.line.reference, actor,
                                  source=PaymentSource.STATEMENT)
        if not outcome.duplicate:
            recorded += 1
        if outcome.paid:
            paid.append(found.order_number)
    return Applied(tuple(paid), recorded, reconciliation)

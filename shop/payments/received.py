"""What has been received: the payments recorded for orders and the bank references known
at an outlet (read only; recording them is the orders' work, as it moves the order on)."""

from collections.abc import Iterable

from sqlalchemy import func, select

from shop.extensions import db
from shop.payments.models import Payment
from shop.payments.statements import reference_key


def received_vnd(order_id: int) -> int:
    """All money recorded for the order."""
    return db.session.scalar(select(func.coalesce(func.sum(Payment.amount_vnd), 0))
                             .where(Payment.order_id == order_id))


def received_by_order(order_ids: list[int]) -> dict[int, int]:
    """Money recorded for each of the orders (those with none left out), in one query."""
    if not order_ids:
        return {}
    return dict(db.session.execute(
        select(Payment.order_id, func.sum(Payment.amount_vnd))
        .where(Payment.order_id.in_(order_ids)).group_by(Payment.order_id)).all())


def payments_of(order_id: int) -> list[Payment]:
    """The order's payments, oldest first."""
    return list(db.session.scalars(select(Payment).where(Payment.order_id == order_id)
                                   .order_by(Payment.received_at, Payment.id)))


def known_reference(outlet_id: int, reference: str) -> Payment | None:
    """The payment already recorded at the outlet under this bank reference, if any."""
    return db.session.scalar(select(Payment).where(
        Payment.outlet_id == outlet_id, Payment.reference_key == reference_key(reference)))


def seen_references(outlet_id: int, references: Iterable[str]) -> set[str]:
    """Which of these references (as keys) are recorded at the outlet already."""
    keys = {reference_key(reference) for reference in references}
    if not keys:
        return set()
    return set(db.session.scalars(select(Payment.reference_key).where(
        Payment.outlet_id == outlet_id, Payment.reference_key.in_(keys))))

"""Producer organisations: looking them up for the people who belong to them."""

from sqlalchemy import select

from shop.extensions import db
from shop.producers.models import Producer


def producers_by_name(producer_ids: list[int]) -> list[Producer]:
    """The producers with these ids, by name (one query)."""
    if not producer_ids:
        return []
    return list(db.session.scalars(
        select(Producer).where(Producer.id.in_(producer_ids)).order_by(Producer.name)))

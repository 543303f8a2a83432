"""Provinces as the forms that name one offer them."""

from sqlalchemy import select

from shop.extensions import db
from shop.places.models import Province


def provinces_by_name() -> list[Province]:
    """Every province, by name (for choosing one)."""
    return list(db.session.scalars(select(Province).order_by(Province.name)))

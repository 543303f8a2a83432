"""The rule that defines the shop: a product is listed only while its certificate is current.

Every public surface (pages, search, API, sitemap, and later combos and checkout) starts
from `listed_products()`; nothing else decides what is for sale.
"""

from datetime import date

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import contains_eager

from shop import clock
from shop.catalog.models import Product
from shop.extensions import db
from shop.ocop.models import Certificate
from shop.ocop.rules import MIN_OCOP_STARS
from shop.producers.models import Producer


def certificate_is_current(today: date) -> ColumnElement[bool]:
    """SQL: the certificate is the live one, 3★+, recognised, unexpired and unrevoked today.

    `ocop.rules.status_on` states the same rule for one certificate in Python; a test
    holds the two in agreement.
    """
    return and_(
        Certificate.superseded.is_(False),
        Certificate.revoked_on.is_(None),
        Certificate.stars >= MIN_OCOP_STARS,
        Certificate.recognized_on <= today,
        Certificate.expires_on >= today,
    )


def listed_products(today: date | None = None) -> Select[tuple[Product]]:
    """Products for sale today, with certificate, producer and province loaded by the join."""
    today = today or clock.today()
    return (
        select(Product)
        .join(Certificate, and_(Certificate.product_id == Product.id,
                                certificate_is_current(today)))
        .join(Product.producer)
        .join(Producer.province)
        .options(
            contains_eager(Product.certificate),
            contains_eager(Product.producer).contains_eager(Producer.province),
        )
    )


def is_listed(product_id: int, today: date | None = None) -> bool:
    """True when the product is for sale today."""
    query = listed_products(today).where(Product.id == product_id).with_only_columns(Product.id)
    return db.session.execute(query).first() is not None

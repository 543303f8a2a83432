"""The listed-products queries: the shop's rule (shop.ocop.listing_rule) applied to products.

Every public surface (pages, search, API, sitemap, and later combos and checkout) starts
from `listed_products()` or, for counts and ids, `listed_product_ids()`; nothing else decides
what is for sale.
"""

from datetime import date
from functools import lru_cache

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import contains_eager, defer, with_expression
from sqlalchemy.orm.interfaces import LoaderOption

from shop.catalog.models import Product, ProductImage
from shop.core import clock
from shop.extensions import db
from shop.ocop.listing_rule import Status, certificate_is_current, is_listable_status
from shop.ocop.models import Certificate
from shop.producers.models import Producer


def listed_product_ids(today: date | None = None) -> Select[tuple[int]]:
    """Ids of the products for sale today: a current certificate (the rule) and a price, with
    the certificate joined.

    For counts and narrow queries, which need neither producer nor province: both joins
    of `listed_products` follow non-null foreign keys, so they never change which rows match.
    """
    return _listed_product_ids_on(today or clock.today())


def listed_products(today: date | None = None) -> Select[tuple[Product]]:
    """Products for sale today, with certificate, producer and province loaded by the join."""
    return _listed_products_on(today or clock.today())


# Statements are immutable (`.where()` and the like return new ones), so each day's are built
# once per process: building them cost a tenth of a catalog page's time.
@lru_cache(maxsize=4)
def _listed_product_ids_on(today: date) -> Select[tuple[int]]:
    # A product without a price yet (one a recognition decision just brought in) is
    # certified but not for sale: nothing sells at 0 đồng.
    return select(Product.id).join(
        Certificate, and_(Certificate.product_id == Product.id, certificate_is_current(today)),
    ).where(Product.price_vnd > 0)


@lru_cache(maxsize=4)
def _listed_products_on(today: date) -> Select[tuple[Product]]:
    return (
        _listed_product_ids_on(today).with_only_columns(Product)
        .join(Product.producer)
        .join(Producer.province)
        .options(
            contains_eager(Product.certificate),
            contains_eager(Product.producer).contains_eager(Producer.province),
        )
    )


@lru_cache(maxsize=1)
def with_cover() -> LoaderOption:
    """Load `Product.cover_path` (the first photo, what a product card shows) with the
    products, as a column of their own query."""
    first_photo = (select(ProductImage.path).where(ProductImage.product_id == Product.id)
                   .order_by(ProductImage.position, ProductImage.id).limit(1)
                   .correlate(Product).scalar_subquery())
    return with_expression(Product.cover_path, first_photo)


@lru_cache(maxsize=1)
def for_cards() -> tuple[LoaderOption, ...]:
    """Options for lists of products (cards, API lists): the cover, and not the long texts
    (stories in two languages, the folded search text), kilobytes a row no card shows;
    reading one anyway raises rather than costing a query per card."""
    return (with_cover(), defer(Product.story_vi, raiseload=True),
            defer(Product.story_en, raiseload=True), defer(Product.search_text, raiseload=True))


def is_for_sale(product: Product, status: Status | None) -> bool:
    """The Python form of `listed_product_ids` for a product whose certificate status is
    already known (a trace page has it): a listable status and a price."""
    return is_listable_status(status) and product.price_vnd > 0


def is_listed(product_id: int, today: date | None = None) -> bool:
    """True when the product is for sale today."""
    query = listed_product_ids(today).where(Product.id == product_id)
    return db.session.execute(query).first() is not None

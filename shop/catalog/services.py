"""What the catalog's pages show, as bounded queries over the listing rule."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.errors import NotFound
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.places.models import Province

FEATURED_COUNT = 8
RELATED_COUNT = 4


@dataclass
class GroupCount:
    """A product group and how many listed products it has."""

    group: ProductGroup
    count: int


@dataclass
class ProvinceCount:
    """A province and how many listed products come from it."""

    province: Province
    count: int


def featured(min_stars: int) -> list[Product]:
    """The best-scored listed products with exactly `min_stars` stars."""
    return list(db.session.scalars(
        listed_products().where(Certificate.stars == min_stars)
        .options(selectinload(Product.images))
        .order_by(Certificate.score.desc(), Product.id).limit(FEATURED_COUNT)
    ))


def group_counts() -> list[GroupCount]:
    """All six groups with their listed-product counts, in the official order."""
    counts = dict(db.session.execute(
        listed_products().with_only_columns(Product.group_id, func.count(Product.id))
        .group_by(Product.group_id)
    ).all())
    groups = db.session.scalars(select(ProductGroup).order_by(ProductGroup.code))
    return [GroupCount(g, counts.get(g.id, 0)) for g in groups]


def province_counts() -> list[ProvinceCount]:
    """Provinces that have listed products, by name."""
    rows = db.session.execute(
        listed_products().with_only_columns(Province, func.count(Product.id))
        .group_by(Province.id).order_by(Province.name)
    ).all()
    return [ProvinceCount(province, count) for province, count in rows]


def listed_product(slug: str) -> Product:
    """The listed product with `slug`, its photos and group loaded; NotFound otherwise."""
    product = db.session.scalar(
        listed_products().where(Product.slug == slug)
        .options(selectinload(Product.images), selectinload(Product.group),
                 selectinload(Product.subgroup))
    )
    if product is None:
        raise NotFound(_("No listed product has this address."))
    return product


def unlisted_product(slug: str) -> Product | None:
    """A product that exists but is not for sale (so its page can say why), else None."""
    return db.session.scalar(select(Product).where(Product.slug == slug)
                             .options(joinedload(Product.producer)))


def related(product: Product) -> list[Product]:
    """Other listed products of the same group, the same producer's first."""
    return list(db.session.scalars(
        listed_products()
        .where(Product.group_id == product.group_id, Product.id != product.id)
        .options(selectinload(Product.images))
        .order_by((Product.producer_id == product.producer_id).desc(),
                  Certificate.stars.desc(), Product.id)
        .limit(RELATED_COUNT)
    ))


def sitemap_slugs() -> list[str]:
    """Slugs of every listed product, for the sitemap."""
    return list(db.session.scalars(
        listed_products().with_only_columns(Product.slug).order_by(Product.id)))


def all_groups() -> list[ProductGroup]:
    """The six groups in the official order."""
    return list(db.session.scalars(select(ProductGroup).order_by(ProductGroup.code)))

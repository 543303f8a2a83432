"""What the catalog's pages show, as bounded queries over the listing rule."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, func, select, union_all
from sqlalchemy.orm import joinedload

from shop.catalog.listing import for_cards, listed_product_ids, listed_products, with_cover
from shop.catalog.models import Product
from shop.core import clock
from shop.core.errors import NotFound
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.ocop.rules import MIN_OCOP_STARS, STAR_BANDS
from shop.places.models import Province
from shop.producers.models import Producer

FEATURED_COUNT = 8
RELATED_COUNT = 4
_ALL_GROUPS = select(ProductGroup).order_by(ProductGroup.code)


@dataclass
class GroupCount:
    """A product group and how many listed products it has."""

    group: ProductGroup
    count: int


@dataclass(frozen=True)
class FilterOption:
    """A group or province a shopper can filter by: plain values, kept in the page cache."""

    slug: str
    name_vi: str
    name_en: str


@dataclass
class ProvinceCount:
    """A province and how many listed products come from it."""

    province: Province
    count: int


def featured(min_stars: int) -> list[Product]:
    """The best-scored listed products with exactly `min_stars` stars."""
    return list(db.session.scalars(
        listed_products().where(Certificate.stars == min_stars)
        .options(*for_cards())
        .order_by(Certificate.score.desc(), Product.id).limit(FEATURED_COUNT)
    ))


def group_counts() -> list[GroupCount]:
    """All six groups with their listed-product counts, in the official order."""
    counts = dict(db.session.execute(
        listed_product_ids().with_only_columns(Product.group_id, func.count(Product.id))
        .group_by(Product.group_id)
    ).all())
    return [GroupCount(g, counts.get(g.id, 0)) for g in db.session.scalars(_ALL_GROUPS)]


def province_counts() -> list[ProvinceCount]:
    """Provinces that have listed products, by name."""
    rows = db.session.execute(
        listed_products().with_only_columns(Province, func.count(Product.id))
        .group_by(Province.id).order_by(Province.name)
    ).all()
    return [ProvinceCount(province, count) for province, count in rows]


def filter_options() -> dict[str, list[FilterOption]]:
    """The catalog's filter choices: the six groups in the official order, and the provinces
    that have listed products, by name (no counting: each stops at its first product)."""
    return {
        "groups": [FilterOption(g.slug, g.name_vi, g.name_en)
                   for g in db.session.scalars(_ALL_GROUPS)],
        "provinces": [FilterOption(p.slug, p.name, p.name)
                      for p in db.session.scalars(_listed_provinces_on(clock.today()))],
    }


@lru_cache(maxsize=4)
def _listed_provinces_on(today: date) -> Select[tuple[Province]]:
    selling = (listed_product_ids(today).join(Product.producer)
               .where(Producer.province_id == Province.id))
    return select(Province).where(selling.exists()).order_by(Province.name)


def listed_product(slug: str) -> Product:
    """The listed product with `slug`, its photos and group loaded; NotFound otherwise."""
    product = db.session.scalars(_listed_product_on(clock.today()), {"slug": slug}
                                 ).unique().first()
    if product is None:
        raise NotFound(_("No listed product has this address."))
    return product


# Hot statements are built once a day, their values bound at run time: building one costs
# about as much as running it.
@lru_cache(maxsize=4)
def _listed_product_on(today: date) -> Select[tuple[Product]]:
    return (listed_products(today).where(Product.slug == bindparam("slug"))
            # Group, sub-group and the few photos are joined, not fetched by queries of
            # their own.
            .options(joinedload(Product.images), joinedload(Product.group, innerjoin=True),
                     joinedload(Product.subgroup), with_cover()))


def unlisted_product(slug: str) -> Product | None:
    """A product that exists but is not for sale (so its page can say why), else None."""
    return db.session.scalar(select(Product).where(Product.slug == slug)
                             .options(joinedload(Product.producer)))


def related(product: Product) -> list[Product]:
    """Other listed products of the same group, the same producer's first, then by stars."""
    today = clock.today()
    rows = db.session.execute(_related_candidates_on(today), {
        "group_id": product.group_id, "product_id": product.id,
        "producer_id": product.producer_id}).all()
    ranked = sorted(rows, key=lambda row: (row.producer_id != product.producer_id,
                                           -row.stars, row.id))
    ids = [row.id for row in ranked[:RELATED_COUNT]]
    if not ids:
        return []
    loaded = {item.id: item for item in db.session.scalars(_cards_by_id_on(today),
                                                           {"ids": ids})}
    return [loaded[item_id] for item_id in ids]


@lru_cache(maxsize=4)
def _cards_by_id_on(today: date) -> Select[tuple[Product]]:
    return (listed_products(today).where(Product.id.in_(bindparam("ids", expanding=True)))
            .options(*for_cards()))


@lru_cache(maxsize=4)
def _related_candidates_on(today: date) -> Select:
    """Candidates for `related`, one query built once a day (parameters bound at run time).

    Ordering the whole group at once sorts thousands of rows; instead the producer's own
    products, and the first few of each star rating in id order, are each an index walk
    that stops early, read together and ranked by `related`.
    """
    candidates = listed_product_ids(today).where(
        Product.group_id == bindparam("group_id"), Product.id != bindparam("product_id"),
    ).with_only_columns(Product.id, Product.producer_id, Certificate.stars)
    own = (candidates.where(Product.producer_id == bindparam("producer_id"))
           .order_by(Certificate.stars.desc(), Product.id))
    others = [candidates.where(Product.producer_id != bindparam("producer_id"),
                               Certificate.stars == stars).order_by(Product.id)
              for stars in range(max(STAR_BANDS), MIN_OCOP_STARS - 1, -1)]
    # Each part keeps its own ORDER BY and LIMIT inside a subquery (SQLite wants that).
    return union_all(*(select(part.limit(RELATED_COUNT).subquery())
                       for part in (own, *others)))


def sitemap_slugs() -> list[str]:
    """Slugs of every listed product, for the sitemap."""
    return list(db.session.scalars(
        listed_product_ids().with_only_columns(Product.slug).order_by(Product.id)))

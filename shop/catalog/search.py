"""Catalog queries: filters, diacritic-folding search, sorting and pagination."""

import enum
import math
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import joinedload

from shop.catalog.listing import for_cards, listed_product_ids, listed_products
from shop.catalog.models import Product
from shop.core import clock
from shop.core.text import search_words
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.places.models import Province
from shop.producers.models import Producer


class Sort(enum.StrEnum):
    """The orders a shopper can pick."""

    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    STARS = "stars"
    NAME = "name"


_ORDER_BY = {
    Sort.NEWEST: (Product.created_at.desc(), Product.id.desc()),
    Sort.PRICE_ASC: (Product.price_vnd.asc(), Product.id.asc()),
    Sort.PRICE_DESC: (Product.price_vnd.desc(), Product.id.desc()),
    Sort.STARS: (Certificate.stars.desc(), Certificate.score.desc(), Product.id.desc()),
    Sort.NAME: (Product.name_key.asc(), Product.id.asc()),
}


@dataclass(frozen=True)
class CatalogQuery:
    """What a shopper asked of the catalog; slugs name the group, province and producer."""

    q: str = ""
    min_stars: int | None = None
    group: str | None = None
    province: str | None = None
    producer: str | None = None
    price_min: int | None = None
    price_max: int | None = None
    sort: Sort = Sort.NEWEST
    page: int = 1
    per_page: int = 24


@dataclass
class Page:
    """One page of results."""

    items: list[Product]
    page: int
    per_page: int
    total: int
    query: CatalogQuery = field(default_factory=CatalogQuery)

    @property
    def pages(self) -> int:
        """How many pages the results fill (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(query: CatalogQuery) -> list[ColumnElement[bool]]:
    """The filters and search terms of `query`, on products and their live certificate only
    (producer and province are named through subqueries), so counts need no further join."""
    conditions = []
    for term in search_words(query.q):
        # Each word must start a word of the product's text (see catalog.indexing).
        conditions.append(Product.search_text.like(f"% {_escape_like(term)}%", escape="\\"))
    if query.min_stars:
        conditions.append(Certificate.stars >= query.min_stars)
    if query.group:
        conditions.append(Product.group_id == select(ProductGroup.id)
                          .where(ProductGroup.slug == query.group).scalar_subquery())
    if query.province:
        conditions.append(Product.producer_id.in_(
            select(Producer.id).join(Producer.province).where(Province.slug == query.province)))
    if query.producer:
        conditions.append(Product.producer_id == select(Producer.id)
                          .where(Producer.slug == query.producer).scalar_subquery())
    if query.price_min is not None:
        conditions.append(Product.price_vnd >= query.price_min)
    if query.price_max is not None:
        conditions.append(Product.price_vnd <= query.price_max)
    return conditions


def filtered(query: CatalogQuery, today: date | None = None) -> Select[tuple[Product]]:
    """The listed products matching every filter and search term of `query`."""
    return listed_products(today).where(*_conditions(query))


def search(query: CatalogQuery, today: date | None = None) -> Page:
    """One page of the catalog for `query`: one query whatever the page size, two for a
    page past the last one (which then needs its own count)."""
    today = today or clock.today()
    conditions = _conditions(query)
    rows = db.session.execute(
        listed_products(today).where(*conditions)
        # The group is one of six, joined rather than fetched by a query of its own; the
        # cover photo and the number of matches ride along as columns.
        .options(joinedload(Product.group, innerjoin=True), *for_cards())
        .add_columns(func.count().over())
        .order_by(*_ORDER_BY[query.sort])
        .limit(query.per_page)
        .offset((query.page - 1) * query.per_page)
    ).all()
    if rows:
        total = rows[0][1]
    elif query.page == 1:
        total = 0
    else:
        total = db.session.scalar(listed_product_ids(today).where(*conditions)
                                  .with_only_columns(func.count(Product.id))) or 0
    return Page(items=[product for product, _total in rows], page=query.page,
                per_page=query.per_page, total=total, query=query)

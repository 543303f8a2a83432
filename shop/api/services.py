"""Queries the API needs beyond the catalog's own, all built on the listing rule."""

import math
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.extensions import db
from shop.ocop.models import ProductSubgroup
from shop.producers.models import Producer


@dataclass
class ProducerPage:
    """One page of producers that have listed products."""

    items: list[Producer]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages the producers fill (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))


def listed_producers(page: int, per_page: int) -> ProducerPage:
    """Producers with at least one listed product, by name: two queries whatever the page size."""
    selling = Producer.id.in_(listed_products().with_only_columns(Product.producer_id))
    total = db.session.scalar(select(func.count(Producer.id)).where(selling))
    items = db.session.scalars(
        select(Producer).where(selling).order_by(Producer.name, Producer.id)
        .limit(per_page).offset((page - 1) * per_page)
    ).all()
    return ProducerPage(items=list(items), page=page, per_page=per_page, total=total or 0)


def subgroups_by_group() -> dict[int, list[ProductSubgroup]]:
    """Every sub-group, keyed by its group's id, in one query."""
    grouped: dict[int, list[ProductSubgroup]] = defaultdict(list)
    for subgroup in db.session.scalars(select(ProductSubgroup).order_by(ProductSubgroup.id)):
        grouped[subgroup.group_id].append(subgroup)
    return grouped

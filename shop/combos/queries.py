"""What the combos' public pages and API show: for-sale combos only, in bounded queries."""

import math
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import joinedload, selectinload

from shop.catalog.listing import with_cover
from shop.catalog.models import Product
from shop.combos.models import Combo, ComboComponent, ComboImage, ComboOutlet, ComboStatus
from shop.combos.params import ComboParams, ComboSort
from shop.combos.selling import for_sale_combo_ids, unlisted_components
from shop.core import clock
from shop.core.errors import NotFound
from shop.core.text import search_words
from shop.extensions import db
from shop.places.models import Province
from shop.producers.models import Producer

HOME_COUNT = 6

_ORDER_BY = {
    ComboSort.NEWEST: (Combo.created_at.desc(), Combo.id.desc()),
    ComboSort.PRICE_ASC: (Combo.price_vnd.asc(), Combo.id.asc()),
    ComboSort.PRICE_DESC: (Combo.price_vnd.desc(), Combo.id.desc()),
    ComboSort.NAME: (Combo.name_key.asc(), Combo.id.asc()),
}


@dataclass
class ComboCard:
    """A combo as a card shows it: its price beside what its parts cost one by one."""

    combo: Combo
    parts_price: int
    cover_path: str | None

    @property
    def saving(self) -> int:
        """What buying the combo saves against its parts (never negative)."""
        return max(self.parts_price - self.combo.price_vnd, 0)


@dataclass
class ComboPage:
    """One page of combos."""

    items: list[ComboCard]
    page: int
    per_page: int
    total: int
    params: ComboParams = field(default_factory=ComboParams)

    @property
    def pages(self) -> int:
        """How many pages the results fill (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(params: ComboParams, today: date) -> list[ColumnElement[bool]]:
    conditions = [Combo.id.in_(for_sale_combo_ids(today))]
    for term in search_words(params.q):
        # Each word must start a word of the combo's text (see combos.indexing).
        conditions.append(Combo.search_text.like(f"% {_escape_like(term)}%", escape="\\"))
    if params.occasion:
        conditions.append(Combo.occasion == params.occasion)
    if params.province:
        conditions.append(Combo.province_id == select(Province.id)
                          .where(Province.slug == params.province).scalar_subquery())
    if params.price_min is not None:
        conditions.append(Combo.price_vnd >= params.price_min)
    if params.price_max is not None:
        conditions.append(Combo.price_vnd <= params.price_max)
    return conditions


def _parts_price():
    """What a combo's components cost bought one by one, at today's prices (a subquery)."""
    return (select(func.coalesce(func.sum(ComboComponent.quantity * Product.price_vnd), 0))
            .join(Product, Product.id == ComboComponent.product_id)
            .where(ComboComponent.combo_id == Combo.id).correlate(Combo).scalar_subquery())


def _cover():
    """A combo's first photo (a subquery)."""
    return (select(ComboImage.path).where(ComboImage.combo_id == Combo.id)
            .order_by(ComboImage.position, ComboImage.id).limit(1)
            .correlate(Combo).scalar_subquery())


def search(params: ComboParams, today: date | None = None) -> ComboPage:
    """One page of the combos for sale matching `params`: two queries whatever its size."""
    today = today or clock.today()
    conditions = _conditions(params, today)
    total = db.session.scalar(select(func.count(Combo.id)).where(*conditions))
    return ComboPage(items=_page(conditions, params), page=params.page,
                     per_page=params.per_page, total=total or 0, params=params)


def _page(conditions: list[ColumnElement[bool]], params: ComboParams) -> list[ComboCard]:
    """One page of cards, each with its parts' price and cover: one query."""
    rows = db.session.execute(
        select(Combo, _parts_price(), _cover()).where(*conditions)
        .options(joinedload(Combo.province)).order_by(*_ORDER_BY[params.sort])
        .limit(params.per_page).offset((params.page - 1) * params.per_page))
    return [ComboCard(combo, int(parts or 0), cover) for combo, parts, cover in rows]


def home_combos(today: date | None = None) -> list[ComboCard]:
    """The newest combos for sale, for the home page: one query."""
    params = ComboParams(per_page=HOME_COUNT)
    return _page(_conditions(params, today or clock.today()), params)


def _detail(query):
    return query.options(
        joinedload(Combo.province), selectinload(Combo.images),
        selectinload(Combo.outlets).joinedload(ComboOutlet.outlet),
        selectinload(Combo.components).joinedload(ComboComponent.product).options(
            joinedload(Product.certificate),
            joinedload(Product.producer).joinedload(Producer.province), with_cover()))


def for_sale_combo(slug: str, today: date | None = None) -> ComboCard:
    """The combo for sale with `slug`, its components, photos and outlets loaded."""
    today = today or clock.today()
    combo = db.session.scalar(_detail(select(Combo).where(
        Combo.slug == slug, Combo.id.in_(for_sale_combo_ids(today)))))
    if combo is None:
        raise NotFound(_("No combo for sale has this address."))
    return ComboCard(combo, sum(c.quantity * c.product.price_vnd for c in combo.components),
                     combo.images[0].path if combo.images else None)


@dataclass
class OffSale:
    """A published combo no longer for sale, and the products that took it off sale."""

    combo: Combo
    lapsed: list[Product]


def off_sale_combo(slug: str, today: date | None = None) -> OffSale | None:
    """A published combo that is off sale (so its page can say why), else None."""
    combo = db.session.scalar(select(Combo).where(Combo.slug == slug,
                                                  Combo.status == ComboStatus.PUBLISHED))
    if combo is None:
        return None
    lapsed_ids = unlisted_components(combo.id, today)
    lapsed = list(db.session.scalars(select(Product).where(Product.id.in_(lapsed_ids))
                                     .order_by(Product.name_key)))
    return OffSale(combo, lapsed)


def combo_provinces(today: date | None = None) -> list[Province]:
    """The provinces for-sale combos stand for, by name (the list's filter)."""
    return list(db.session.scalars(
        select(Province).where(Province.id.in_(
            select(Combo.province_id).where(Combo.id.in_(for_sale_combo_ids(
                today or clock.today()))))).order_by(Province.name)))

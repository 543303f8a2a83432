"""The one rule of what combos are for sale, and how many of one an outlet can sell.

A combo is for sale only while it is published and every component is listed
(`shop.catalog.listing.listed_product_ids`, the one listing rule): a component whose
certificate lapses or is revoked takes it off sale at once, on every surface that starts from
`for_sale_combo_ids()` (list, page, home, API, and cart, checkout and orders through
`combo_items`, registered as the orders' "combo" line kind). An outlet can sell as many of
it as its scarcest component allows: the minimum over components of floor(sellable units /
quantity). Shoppers see bands.
"""

from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import Select, func, not_, select
from sqlalchemy.orm import selectinload

from shop.catalog.listing import listed_product_ids
from shop.combos.models import Combo, ComboComponent, ComboOutlet, ComboStatus
from shop.core import clock
from shop.core.errors import InvalidInput, NotFound
from shop.core.sellables import Item, register_kind
from shop.extensions import db
from shop.outlets.availability import Band, band, sellable_rows
from shop.outlets.models import Outlet, OutletStatus
from shop.outlets.stock_models import StockLevel
from shop.trace.models import Lot

# The orders' line kind (shop.orders.models.LineKind) combos are sold as.
COMBO = "combo"
# A bound on the outlets one availability query looks at (a combo sold "everywhere").
MAX_OUTLETS = 200


def for_sale_combo_ids(today: date | None = None) -> Select[tuple[int]]:
    """Ids of the combos for sale today: published, no component outside the listing rule."""
    unlisted_component = (
        select(ComboComponent.id)
        .where(ComboComponent.combo_id == Combo.id,
               ComboComponent.product_id.not_in(listed_product_ids(today or clock.today())))
        .correlate(Combo))
    return select(Combo.id).where(Combo.status == ComboStatus.PUBLISHED,
                                  not_(unlisted_component.exists()))


def is_for_sale(combo_id: int, today: date | None = None) -> bool:
    """True when the combo is for sale today."""
    query = for_sale_combo_ids(today).where(Combo.id == combo_id)
    return db.session.execute(query).first() is not None


def _components(combo_id: int) -> dict[int, int]:
    return dict(db.session.execute(
        select(ComboComponent.product_id, ComboComponent.quantity)
        .where(ComboComponent.combo_id == combo_id)).all())


def combo_availability_at(combo_id: int, outlet_ids: Iterable[int] | None = None,
                          today: date | None = None,
                          now: datetime | None = None) -> dict[int, int]:
    """How many of the combo each of its open outlets (or those of `outlet_ids` among them)
    can sell now; two queries, at most MAX_OUTLETS outlets. Off sale: every outlet 0."""
    today = today or clock.today()
    outlets = (select(ComboOutlet.outlet_id).join(Outlet, Outlet.id == ComboOutlet.outlet_id)
               .where(ComboOutlet.combo_id == combo_id, Outlet.status == OutletStatus.OPEN)
               .order_by(ComboOutlet.outlet_id).limit(MAX_OUTLETS))
    if outlet_ids is not None:
        outlets = outlets.where(ComboOutlet.outlet_id.in_(list(outlet_ids)))
    chosen = list(db.session.scalars(outlets))
    components = _components(combo_id)
    if not chosen or not components or not is_for_sale(combo_id, today):
        return dict.fromkeys(chosen, 0)
    rows = sellable_rows((StockLevel.outlet_id, Lot.product_id), today, now or clock.utcnow()
                         ).where(StockLevel.outlet_id.in_(chosen),
                                 Lot.product_id.in_(list(components))).subquery()
    units: dict[tuple[int, int], int] = {
        (outlet_id, product_id): int(total) for outlet_id, product_id, total in
        db.session.execute(select(rows.c.outlet_id, rows.c.product_id, func.sum(rows.c.units))
                           .group_by(rows.c.outlet_id, rows.c.product_id))}
    return {outlet_id: min(max(units.get((outlet_id, product_id), 0), 0) // quantity
                           for product_id, quantity in components.items())
            for outlet_id in chosen}


def combo_availability(combo_id: int, outlet_id: int, today: date | None = None,
                       now: datetime | None = None) -> int:
    """How many of the combo the outlet can sell now: 0 when off sale or not sold there."""
    return combo_availability_at(combo_id, [outlet_id], today, now).get(outlet_id, 0)


class ComboOffer(NamedTuple):
    """An open outlet selling the combo, and its band there."""

    outlet: Outlet
    band: Band


def combo_offers(combo_id: int, today: date | None = None,
                 now: datetime | None = None) -> list[ComboOffer]:
    """The open outlets that can sell the combo now, with its band at each, by province
    then name (for "where to buy")."""
    counts = {key: units for key, units in
              combo_availability_at(combo_id, today=today, now=now).items() if units > 0}
    if not counts:
        return []
    outlets = db.session.scalars(select(Outlet).where(Outlet.id.in_(list(counts)))
                                 .order_by(Outlet.province_id, Outlet.name_vi))
    return [ComboOffer(outlet, band(counts[outlet.id])) for outlet in outlets]


def combo_lines(combo_id: int, quantity: int, today: date | None = None) -> list[tuple[int, int]]:
    """[(product id, units)] that `quantity` of the combo takes from stock, for the orders
    package to reserve; refused while the combo is off sale."""
    if quantity < 1:
        raise InvalidInput(_("A quantity is at least 1."), "quantity")
    if not is_for_sale(combo_id, today):
        raise NotFound(_("This combo is not for sale: one of its products is no longer "
                         "OCOP-certified."))
    return sorted((product_id, per_combo * quantity)
                  for product_id, per_combo in _components(combo_id).items())


def unlisted_components(combo_id: int, today: date | None = None) -> list[int]:
    """The combo's components not listed today: why it is off sale."""
    return list(db.session.scalars(
        select(ComboComponent.product_id)
        .where(ComboComponent.combo_id == combo_id,
               ComboComponent.product_id.not_in(listed_product_ids(today or clock.today())))
        .order_by(ComboComponent.id)))



def combo_items(ids: list[int], today: date) -> dict[int, Item]:
    """The combos among `ids` for sale today (`for_sale_combo_ids`), as order lines: one unit
    takes each component × its quantity, priced at the combo's price beside its parts'."""
    combos = db.session.scalars(
        select(Combo).where(Combo.id.in_(ids), Combo.id.in_(for_sale_combo_ids(today)))
        .options(selectinload(Combo.components).joinedload(ComboComponent.product),
                 selectinload(Combo.outlets)))
    return {combo.id: Item(
        COMBO, combo.id, combo.name_vi, combo.name_en, combo.slug, combo.price_vnd,
        tuple(sorted((c.product_id, c.quantity) for c in combo.components)),
        parts_price=sum(c.quantity * c.product.price_vnd for c in combo.components),
        outlet_ids=frozenset(o.outlet_id for o in combo.outlets)) for combo in combos}


register_kind(COMBO, combo_items)

"""What can be sold now, computed from the levels: never a job's leftovers.

A unit is sellable when it is on hand, neither reserved by a live hold nor set aside for a
recall, of a lot neither recalled nor past its expiry, of a product the listing rule lists
today. Shoppers see bands, never counts.
"""

import enum
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, DateTime, Select, and_, bindparam, func, select

from shop.catalog import offers as catalog_offers
from shop.catalog.listing import listed_product_ids
from shop.core import clock
from shop.extensions import db
from shop.outlets.models import Outlet, OutletStatus
from shop.outlets.stock_models import StockHold, StockLevel
from shop.trace.models import Lot

# At most this many units sellable: "few left".
FEW_LEFT = 5


class Band(enum.StrEnum):
    """How much of a product an outlet has, as shoppers are told."""

    IN_STOCK = "in_stock"
    FEW_LEFT = "few_left"
    OUT_OF_STOCK = "out_of_stock"


BAND_LABELS = {Band.IN_STOCK: _l("In stock"), Band.FEW_LEFT: _l("Few left"),
               Band.OUT_OF_STOCK: _l("Out of stock")}


def band(units: int) -> Band:
    """The band a number of sellable units falls in."""
    if units <= 0:
        return Band.OUT_OF_STOCK
    return Band.FEW_LEFT if units <= FEW_LEFT else Band.IN_STOCK


def expired_holds(now: datetime):
    """Per (outlet, lot), the units of holds past their time not yet released: free again."""
    return (select(StockHold.outlet_id, StockHold.lot_id,
                   func.sum(StockHold.quantity).label("units"))
            .where(StockHold.ended_at.is_(None), StockHold.expires_at <= now)
            .group_by(StockHold.outlet_id, StockHold.lot_id).subquery())


def _free_units(expired) -> ColumnElement[int]:
    return (StockLevel.on_hand - StockLevel.reserved - StockLevel.held
            + func.coalesce(expired.c.units, 0))


def sellable_rows(columns: tuple, today: date, now: datetime) -> Select:
    """Levels of sellable lots with `columns`, live free units as `units` (not yet summed)."""
    expired = expired_holds(now)
    return (select(*columns, _free_units(expired).label("units"))
            .select_from(StockLevel).join(Lot, Lot.id == StockLevel.lot_id)
            .outerjoin(expired, and_(expired.c.outlet_id == StockLevel.outlet_id,
                                     expired.c.lot_id == StockLevel.lot_id))
            .where(Lot.recalled_at.is_(None), Lot.expires_on >= today,
                   Lot.product_id.in_(listed_product_ids(today)), StockLevel.on_hand > 0))


def sellable(outlet_id: int, product_ids: Iterable[int], today: date | None = None,
             now: datetime | None = None) -> dict[int, int]:
    """Units of each product sellable now at the outlet (0 for those it has none of)."""
    ids = list(product_ids)
    rows = sellable_rows((Lot.product_id,), today or clock.today(), now or clock.utcnow()
                          ).where(StockLevel.outlet_id == outlet_id, Lot.product_id.in_(ids)
                                  ).subquery()
    totals = dict(db.session.execute(
        select(rows.c.product_id, func.sum(rows.c.units)).group_by(rows.c.product_id)).all())
    return {product_id: int(totals.get(product_id) or 0) for product_id in ids}


def availability_by_product(product_ids: Iterable[int], today: date | None = None,
                            now: datetime | None = None) -> dict[int, int]:
    """For each product, how many open outlets can sell it now ("in stock at 3 outlets"):
    one query, whatever the number of products."""
    ids = list(product_ids)
    rows = sellable_rows((StockLevel.outlet_id, Lot.product_id), today or clock.today(),
                          now or clock.utcnow()).join(Outlet, Outlet.id == StockLevel.outlet_id
                                                      ).where(Outlet.status == OutletStatus.OPEN,
                                                              Lot.product_id.in_(ids)).subquery()
    per_outlet = (select(rows.c.product_id).group_by(rows.c.outlet_id, rows.c.product_id)
                  .having(func.sum(rows.c.units) > 0).subquery())
    counts = dict(db.session.execute(select(per_outlet.c.product_id, func.count())
                                     .group_by(per_outlet.c.product_id)).all())
    return {product_id: counts.get(product_id, 0) for product_id in ids}


class OutletOffer(NamedTuple):
    """An open outlet and the band of one product there."""

    outlet: "Outlet | OutletRef"
    band: Band


class OutletRef(NamedTuple):
    """What a "where to buy" line shows of an outlet: its link and names."""

    id: int
    slug: str
    name_vi: str
    name_en: str


def product_outlets(product_id: int, today: date | None = None,
                    now: datetime | None = None) -> list[OutletOffer]:
    """The open outlets that can sell the product now, with its band at each (for the
    product page's "where to buy"), by province then name."""
    rows = db.session.execute(_product_outlets_on(today or clock.today()),
                              {"product_id": product_id, "now": now or clock.utcnow()})
    return [OutletOffer(OutletRef(*outlet), band(int(units))) for *outlet, units in rows]


# Asked on every product page view: built once a day, its values bound at run time (building
# and compiling it cost more than running it).
@lru_cache(maxsize=4)
def _product_outlets_on(today: date) -> Select:
    rows = sellable_rows((StockLevel.outlet_id,), today,
                         bindparam("now", type_=DateTime(timezone=True))
                         ).where(Lot.product_id == bindparam("product_id")).subquery()
    totals = select(rows.c.outlet_id, func.sum(rows.c.units).label("units")).group_by(
        rows.c.outlet_id).having(func.sum(rows.c.units) > 0).subquery()
    return (select(Outlet.id, Outlet.slug, Outlet.name_vi, Outlet.name_en, totals.c.units)
            .join(totals, totals.c.outlet_id == Outlet.id)
            .where(Outlet.status == OutletStatus.OPEN)
            .order_by(Outlet.province_id, Outlet.name_vi))


def offers_by_product(product_ids: Iterable[int], today: date | None = None,
                      now: datetime | None = None) -> dict[int, list[OutletOffer]]:
    """For each product, the open outlets holding it and its band at each, out of stock
    included (every unit reserved or held), by province then name: one query, whatever the
    number of products (a fair's page lists dozens)."""
    ids = list(product_ids)
    rows = sellable_rows((StockLevel.outlet_id, Lot.product_id), today or clock.today(),
                          now or clock.utcnow()).where(Lot.product_id.in_(ids)).subquery()
    totals = (select(rows.c.outlet_id, rows.c.product_id, func.sum(rows.c.units).label("units"))
              .group_by(rows.c.outlet_id, rows.c.product_id).subquery())
    found = db.session.execute(
        select(Outlet, totals.c.product_id, totals.c.units)
        .join(totals, totals.c.outlet_id == Outlet.id).where(Outlet.status == OutletStatus.OPEN)
        .order_by(Outlet.province_id, Outlet.name_vi, Outlet.id))
    offers: dict[int, list[OutletOffer]] = {product_id: [] for product_id in ids}
    for outlet, product_id, units in found:
        offers[product_id].append(OutletOffer(outlet, band(int(units))))
    return offers


class Holding(NamedTuple):
    """What one outlet holds of a lot."""

    outlet: Outlet
    on_hand: int
    reserved: int
    held: int


def holders_of_lot(lot_id: int) -> list[Holding]:
    """Every outlet holding units of the lot (sellable or not), most units first: where a
    recall must reach."""
    rows = db.session.execute(
        select(Outlet, StockLevel.on_hand, StockLevel.reserved, StockLevel.held)
        .join(StockLevel, StockLevel.outlet_id == Outlet.id)
        .where(StockLevel.lot_id == lot_id, StockLevel.on_hand > 0)
        .order_by(StockLevel.on_hand.desc(), Outlet.id))
    return [Holding(*row) for row in rows]


# The product page asks the catalog where a product can be had; this answers it.
catalog_offers.register(product_outlets)


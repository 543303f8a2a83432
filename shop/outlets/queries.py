"""The reads the outlets' pages and API make: lists, one outlet, its stock by product and lot."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from shop.catalog.listing import listed_product_ids, listed_products
from shop.catalog.models import Product
from shop.core import clock
from shop.extensions import db
from shop.outlets.availability import FEW_LEFT, Band, band, expired_holds, sellable_rows
from shop.outlets.hours import Span
from shop.outlets.models import DeliveryFee, Outlet, OutletKind, OutletStatus
from shop.outlets.stock_models import StockLevel
from shop.places.models import Province
from shop.trace.models import Lot

# Lots expiring within this many days are marked on the staff's stock page.
SOON_TO_EXPIRE = timedelta(days=30)
# Closed outlets are gone for shoppers; paused ones still show, saying so.
PUBLIC_STATUSES = (OutletStatus.OPEN, OutletStatus.PAUSED)
# Centres, the biggest, first; partner shops last.
_KIND_ORDER = case({OutletKind.CENTRE: 0, OutletKind.POINT: 1}, value=Outlet.kind, else_=2)


def _with_details(query):
    return query.options(selectinload(Outlet.province), selectinload(Outlet.hours),
                         selectinload(Outlet.bank),
                         selectinload(Outlet.delivery_fees).selectinload(DeliveryFee.province))


def public_outlets(province_slug: str | None = None) -> list[Outlet]:
    """Open and paused outlets (of one province, by its slug), centres first, then by province
    and name, with what their cards show loaded."""
    query = (select(Outlet).join(Outlet.province).where(Outlet.status.in_(PUBLIC_STATUSES))
             .order_by(_KIND_ORDER, Province.name, Outlet.name_vi, Outlet.id))
    if province_slug is not None:
        query = query.where(Province.slug == province_slug)
    return list(db.session.scalars(_with_details(query)))


def outlet_provinces() -> list[Province]:
    """The provinces with an outlet shoppers can see, for the filter."""
    return list(db.session.scalars(select(Province).where(Province.id.in_(
        select(Outlet.province_id).where(Outlet.status.in_(PUBLIC_STATUSES))))
        .order_by(Province.name)))


def public_outlet(slug: str) -> Outlet | None:
    """The open or paused outlet with this slug, details loaded."""
    return db.session.scalar(_with_details(select(Outlet).where(
        Outlet.slug == slug, Outlet.status.in_(PUBLIC_STATUSES))))


def office_outlets(outlet_ids: list[int] | None = None) -> list[Outlet]:
    """Every outlet (or those of `outlet_ids`), closed ones included, by province and name."""
    query = select(Outlet).join(Outlet.province).order_by(Province.name, Outlet.name_vi)
    if outlet_ids is not None:
        query = query.where(Outlet.id.in_(outlet_ids))
    return list(db.session.scalars(query.options(selectinload(Outlet.province))))


def spans_by_day(outlet: Outlet) -> dict[int, list[Span]]:
    """The outlet's opening spans by weekday (loaded hours)."""
    days: dict[int, list[Span]] = defaultdict(list)
    for hours in outlet.hours:
        days[hours.weekday].append((hours.opens_at, hours.closes_at))
    return days


def offer(outlet_id: int, today: date | None = None,
          now: datetime | None = None) -> list[tuple[Product, Band]]:
    """The listed products the outlet carries, each with its band now, by name."""
    today, now = today or clock.today(), now or clock.utcnow()
    rows = sellable_rows((Lot.product_id,), today, now).where(
        StockLevel.outlet_id == outlet_id).subquery()
    totals = select(rows.c.product_id, func.sum(rows.c.units).label("units")).group_by(
        rows.c.product_id).subquery()
    found = db.session.execute(listed_products(today).join(
        totals, totals.c.product_id == Product.id).add_columns(totals.c.units)
        .order_by(Product.name_key, Product.id))
    return [(product, band(int(units))) for product, units in found]


@dataclass
class LotStock:
    """One lot at an outlet, as staff see it."""

    lot: Lot
    on_hand: int
    reserved: int
    held: int
    free: int

    def soon_to_expire(self, today: date) -> bool:
        """True when the lot expires within SOON_TO_EXPIRE (and has not yet)."""
        return today <= self.lot.expires_on <= today + SOON_TO_EXPIRE


@dataclass
class ProductStock:
    """A product's lots at an outlet, and how many units can be sold now."""

    product: Product
    listed: bool
    lots: list[LotStock] = field(default_factory=list)
    sellable: int = 0

    @property
    def low(self) -> bool:
        """True when what can be sold has fallen to FEW_LEFT or below."""
        return self.sellable <= FEW_LEFT


def outlet_stock(outlet_id: int, today: date | None = None,
                 now: datetime | None = None) -> list[ProductStock]:
    """Everything the outlet has on hand, by product (name order) and lot (first expiry
    first); in two queries."""
    today, now = today or clock.today(), now or clock.utcnow()
    expired = expired_holds(now)
    listed = Product.id.in_(listed_product_ids(today)).label("listed")
    rows = db.session.execute(
        select(Product, Lot, StockLevel.on_hand, StockLevel.reserved, StockLevel.held,
               (StockLevel.on_hand - StockLevel.reserved - StockLevel.held
                + func.coalesce(expired.c.units, 0)).label("free"), listed)
        .select_from(StockLevel).join(Lot, Lot.id == StockLevel.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .outerjoin(expired, (expired.c.outlet_id == StockLevel.outlet_id)
                   & (expired.c.lot_id == StockLevel.lot_id))
        .where(StockLevel.outlet_id == outlet_id, StockLevel.on_hand > 0)
        .order_by(Product.name_key, Product.id, Lot.expires_on, Lot.id))
    products: dict[int, ProductStock] = {}
    for product, lot, on_hand, reserved, held, free, is_listed in rows:
        entry = products.setdefault(product.id, ProductStock(product, bool(is_listed)))
        entry.lots.append(LotStock(lot, on_hand, reserved, held, free))
        if entry.listed and not lot.recalled and lot.expires_on >= today:
            entry.sellable += free
    return list(products.values())


def receivable_lots(product_id: int, today: date | None = None) -> list[Lot]:
    """The product's lots an outlet may receive: not recalled, not past expiry, newest first."""
    today = today or clock.today()
    return list(db.session.scalars(select(Lot).where(
        Lot.product_id == product_id, Lot.recalled_at.is_(None), Lot.expires_on >= today)
        .order_by(Lot.produced_on.desc(), Lot.id.desc())))


def receivable_products(today: date | None = None) -> list[Product]:
    """Listed products that have a lot an outlet may receive, by name."""
    today = today or clock.today()
    return list(db.session.scalars(
        select(Product).where(Product.id.in_(listed_product_ids(today)), Product.id.in_(
            select(Lot.product_id).where(Lot.recalled_at.is_(None), Lot.expires_on >= today)))
        .order_by(Product.name_key, Product.id)))

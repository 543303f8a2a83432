"""A producer's view of the outlets: the stock of their products, outlet by outlet and lot by
lot, as the ledger's levels say (exact counts: it is their own stock, not the public bands)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from shop.catalog.models import Product
from shop.core import clock
from shop.extensions import db
from shop.outlets.availability import expired_holds
from shop.outlets.models import Outlet
from shop.outlets.stock_models import StockLevel
from shop.trace.models import Lot


@dataclass(frozen=True)
class StockRow:
    """What one outlet holds of one lot of the producer's product."""

    product_name: str
    outlet_name: str
    lot_id: int
    lot_code: str
    expires_on: date
    recalled: bool
    on_hand: int
    reserved: int
    held: int


def producer_stock(producer_id: int, now: datetime | None = None) -> list[StockRow]:
    """Every level of the producer's lots with units on hand, by product, outlet and first
    expiry; reserved counts live holds only (an expired hold frees its units). One query."""
    expired = expired_holds(now or clock.utcnow())
    rows = db.session.execute(
        select(Product.name_vi, Outlet.name_vi, Lot.id, Lot.code, Lot.expires_on,
               Lot.recalled_at.is_not(None), StockLevel.on_hand,
               StockLevel.reserved - func.coalesce(expired.c.units, 0), StockLevel.held)
        .select_from(StockLevel)
        .join(Lot, Lot.id == StockLevel.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(Outlet, Outlet.id == StockLevel.outlet_id)
        .outerjoin(expired, (expired.c.outlet_id == StockLevel.outlet_id)
                   & (expired.c.lot_id == StockLevel.lot_id))
        .where(Product.producer_id == producer_id, StockLevel.on_hand > 0)
        .order_by(Product.name_key, Product.id, Outlet.name_vi, Outlet.id, Lot.expires_on,
                  Lot.id))
    return [StockRow(*row) for row in rows]

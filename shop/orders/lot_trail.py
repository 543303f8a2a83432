"""Where a lot went: the outlets holding it now and the orders that took from it.

What a recall starts from (the next issue's): two queries whatever the lot's size, and no
customer data — an order is its number, date, outlet, quantity and state.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from shop.extensions import db
from shop.orders.models import Order, OrderLine, OrderLineLot
from shop.orders.states import OrderState
from shop.outlets.availability import Holding, holders_of_lot
from shop.outlets.models import Outlet


@dataclass(frozen=True)
class LotOrder:
    """An order that took units of the lot (cancelled ones too: their state says so)."""

    number: str
    placed_at: datetime
    outlet_name: str
    quantity: int
    state: OrderState


@dataclass(frozen=True)
class LotTrail:
    """The outlets holding a lot and the orders served from it."""

    holdings: list[Holding]
    orders: list[LotOrder]


def lot_trail(lot_id: int) -> LotTrail:
    """Every outlet holding the lot (most units first, as `holders_of_lot` gives them) and
    every order that took from it (newest first), in two queries."""
    holdings = holders_of_lot(lot_id)
    orders = [LotOrder(*row) for row in db.session.execute(
        select(Order.number, Order.placed_at, Outlet.name_vi,
               func.sum(OrderLineLot.quantity), Order.state)
        .select_from(OrderLineLot)
        .join(OrderLine, OrderLine.id == OrderLineLot.line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Outlet, Outlet.id == Order.outlet_id)
        .where(OrderLineLot.lot_id == lot_id)
        .group_by(Order.id, Order.number, Order.placed_at, Outlet.name_vi, Order.state)
        .order_by(Order.placed_at.desc(), Order.id.desc()))]
    return LotTrail(holdings, orders)

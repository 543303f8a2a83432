"""Reading orders for their pages: the order page (with lots and timeline) and "my orders"."""

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from shop.core.errors import NotFound
from shop.extensions import db
from shop.orders.models import Order, OrderLine, OrderLineLot
from shop.outlets.models import Outlet
from shop.places.models import Province
from shop.trace.models import Lot


@dataclass(frozen=True)
class OrderPage:
    """An order with its outlet, lines, each line's lots, and its timeline."""

    order: Order
    outlet: Outlet
    lots: dict[int, list[tuple[OrderLineLot, Lot]]]
    # The delivery's province, by name ("" for a pickup).
    province: str = ""


def order_page(number: str, token: str | None, user_id: int | None) -> OrderPage:
    """The order, when `token` is its access token or `user_id` its customer; NotFound else
    (a wrong token tells nothing about whether the number exists)."""
    order = db.session.scalar(select(Order).where(Order.number == number).options(
        selectinload(Order.lines), selectinload(Order.events)))
    allowed = order is not None and (
        (token and secrets.compare_digest(token, order.access_token))
        or (user_id is not None and order.customer_id == user_id))
    if not allowed:
        raise NotFound("order")
    outlet = db.session.scalar(select(Outlet).where(Outlet.id == order.outlet_id)
                               .options(selectinload(Outlet.bank), joinedload(Outlet.province)))
    province = (db.session.scalar(select(Province.name).where(Province.id == order.province_id))
                if order.province_id is not None else "")
    lots: dict[int, list] = {}
    rows = db.session.execute(
        select(OrderLineLot, Lot).join(Lot, Lot.id == OrderLineLot.lot_id)
        .options(joinedload(Lot.product))
        .join(OrderLine, OrderLine.id == OrderLineLot.line_id)
        .where(OrderLine.order_id == order.id).order_by(OrderLineLot.id))
    for line_lot, lot in rows:
        lots.setdefault(line_lot.line_id, []).append((line_lot, lot))
    return OrderPage(order, outlet, lots, province)


def customer_orders(user_id: int) -> list[Order]:
    """A customer's orders, newest first."""
    return list(db.session.scalars(select(Order).where(Order.customer_id == user_id)
                                   .order_by(Order.placed_at.desc(), Order.id.desc())))

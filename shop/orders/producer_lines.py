"""A producer's view of the orders: the lines that sold their products, with the lots they
came from, and nothing of the customer (name, phone, address stay with the outlet)."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select

from shop.catalog.models import Product
from shop.extensions import db
from shop.orders.models import LineKind, Order, OrderLine, OrderLineLot
from shop.orders.states import OrderState
from shop.outlets.models import Outlet
from shop.trace.models import Lot


@dataclass
class ProducerLine:
    """Units of one of the producer's products in one order line (a combo's share too)."""

    line_id: int
    product_id: int
    number: str
    placed_at: datetime
    outlet_name: str
    product_name: str
    quantity: int
    state: OrderState
    combo_name: str | None  # the gift combo the units were part of, if any
    lots: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LinesPage:
    """One page of a producer's lines, newest order first; `has_more` when another follows."""

    lines: list[ProducerLine]
    page: int
    has_more: bool


def producer_order_lines(producer_id: int, page: int = 1, per_page: int = 50) -> LinesPage:
    """The order lines holding the producer's products, `per_page` at a time, in two queries."""
    page = max(page, 1)
    rows = db.session.execute(
        select(OrderLine.id, OrderLineLot.product_id, Order.number, Order.placed_at,
               Outlet.name_vi, Product.name_vi, func.sum(OrderLineLot.quantity), Order.state,
               case((OrderLine.kind == LineKind.COMBO, OrderLine.name), else_=None))
        .select_from(OrderLineLot)
        .join(Product, Product.id == OrderLineLot.product_id)
        .join(OrderLine, OrderLine.id == OrderLineLot.line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Outlet, Outlet.id == Order.outlet_id)
        .where(Product.producer_id == producer_id)
        .group_by(OrderLine.id, OrderLineLot.product_id, Order.id, Order.number,
                  Order.placed_at, Outlet.name_vi, Product.name_vi, Order.state, OrderLine.kind,
                  OrderLine.name)
        .order_by(Order.placed_at.desc(), Order.id.desc(), OrderLine.id, OrderLineLot.product_id)
        .limit(per_page + 1).offset((page - 1) * per_page)).all()
    lines = [ProducerLine(*row) for row in rows[:per_page]]
    by_key = {(line.line_id, line.product_id): line for line in lines}
    if by_key:
        for line_id, product_id, code in db.session.execute(
                select(OrderLineLot.line_id, OrderLineLot.product_id, Lot.code)
                .join(Lot, Lot.id == OrderLineLot.lot_id)
                .where(OrderLineLot.line_id.in_({key[0] for key in by_key}))
                .order_by(OrderLineLot.id)):
            line = by_key.get((line_id, product_id))  # a combo's other producers: not shown
            if line is not None and code not in line.lots:
                line.lots.append(code)
    return LinesPage(lines, page, len(rows) > per_page)

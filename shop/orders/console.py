"""Reading an outlet's orders for its staff: a day's orders by state, the open ones, and one
order with its lots, payments and timeline — never another outlet's."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from shop.core import clock
from shop.core.errors import InvalidInput, NotFound
from shop.extensions import db
from shop.orders import states
from shop.orders.models import Order, OrderLine, OrderLineLot
from shop.orders.numbers import parse_number
from shop.orders.states import FINAL, ActorKind, OrderState, Transition
from shop.outlets.stock_models import StockHold
from shop.payments.models import Payment
from shop.payments.received import payments_of
from shop.trace.models import Lot

# A page lists at most this many orders (an outlet's busiest day stays well under it).
PAGE_LIMIT = 300


@dataclass(frozen=True)
class StateGroup:
    """Orders in one state, oldest first."""

    state: OrderState
    orders: list[Order]


def _grouped(orders: list[Order]) -> list[StateGroup]:
    by_state: dict[OrderState, list[Order]] = {}
    for order in orders:
        by_state.setdefault(order.state, []).append(order)
    return [StateGroup(state, by_state[state]) for state in OrderState if state in by_state]


def day_orders(outlet_id: int, day: date) -> list[StateGroup]:
    """The orders placed at the outlet on `day` (the shop's calendar), by state."""
    # In UTC, as the times are stored: SQLite keeps the wall time it is given, unconverted.
    start = datetime.combine(day, time(0), tzinfo=clock.SHOP_ZONE).astimezone(UTC)
    return _grouped(list(db.session.scalars(
        select(Order).where(Order.outlet_id == outlet_id, Order.placed_at >= start,
                            Order.placed_at < start + timedelta(days=1))
        .order_by(Order.placed_at, Order.id).limit(PAGE_LIMIT))))


def open_orders(outlet_id: int) -> list[StateGroup]:
    """Every order at the outlet not yet completed or cancelled, whatever day, by state."""
    return _grouped(list(db.session.scalars(
        select(Order).where(Order.outlet_id == outlet_id, Order.state.not_in(FINAL))
        .order_by(Order.placed_at, Order.id).limit(PAGE_LIMIT))))


@dataclass(frozen=True)
class StaffOrder:
    """An order as its outlet's staff see it: lots per line, payments, the steps they may take."""

    order: Order
    lots: dict[int, list[tuple[OrderLineLot, Lot]]]
    payments: list[Payment]
    steps: list[Transition]
    # Units whose hold ran out and went to someone else before the order was paid.
    unheld: int = 0

    @property
    def received(self) -> int:
        """All money recorded for the order."""
        return sum(payment.amount_vnd for payment in self.payments)

    @property
    def shortfall(self) -> int:
        """What is still owed (0 once paid in full)."""
        return max(self.order.total_vnd - self.received, 0)

    @property
    def over(self) -> int:
        """What came beyond the total, to be refunded by a person."""
        return sum(payment.over_vnd for payment in self.payments)


def outlet_order(outlet_id: int, number: str) -> Order:
    """The outlet's order of this number however typed; NotFound for any other outlet's."""
    try:
        number = parse_number(number)
    except InvalidInput:
        raise NotFound("order") from None
    order = db.session.scalar(select(Order).where(Order.number == number,
                                                  Order.outlet_id == outlet_id))
    if order is None:
        raise NotFound("order")
    return order


def staff_order(outlet_id: int, number: str) -> StaffOrder:
    """The order with its lines, lots, payments, timeline and the staff's next steps."""
    order = outlet_order(outlet_id, number)
    order = db.session.scalar(select(Order).where(Order.id == order.id).options(
        selectinload(Order.lines), selectinload(Order.events)))
    lots: dict[int, list] = {}
    unheld = 0
    rows = db.session.execute(
        select(OrderLineLot, Lot, StockHold.ended_at).join(Lot, Lot.id == OrderLineLot.lot_id)
        .options(joinedload(Lot.product))
        .join(OrderLine, OrderLine.id == OrderLineLot.line_id)
        .outerjoin(StockHold, StockHold.id == OrderLineLot.hold_id)
        .where(OrderLine.order_id == order.id).order_by(OrderLineLot.id))
    for line_lot, lot, hold_ended in rows:
        lots.setdefault(line_lot.line_id, []).append((line_lot, lot))
        if hold_ended is not None and order.state not in FINAL:
            unheld += line_lot.quantity
    steps = states.allowed(order.state, order.fulfilment, order.payment_method,
                           ActorKind.STAFF)
    return StaffOrder(order, lots, payments_of(order.id), steps, unheld)

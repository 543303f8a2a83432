"""Moving an order along the state machine (`states.check`), each step on the timeline;
cancelling gives its held stock back; each step the customer cares about is mailed to them
(`MAILS`). The staff console calls `advance` with ActorKind.STAFF."""

import logging
from datetime import datetime

from jinja2 import TemplateError
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import ShopError
from shop.core.urls import absolute_url
from shop.database import write_transaction
from shop.extensions import db
from shop.mail import enqueue
from shop.orders import states
from shop.orders.models import Order, OrderEvent, OrderLine, OrderLineLot
from shop.orders.states import ActorKind, OrderState
from shop.outlets.models import Outlet
from shop.outlets.reservations import keep_hold, release, sell_hold
from shop.outlets.stock_models import StockHold
from shop.payments.gateway import BankAccount, OrderPaymentView, gateway_for

log = logging.getLogger("shop.orders")
# The mail (templates/mail/<name>.*) telling the customer their order reached a state; a
# state not named here (placed, preparing) is not worth a mail of its own.
MAILS = {
    OrderState.AWAITING_PAYMENT: "order_confirmation",
    OrderState.CASH_DUE: "order_confirmation",
    OrderState.PAID: "order_paid",
    OrderState.READY_FOR_PICKUP: "order_ready_for_pickup",
    OrderState.OUT_FOR_DELIVERY: "order_out_for_delivery",
    OrderState.COMPLETED: "order_completed",
    OrderState.CANCELLED: "order_cancelled",
}


def _record(order: Order, source: OrderState | None, target: OrderState, kind: ActorKind,
            actor: Actor | None, note: str, at: datetime) -> None:
    db.session.add(OrderEvent(order_id=order.id, from_state=source, to_state=target, at=at,
                              actor_id=actor.id if actor is not None else None,
                              actor_kind=kind, note=note))
    order.state = target


def hold_expired(order: Order, now: datetime) -> bool:
    """Whether the order's hold on its stock has run out."""
    if order.hold_until is None:
        return False
    until = order.hold_until
    if until.tzinfo is None:  # SQLite keeps no offset: stored as UTC
        until = until.replace(tzinfo=now.tzinfo)
    return until <= now


def advance(order: Order, target: str | None, kind: ActorKind, actor: Actor | None, *,
            reason: str = "", now: datetime | None = None, placed: bool = False) -> None:
    """Take the step to `target` if the state machine allows it (InvalidState otherwise);
    `placed` records a new order's first steps (placed, then awaiting payment or cash due)."""
    now = now or clock.utcnow()
    if placed:
        _record(order, None, OrderState.PLACED, kind, actor, "", now)
        prepaid = not gateway_for(order.payment_method).collected_at_handover
        target = OrderState.AWAITING_PAYMENT if prepaid else OrderState.CASH_DUE
    step = states.check(order.state, target, order.fulfilment, order.payment_method, kind,
                        reason=reason, hold_expired=hold_expired(order, now))
    _record(order, order.state, step.target, kind, actor, reason.strip(), now)
    db.session.flush()
    _stock_follows(order, step.target, actor)
    if step.target == OrderState.CANCELLED:
        _release_holds(order, actor)
    if step.target in MAILS:
        _mail(order, MAILS[step.target], reason=reason.strip(),
              hold_expired=step.needs_expired_hold)


def _live_hold_ids(order: Order) -> list[int]:
    """The order's holds not yet sold or released (expired ones too), in id order."""
    return list(db.session.scalars(
        select(StockHold.id).join(OrderLineLot, OrderLineLot.hold_id == StockHold.id)
        .join(OrderLine, OrderLine.id == OrderLineLot.line_id)
        .where(OrderLine.order_id == order.id, StockHold.ended_at.is_(None))
        .order_by(StockHold.id)))


def _release_holds(order: Order, actor: Actor | None) -> None:
    """Give back every unit still held for the order (expired holds too)."""
    for hold_id in _live_hold_ids(order):
        release(hold_id, actor, note=order.number)


def _stock_follows(order: Order, target: OrderState, actor: Actor | None) -> None:
    """Paid or being prepared: its stock is held until handover, no longer until a time;
    completed: the held units are sold (the ledger's 'sold' rows, tied to the lines)."""
    if target in (OrderState.PAID, OrderState.PREPARING):
        order.hold_until = None
        for hold_id in _live_hold_ids(order):
            keep_hold(hold_id)
    elif target == OrderState.COMPLETED:
        for hold_id in _live_hold_ids(order):
            sell_hold(hold_id, actor)


def payment_view(order: Order, outlet: Outlet) -> OrderPaymentView:
    """What a gateway may know of the order (the outlet's bank loaded)."""
    bank = (BankAccount(outlet.bank.bin, outlet.bank.short_name, outlet.bank_account,
                        outlet.bank_account_name) if outlet.bank is not None else None)
    return OrderPaymentView(order.number, order.total_vnd, order.language, bank)


def order_url(order: Order) -> str:
    """The order page's unguessable link, as mailed."""
    return absolute_url("orders.order", number=order.number, t=order.access_token)


def _mail(order: Order, template: str, **context) -> None:
    """Queue a mail about the order in the customer's language (same transaction); a mail
    that cannot be queued is logged and skipped, never a reason to lose the step."""
    try:
        with db.session.begin_nested():
            _enqueue(order, template, **context)
    except (ShopError, TemplateError, ValueError):
        log.exception("order %s: mail %s not queued", order.number, template)


def _enqueue(order: Order, template: str, **context) -> None:
    # What placement has just loaded (the outlet with bank and province, the order's lines)
    # is taken from the session; anything else is read.
    outlet = db.session.get(Outlet, order.outlet_id)
    if outlet is None or {"bank", "province"} & sa_inspect(outlet).unloaded:
        outlet = db.session.scalar(select(Outlet).where(Outlet.id == order.outlet_id).options(
            joinedload(Outlet.bank), joinedload(Outlet.province))
            .execution_options(populate_existing=True))
    lines = (order.lines if "lines" not in sa_inspect(order).unloaded else
             db.session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)
                                .order_by(OrderLine.id)).all())
    unpaid = order.state == OrderState.AWAITING_PAYMENT
    instructions = (gateway_for(order.payment_method).instructions(payment_view(order, outlet))
                    if order.state != OrderState.CANCELLED else None)
    outlet_name = (outlet.name_en or outlet.name_vi) if order.language == "en" \
        else outlet.name_vi
    enqueue(order.contact_email, template, order.language, order=order, outlet=outlet,
            outlet_name=outlet_name, lines=lines, url=order_url(order),
            instructions=instructions, unpaid=unpaid, **context)


def cancel_expired(now: datetime | None = None) -> list[str]:
    """Periodic job: cancel the unpaid orders whose hold ran out (stock back, customer told);
    the numbers cancelled."""
    write_transaction()
    now = now or clock.utcnow()
    due = db.session.scalars(
        select(Order).where(Order.state.in_((OrderState.PLACED, OrderState.AWAITING_PAYMENT,
                                             OrderState.CASH_DUE)),
                            Order.hold_until <= now)
        .order_by(Order.id).with_for_update().execution_options(populate_existing=True)).all()
    for order in due:
        advance(order, OrderState.CANCELLED, ActorKind.SYSTEM, None, now=now)
    return [order.number for order in due]

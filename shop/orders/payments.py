"""Recording money received: a transfer marked by staff or read from a statement, cash at
handover. Short leaves the order awaiting payment; exact or over pays it (the excess kept for
a person to refund). A bank reference seen before at the outlet changes nothing."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import InvalidInput, InvalidState
from shop.database import refused_if_taken, write_transaction
from shop.extensions import db
from shop.orders.models import Order
from shop.orders.states import ActorKind, OrderState
from shop.orders.transitions import advance
from shop.payments.gateway import gateway_for
from shop.payments.models import Payment, PaymentKind, PaymentSource
from shop.payments.received import known_reference, received_vnd
from shop.payments.statements import reference_key

MAX_REFERENCE = 80
MAX_NAME = 120


@dataclass(frozen=True)
class Recorded:
    """What recording one amount did: `duplicate` when the reference was known already."""

    payment: Payment
    duplicate: bool = False
    shortfall: int = 0
    over: int = 0
    paid: bool = False


def locked_order(order_id: int) -> Order:
    """The order, its row locked until commit and read fresh."""
    write_transaction()
    return db.session.scalar(select(Order).where(Order.id == order_id).with_for_update()
                             .execution_options(populate_existing=True))


def _amount(value: int | None) -> int:
    if value is None or value < 1:
        raise InvalidInput(_("Enter the amount received in đồng, 1 or more."), "amount")
    if value > 2_000_000_000:
        raise InvalidInput(_("That amount is too large for one order."), "amount")
    return value


def record_transfer(order_id: int, amount: int | None, received_at: datetime | None,
                    reference: str, actor: Actor | None,
                    source: PaymentSource = PaymentSource.CONSOLE) -> Recorded:
    """Record a transfer for the order; paid when it covers what was owed."""
    order = locked_order(order_id)
    if gateway_for(order.payment_method).collected_at_handover:
        raise InvalidState(_("This order is paid in cash at handover, not by transfer."),
                           "amount")
    amount = _amount(amount)
    reference = " ".join((reference or "").split())
    if not reference:
        raise InvalidInput(_("Enter the bank's reference for the transfer."), "reference")
    if len(reference) > MAX_REFERENCE:
        raise InvalidInput(_("At most %(max)d characters.", max=MAX_REFERENCE), "reference")
    now = clock.utcnow()
    received_at = received_at or now
    if received_at > now:
        raise InvalidInput(_("The time received cannot be in the future."), "received_at")
    existing = known_reference(order.outlet_id, reference)
    if existing is not None:
        return Recorded(existing, duplicate=True)
    owing = order.state == OrderState.AWAITING_PAYMENT
    owed = max(order.total_vnd - received_vnd(order.id), 0) if owing else 0
    payment = Payment(order_id=order.id, outlet_id=order.outlet_id, kind=PaymentKind.TRANSFER,
                      source=source, amount_vnd=amount, over_vnd=max(amount - owed, 0),
                      received_at=received_at, reference=reference,
                      reference_key=reference_key(reference),
                      recorded_by_id=actor.id if actor is not None else None, collected_by="")
    with refused_if_taken(_("This bank reference is already recorded at this outlet."),
                          "reference"):
        db.session.add(payment)
    paid = owing and amount >= owed
    if paid:
        advance(order, OrderState.PAID, ActorKind.STAFF, actor)
    return Recorded(payment, shortfall=max(owed - amount, 0), over=payment.over_vnd, paid=paid)


def hand_over(order_id: int, collected_by: str, actor: Actor) -> Payment | None:
    """The order handed to the person who collected it (or delivered): a cash order's money is
    recorded as taken by `actor`; completed, its held stock sold. The cash payment, if any."""
    order = locked_order(order_id)
    name = " ".join((collected_by or "").split())
    if not name:
        raise InvalidInput(_("Enter the name of the person who collected the order."),
                           "collected_by")
    if len(name) > MAX_NAME:
        raise InvalidInput(_("At most %(max)d characters.", max=MAX_NAME), "collected_by")
    payment = None
    owed = order.total_vnd - received_vnd(order.id)
    if gateway_for(order.payment_method).collected_at_handover and owed > 0 \
            and order.state in (OrderState.READY_FOR_PICKUP, OrderState.OUT_FOR_DELIVERY):
        payment = Payment(order_id=order.id, outlet_id=order.outlet_id, kind=PaymentKind.CASH,
                          source=PaymentSource.CONSOLE, amount_vnd=owed, over_vnd=0,
                          received_at=clock.utcnow(), recorded_by_id=actor.id,
                          collected_by=name)
        db.session.add(payment)
    advance(order, OrderState.COMPLETED, ActorKind.STAFF, actor, reason=name)
    return payment

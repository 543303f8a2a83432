"""The order's life as data: its states, the steps between them, who may take each and when.

The timeline, the staff console's buttons, the customer's "cancel" and the expiry job all ask
this table, so a step that is not in it cannot happen anywhere.
"""

import enum
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from shop.core.errors import InvalidInput, InvalidState
from shop.payments.gateway import DELIVERY, PICKUP, gateway_for


class OrderState(enum.StrEnum):
    """Where an order is in its life."""

    PLACED = "placed"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    CASH_DUE = "cash_due"
    PREPARING = "preparing"
    READY_FOR_PICKUP = "ready_for_pickup"
    OUT_FOR_DELIVERY = "out_for_delivery"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Fulfilment(enum.StrEnum):
    """How the customer receives the order."""

    PICKUP = PICKUP
    DELIVERY = DELIVERY


class ActorKind(enum.StrEnum):
    """Who takes a step: the customer, the outlet's staff, or the shop itself (jobs, payments)."""

    CUSTOMER = "customer"
    STAFF = "staff"
    SYSTEM = "system"


S = OrderState
FINAL = frozenset({S.COMPLETED, S.CANCELLED})
STATE_LABELS = {
    S.PLACED: _l("Placed"),
    S.AWAITING_PAYMENT: _l("Awaiting payment"),
    S.PAID: _l("Paid"),
    S.CASH_DUE: _l("To be paid in cash"),
    S.PREPARING: _l("Being prepared"),
    S.READY_FOR_PICKUP: _l("Ready for pickup"),
    S.OUT_FOR_DELIVERY: _l("Out for delivery"),
    S.COMPLETED: _l("Completed"),
    S.CANCELLED: _l("Cancelled"),
}


@dataclass(frozen=True)
class Transition:
    """One step: from `source` to `target`, by `actor`, under its conditions.

    `prepaid` is True when the step is only for orders paid before they are prepared (transfer,
    card), False only for cash, None for both; `fulfilment` likewise limits it to one.
    """

    source: OrderState
    target: OrderState
    actor: ActorKind
    label: str
    prepaid: bool | None = None
    fulfilment: Fulfilment | None = None
    needs_reason: bool = False
    needs_expired_hold: bool = False

    def applies_to(self, fulfilment: Fulfilment, prepaid: bool) -> bool:
        """Whether the step exists for an order received this way and paid this way."""
        return (self.prepaid in (None, prepaid)
                and self.fulfilment in (None, fulfilment))


A = ActorKind
_FORWARD = [
    Transition(S.PLACED, S.AWAITING_PAYMENT, A.SYSTEM, _l("Waiting for the payment"),
               prepaid=True),
    Transition(S.PLACED, S.CASH_DUE, A.SYSTEM, _l("To be paid in cash"), prepaid=False),
    Transition(S.AWAITING_PAYMENT, S.PAID, A.SYSTEM, _l("Payment received"), prepaid=True),
    Transition(S.AWAITING_PAYMENT, S.PAID, A.STAFF, _l("Mark the transfer received"),
               prepaid=True),
    Transition(S.PAID, S.PREPARING, A.STAFF, _l("Start preparing"), prepaid=True),
    Transition(S.CASH_DUE, S.PREPARING, A.STAFF, _l("Start preparing"), prepaid=False),
    Transition(S.PREPARING, S.READY_FOR_PICKUP, A.STAFF, _l("Ready for pickup"),
               fulfilment=Fulfilment.PICKUP),
    Transition(S.PREPARING, S.OUT_FOR_DELIVERY, A.STAFF, _l("Hand to the courier"),
               fulfilment=Fulfilment.DELIVERY),
    Transition(S.READY_FOR_PICKUP, S.COMPLETED, A.STAFF, _l("Handed to the customer"),
               fulfilment=Fulfilment.PICKUP),
    Transition(S.OUT_FOR_DELIVERY, S.COMPLETED, A.STAFF, _l("Delivered"),
               fulfilment=Fulfilment.DELIVERY),
]
# Before preparing starts, nothing has been packed: the customer may change their mind.
_CUSTOMER_CANCELS = (S.PLACED, S.AWAITING_PAYMENT, S.PAID, S.CASH_DUE)
# The hold on the stock ends while the order is still unpaid (cash at pickup: the pickup day).
_HOLD_EXPIRES = (S.PLACED, S.AWAITING_PAYMENT, S.CASH_DUE)
# The states only some orders pass through: a cancel from one is limited to those orders.
_ONLY_FOR = {
    S.AWAITING_PAYMENT: {"prepaid": True},
    S.PAID: {"prepaid": True},
    S.CASH_DUE: {"prepaid": False},
    S.READY_FOR_PICKUP: {"fulfilment": Fulfilment.PICKUP},
    S.OUT_FOR_DELIVERY: {"fulfilment": Fulfilment.DELIVERY},
}


def _cancel(state: OrderState, actor: ActorKind, label: str, **conditions: bool) -> Transition:
    """The step that cancels an order in `state`, for the orders that can be in it."""
    return Transition(state, S.CANCELLED, actor, label, **_ONLY_FOR.get(state, {}), **conditions)


TRANSITIONS: tuple[Transition, ...] = (
    *_FORWARD,
    *(_cancel(state, A.CUSTOMER, _l("Cancel the order")) for state in _CUSTOMER_CANCELS),
    *(_cancel(state, A.STAFF, _l("Cancel the order"), needs_reason=True)
      for state in S if state not in FINAL),
    *(_cancel(state, A.SYSTEM, _l("Cancelled: the hold expired"), needs_expired_hold=True)
      for state in _HOLD_EXPIRES),
)


def allowed(state: str, fulfilment: str, payment_method: str,
            actor_kind: str) -> list[Transition]:
    """The steps `actor_kind` may take from `state` for an order received and paid this way."""
    state, fulfilment, actor = _state(state), _fulfilment(fulfilment), _actor(actor_kind)
    prepaid = not gateway_for(payment_method, fulfilment).collected_at_handover
    return [t for t in TRANSITIONS
            if t.source == state and t.actor == actor and t.applies_to(fulfilment, prepaid)]


def check(state: str, target: str, fulfilment: str, payment_method: str, actor_kind: str, *,
          reason: str = "", hold_expired: bool = False) -> Transition:
    """The step from `state` to `target`, or InvalidState (InvalidInput for a missing reason)."""
    target = _state(target)
    step = next((t for t in allowed(state, fulfilment, payment_method, actor_kind)
                 if t.target == target), None)
    if step is None:
        raise InvalidState(_refusal(_state(state), target, _actor(actor_kind)), "state")
    if step.needs_reason and not reason.strip():
        raise InvalidInput(_("Say why the order is cancelled: the customer is told."), "reason")
    if step.needs_expired_hold and not hold_expired:
        raise InvalidState(_("The order's hold has not expired yet."), "state")
    return step


def _refusal(state: OrderState, target: OrderState, actor: ActorKind) -> str:
    """Why the step is refused, in the words the person asking would use."""
    if state in FINAL:
        return _("The order is already %(state)s: it cannot change any more.",
                 state=str(STATE_LABELS[state]).lower())
    if target == S.CANCELLED and actor == A.CUSTOMER:
        return _("The outlet has started preparing your order, so it can no longer be "
                 "cancelled here: please call the outlet.")
    return _("An order that is “%(state)s” cannot become “%(target)s”.",
             state=STATE_LABELS[state], target=STATE_LABELS[target])


def _state(value: str) -> OrderState:
    """`value` as an OrderState, or InvalidInput naming the field."""
    try:
        return OrderState(value)
    except ValueError:
        raise InvalidInput(_("Unknown order state “%(value)s”.", value=value), "state") from None


def _fulfilment(value: str) -> Fulfilment:
    """`value` as a Fulfilment, or InvalidInput naming the field."""
    try:
        return Fulfilment(value)
    except ValueError:
        raise InvalidInput(_("Choose pickup or delivery."), "fulfilment") from None


def _actor(value: str) -> ActorKind:
    """`value` as an ActorKind (a programming error when it is not one)."""
    return ActorKind(value)

"""The order state machine: every step it allows, for every way of receiving and paying, and
the steps it refuses with a message a person understands."""

import itertools

import pytest
from flask_babel import force_locale

from shop.core.errors import InvalidInput, InvalidState
from shop.orders.states import (
    STATE_LABELS,
    TRANSITIONS,
    ActorKind,
    Fulfilment,
    OrderState,
    allowed,
    check,
)
from shop.payments.gateway import (
    OrderPaymentView,
    PaymentGateway,
    PaymentInstructions,
    gateways,
    register,
)

pytestmark = pytest.mark.usefixtures("english")

S, A = OrderState, ActorKind
CUSTOMER, STAFF, SYSTEM = A.CUSTOMER, A.STAFF, A.SYSTEM
PAID_FIRST = {
    (S.PLACED, S.AWAITING_PAYMENT, SYSTEM),
    (S.AWAITING_PAYMENT, S.PAID, SYSTEM),
    (S.AWAITING_PAYMENT, S.PAID, STAFF),
    (S.PAID, S.PREPARING, STAFF),
}
CASH = {(S.PLACED, S.CASH_DUE, SYSTEM), (S.CASH_DUE, S.PREPARING, STAFF)}
PICKUP = {(S.PREPARING, S.READY_FOR_PICKUP, STAFF), (S.READY_FOR_PICKUP, S.COMPLETED, STAFF)}
DELIVERY = {(S.PREPARING, S.OUT_FOR_DELIVERY, STAFF), (S.OUT_FOR_DELIVERY, S.COMPLETED, STAFF)}


def cancels(customer: set, system: set, staff: set) -> set:
    return ({(state, S.CANCELLED, CUSTOMER) for state in customer}
            | {(state, S.CANCELLED, SYSTEM) for state in system}
            | {(state, S.CANCELLED, STAFF) for state in staff})


# Every step the table should hold, written out by hand per (fulfilment, payment method).
EXPECTED = {
    ("pickup", "vietqr"): PAID_FIRST | PICKUP | cancels(
        customer={S.PLACED, S.AWAITING_PAYMENT, S.PAID},
        system={S.PLACED, S.AWAITING_PAYMENT},
        staff={S.PLACED, S.AWAITING_PAYMENT, S.PAID, S.PREPARING, S.READY_FOR_PICKUP}),
    ("delivery", "vietqr"): PAID_FIRST | DELIVERY | cancels(
        customer={S.PLACED, S.AWAITING_PAYMENT, S.PAID},
        system={S.PLACED, S.AWAITING_PAYMENT},
        staff={S.PLACED, S.AWAITING_PAYMENT, S.PAID, S.PREPARING, S.OUT_FOR_DELIVERY}),
    ("pickup", "cash_pickup"): CASH | PICKUP | cancels(
        customer={S.PLACED, S.CASH_DUE},
        system={S.PLACED, S.CASH_DUE},
        staff={S.PLACED, S.CASH_DUE, S.PREPARING, S.READY_FOR_PICKUP}),
    ("delivery", "cash_delivery"): CASH | DELIVERY | cancels(
        customer={S.PLACED, S.CASH_DUE},
        system={S.PLACED, S.CASH_DUE},
        staff={S.PLACED, S.CASH_DUE, S.PREPARING, S.OUT_FOR_DELIVERY}),
}


def reachable(fulfilment: str, method: str) -> set:
    """Every (source, target, actor) allowed() offers for this kind of order."""
    return {(step.source, step.target, step.actor)
            for state, actor in itertools.product(OrderState, ActorKind)
            for step in allowed(state, fulfilment, method, actor)}


@pytest.mark.parametrize(("fulfilment", "method"), EXPECTED)
def test_allowed_offers_exactly_the_expected_steps(fulfilment, method):
    assert reachable(fulfilment, method) == EXPECTED[(fulfilment, method)]


@pytest.mark.parametrize(("fulfilment", "method"), EXPECTED)
def test_every_expected_step_passes_check(fulfilment, method):
    for source, target, actor in EXPECTED[(fulfilment, method)]:
        step = check(source, target, fulfilment, method, actor,
                     reason="Out of stock", hold_expired=True)
        assert (step.source, step.target, step.actor) == (source, target, actor)


@pytest.mark.parametrize(("fulfilment", "method", "path"), [
    ("pickup", "vietqr", [S.AWAITING_PAYMENT, S.PAID, S.PREPARING, S.READY_FOR_PICKUP]),
    ("delivery", "vietqr", [S.AWAITING_PAYMENT, S.PAID, S.PREPARING, S.OUT_FOR_DELIVERY]),
    ("pickup", "cash_pickup", [S.CASH_DUE, S.PREPARING, S.READY_FOR_PICKUP]),
    ("delivery", "cash_delivery", [S.CASH_DUE, S.PREPARING, S.OUT_FOR_DELIVERY]),
])
def test_each_kind_of_order_lives_from_placed_to_completed(fulfilment, method, path):
    state = S.PLACED
    for target in [*path, S.COMPLETED]:
        kinds = [a for a in ActorKind if any(t.target == target
                                             for t in allowed(state, fulfilment, method, a))]
        state = check(state, target, fulfilment, method, kinds[0]).target
    assert state == S.COMPLETED
    assert all(allowed(S.COMPLETED, fulfilment, method, a) == [] for a in ActorKind)
    assert all(allowed(S.CANCELLED, fulfilment, method, a) == [] for a in ActorKind)


@pytest.mark.parametrize(("state", "target", "fulfilment", "method", "actor", "words"), [
    # Skipping payment, or paying a cash order by transfer.
    (S.PLACED, S.PREPARING, "pickup", "vietqr", STAFF, "cannot become “Being prepared”"),
    (S.AWAITING_PAYMENT, S.PREPARING, "pickup", "vietqr", STAFF, "“Awaiting payment”"),
    (S.PLACED, S.CASH_DUE, "pickup", "vietqr", SYSTEM, "cannot become"),
    (S.PLACED, S.AWAITING_PAYMENT, "pickup", "cash_pickup", SYSTEM, "cannot become"),
    (S.CASH_DUE, S.PAID, "delivery", "cash_delivery", STAFF, "cannot become “Paid”"),
    # Only the shop itself places; only staff mark paid and move goods; customers neither.
    (S.PLACED, S.AWAITING_PAYMENT, "pickup", "vietqr", STAFF, "cannot become"),
    (S.AWAITING_PAYMENT, S.PAID, "pickup", "vietqr", CUSTOMER, "cannot become"),
    (S.PAID, S.PREPARING, "pickup", "vietqr", SYSTEM, "cannot become"),
    (S.READY_FOR_PICKUP, S.COMPLETED, "pickup", "vietqr", CUSTOMER, "cannot become"),
    # Pickup orders are never out for delivery, and delivery orders never wait at the outlet.
    (S.PREPARING, S.OUT_FOR_DELIVERY, "pickup", "cash_pickup", STAFF, "cannot become"),
    (S.PREPARING, S.READY_FOR_PICKUP, "delivery", "vietqr", STAFF, "cannot become"),
    (S.OUT_FOR_DELIVERY, S.COMPLETED, "pickup", "vietqr", STAFF, "cannot become"),
    # No going back, no skipping the handover.
    (S.PREPARING, S.PAID, "pickup", "vietqr", STAFF, "cannot become"),
    (S.PREPARING, S.COMPLETED, "pickup", "vietqr", STAFF, "cannot become “Completed”"),
    (S.PAID, S.AWAITING_PAYMENT, "pickup", "vietqr", SYSTEM, "cannot become"),
    # The customer may not cancel once preparing has started.
    (S.PREPARING, S.CANCELLED, "pickup", "vietqr", CUSTOMER, "can no longer be cancelled"),
    (S.READY_FOR_PICKUP, S.CANCELLED, "pickup", "cash_pickup", CUSTOMER, "call the outlet"),
    (S.OUT_FOR_DELIVERY, S.CANCELLED, "delivery", "cash_delivery", CUSTOMER, "no longer"),
    # A paid order's hold does not expire; nothing leaves completed or cancelled.
    (S.PAID, S.CANCELLED, "pickup", "vietqr", SYSTEM, "cannot become “Cancelled”"),
    (S.PREPARING, S.CANCELLED, "delivery", "cash_delivery", SYSTEM, "cannot become"),
    (S.COMPLETED, S.CANCELLED, "pickup", "vietqr", STAFF, "already completed"),
    (S.COMPLETED, S.CANCELLED, "pickup", "vietqr", CUSTOMER, "already completed"),
    (S.CANCELLED, S.PLACED, "pickup", "vietqr", SYSTEM, "already cancelled"),
    (S.CANCELLED, S.PREPARING, "delivery", "cash_delivery", STAFF, "cannot change any more"),
])
def test_refused_steps_say_why(state, target, fulfilment, method, actor, words):
    with pytest.raises(InvalidState) as refused:
        check(state, target, fulfilment, method, actor, reason="Because", hold_expired=True)
    assert words in refused.value.message
    assert refused.value.status == 409


def test_staff_cancelling_must_give_a_reason():
    for reason in ("", "   "):
        with pytest.raises(InvalidInput) as refused:
            check(S.PREPARING, S.CANCELLED, "pickup", "vietqr", STAFF, reason=reason)
        assert refused.value.field == "reason"
    assert check(S.PREPARING, S.CANCELLED, "pickup", "vietqr", STAFF,
                 reason="Damaged in the shop").needs_reason


def test_the_customer_cancels_without_a_reason_and_the_system_only_on_expiry():
    assert check(S.AWAITING_PAYMENT, S.CANCELLED, "pickup", "vietqr", CUSTOMER).target \
        == S.CANCELLED
    with pytest.raises(InvalidState, match="hold has not expired"):
        check(S.AWAITING_PAYMENT, S.CANCELLED, "pickup", "vietqr", SYSTEM)
    assert check(S.CASH_DUE, S.CANCELLED, "pickup", "cash_pickup", SYSTEM, hold_expired=True)


@pytest.mark.parametrize(("arguments", "field"), [
    (("shipped", S.PAID, "pickup", "vietqr", STAFF), "state"),
    ((S.PAID, "shipped", "pickup", "vietqr", STAFF), "state"),
    ((S.PAID, S.PREPARING, "courier", "vietqr", STAFF), "fulfilment"),
    ((S.PAID, S.PREPARING, "pickup", "bitcoin", STAFF), "payment_method"),
    ((S.CASH_DUE, S.PREPARING, "delivery", "cash_pickup", STAFF), "payment_method"),
    ((S.CASH_DUE, S.PREPARING, "pickup", "cash_delivery", STAFF), "payment_method"),
])
def test_unknown_values_are_bad_input_naming_the_field(arguments, field):
    with pytest.raises(InvalidInput) as refused:
        check(*arguments)
    assert refused.value.field == field


def test_every_state_and_step_reads_in_vietnamese_for_the_timeline_and_buttons():
    assert set(STATE_LABELS) == set(OrderState)
    labels = [*STATE_LABELS.values(), *(step.label for step in TRANSITIONS)]
    with force_locale("en"):
        english = [str(label) for label in labels]
    with force_locale("vi"):
        vietnamese = [str(label) for label in labels]
        assert str(STATE_LABELS[S.AWAITING_PAYMENT]) == "Chờ thanh toán"
    assert all(vi != en for vi, en in zip(vietnamese, english, strict=True))


class _CardGateway(PaymentGateway):
    """A card gateway as Stripe's will be: paid online before the order is prepared."""

    method = "card"
    label = "Card"
    collected_at_handover = False
    fulfilments = frozenset({Fulfilment.PICKUP, Fulfilment.DELIVERY})

    def instructions(self, order: OrderPaymentView) -> PaymentInstructions:
        return PaymentInstructions(self.method, order.amount_due, "Pay by card.")


@pytest.fixture
def card():
    register(_CardGateway())
    yield
    del gateways["card"]


@pytest.mark.usefixtures("card")
def test_a_card_gateway_plugs_in_and_follows_the_paid_first_path():
    assert reachable("delivery", "card") == EXPECTED[("delivery", "vietqr")]

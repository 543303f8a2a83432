"""What the customer receives at each step of their order, as a real SMTP server got it."""

from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import select

from shop.core.clock import utcnow
from shop.extensions import db
from shop.mail.delivery import deliver_due
from shop.orders.models import Order, OrderEvent
from shop.orders.states import ActorKind, OrderState
from shop.orders.transitions import advance, cancel_expired
from tests.unit.orders.support import placed_order

STAFF, SYSTEM = ActorKind.STAFF, ActorKind.SYSTEM


def delivered(settings, smtp) -> list:
    """What the worker delivers now, as the SMTP server received it."""
    deliver_due(settings)
    arrived, smtp.inbox[:] = list(smtp.inbox), []
    return arrived


def test_a_transfer_order_is_confirmed_with_how_to_pay_in_vietnamese(settings, smtp):
    order, _lot = placed_order()

    [mail] = delivered(settings, smtp)

    assert mail.recipients == ["lan@example.vn"]
    assert mail.email["Subject"] == f"Đơn hàng {order.number} của bạn tại OCOP Việt"
    for part in (mail.part("plain"), mail.part("html")):
        assert "0011001234567" in part and f"OCOP {order.number}" in part
        assert "240.000" in part
    assert f"/orders/{order.number}?t={order.access_token}" in mail.part("plain")


def test_each_step_of_a_pickup_order_is_mailed_in_english(settings, smtp):
    order, _lot = placed_order(language="en")
    delivered(settings, smtp)

    advance(order, OrderState.PAID, STAFF, None)
    [paid] = delivered(settings, smtp)
    advance(order, OrderState.PREPARING, STAFF, None)
    assert delivered(settings, smtp) == []
    advance(order, OrderState.READY_FOR_PICKUP, STAFF, None)
    [ready] = delivered(settings, smtp)
    advance(order, OrderState.COMPLETED, STAFF, None)
    [completed] = delivered(settings, smtp)

    assert paid.email["Subject"] == f"Payment received for your order {order.number}"
    assert "We have received your payment of ₫240,000" in paid.part("plain")
    assert ready.email["Subject"] == f"Your order {order.number} is ready for pickup"
    assert "12 Phố Hàng Bạc" in ready.part("html") and "Pickup day:" in ready.part("plain")
    assert completed.email["Subject"] == f"Thank you for your order {order.number}"
    assert "where each product came from" in completed.part("plain")


def test_a_payment_mail_in_vietnamese_shows_the_amount_the_vietnamese_way(settings, smtp):
    order, _lot = placed_order()
    delivered(settings, smtp)

    advance(order, OrderState.PAID, SYSTEM, None)

    [mail] = delivered(settings, smtp)
    assert order.number in mail.email["Subject"]
    assert "240.000" in mail.part("plain") and '<html lang="vi">' in mail.part("html")


def test_a_delivery_paid_in_cash_says_it_is_on_its_way_and_what_to_pay(settings, smtp):
    order, _lot = placed_order(language="en", payment_method="cash_delivery",
                               fulfilment="delivery")
    [confirmation] = delivered(settings, smtp)
    advance(order, OrderState.PREPARING, STAFF, None)
    advance(order, OrderState.OUT_FOR_DELIVERY, STAFF, None)

    [mail] = delivered(settings, smtp)

    assert "0011001234567" not in confirmation.part("plain")
    assert mail.email["Subject"] == f"Your order {order.number} is on its way"
    text = mail.part("plain")
    assert "5 Lý Thường Kiệt" in text
    assert "To pay in cash on delivery: ₫270,000" in text


@pytest.mark.parametrize(("language", "subject", "reason_label"), [
    ("vi", "Đơn hàng {} của bạn đã bị hủy", "Lý do:"),
    ("en", "Your order {} is cancelled", "Reason:"),
])
def test_a_cancellation_by_staff_tells_the_reason(settings, smtp, language, subject,
                                                  reason_label):
    order, _lot = placed_order(language=language)
    delivered(settings, smtp)

    advance(order, OrderState.CANCELLED, STAFF, None, reason="Hết hàng do lũ")

    [mail] = delivered(settings, smtp)
    assert mail.email["Subject"] == subject.format(order.number)
    assert f"{reason_label} Hết hàng do lũ" in mail.part("plain")
    assert "Hết hàng do lũ" in mail.part("html")


def test_an_order_is_kept_while_the_mail_server_is_down(settings, smtp_down):
    with time_machine.travel(utcnow(), tick=False) as clock:
        order, _lot = placed_order(language="en")

        assert deliver_due(settings).failed == 1
        assert db.session.scalar(select(Order.state).where(Order.id == order.id)) \
            == OrderState.AWAITING_PAYMENT
        smtp_down.start()
        clock.shift(settings.retry_base + timedelta(seconds=1))
        [mail] = delivered(settings, smtp_down)
    assert order.number in mail.email["Subject"]


def test_a_mail_that_cannot_be_queued_never_stops_the_step(settings, smtp):
    order, _lot = placed_order(language="en")
    delivered(settings, smtp)
    order.contact_email = "no address"  # an old record the queue refuses

    advance(order, OrderState.PAID, STAFF, None)

    assert order.state == OrderState.PAID
    assert [e.to_state for e in order_events(order)][-1] == OrderState.PAID
    assert delivered(settings, smtp) == []



def order_events(order) -> list[OrderEvent]:
    """The order's timeline, read from the database."""
    return db.session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id)
                              .order_by(OrderEvent.id)).all()


def test_an_order_whose_time_to_pay_ran_out_is_cancelled_with_a_mail_saying_why(settings, smtp,
                                                                                 time_machine):
    time_machine.move_to(utcnow(), tick=False)
    order, _lot = placed_order(language="en")
    delivered(settings, smtp)
    time_machine.shift(timedelta(minutes=61))

    assert cancel_expired() == [order.number]

    [mail] = delivered(settings, smtp)
    assert mail.email["Subject"] == f"Your order {order.number} is cancelled"
    assert "The time to pay for it ran out" in mail.part("plain")

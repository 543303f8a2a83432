"""The demo's past orders: every state of the order's life, each with its timeline, its lots
and its customer's mails, placed and moved through the shop's own services."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shop.demo.seed import seed
from shop.extensions import db
from shop.mail.models import MailMessage
from shop.orders.models import Order, OrderEvent, OrderLine, OrderLineLot
from shop.orders.states import OrderState
from tests.unit.demo.test_outlets_demo import check_the_ledger

TODAY = date(2026, 3, 16)


@pytest.fixture
def seeded(app, time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return seed(Path(app.config["MEDIA_ROOT"]), TODAY)


def test_the_demo_has_past_orders_in_every_state(seeded):
    orders = db.session.scalars(select(Order).order_by(Order.id)).all()
    assert {o.state for o in orders} == set(OrderState) - {OrderState.PLACED}
    assert seeded.orders == len(orders)
    assert {o.fulfilment.value for o in orders} == {"pickup", "delivery"}
    assert {o.payment_method for o in orders} == {"vietqr", "cash_pickup", "cash_delivery"}
    assert any(o.customer_id is not None for o in orders)

    for order in orders:
        events = db.session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id)
                                    .order_by(OrderEvent.id)).all()
        assert events[0].to_state == OrderState.PLACED and events[-1].to_state == order.state
        assert all(a.at <= b.at for a, b in zip(events, events[1:], strict=False))
        served = db.session.scalar(
            select(func.sum(OrderLineLot.quantity)).join(OrderLine)
            .where(OrderLine.order_id == order.id))
        ordered = db.session.scalar(select(func.sum(OrderLine.quantity))
                                    .where(OrderLine.order_id == order.id))
        assert served == ordered > 0
        assert db.session.scalar(select(func.count()).select_from(MailMessage).where(
            MailMessage.to_address == order.contact_email)) >= 1
    reasons = [e.note for e in db.session.scalars(select(OrderEvent).where(
        OrderEvent.to_state == OrderState.CANCELLED))]
    assert any("Không liên lạc được" in note for note in reasons)
    check_the_ledger()

"""The staff's orders console: a day's orders by state, an order's page, the steps allowed
and refused, and another outlet's orders out of sight."""

import re
from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from shop.core import clock
from shop.extensions import db
from shop.orders.models import OrderEvent
from shop.orders.placing import ItemOutOfStock
from shop.orders.states import ActorKind, allowed
from shop.outlets.stock_models import MoveReason, StockHold, StockMove
from tests.web.orders.console.support import level, place, reload
from tests.web.orders.support import stocked_outlet


def page_of(client, outlet, order) -> str:
    return client.get(f"/console/{outlet.slug}/orders/{order.number}").get_data(as_text=True)


def test_todays_orders_by_state_and_the_open_ones_of_other_days(app, staff_client, shop,
                                                                time_machine):
    outlet, product, _lot = shop
    time_machine.move_to("2026-03-15T09:00:00+07:00", tick=False)
    yesterday = place(app, outlet, product)
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    transfer = place(app, outlet, product)
    cash = place(app, outlet, product, method="cash_pickup")

    today = staff_client.get(f"/console/{outlet.slug}/orders/").get_data(as_text=True)
    assert "Awaiting payment (1)" in today and "To be paid in cash (1)" in today
    assert transfer.number in today and cash.number in today
    assert yesterday.number not in today
    other_day = staff_client.get(f"/console/{outlet.slug}/orders/?day=2026-03-15")
    assert yesterday.number in other_day.get_data(as_text=True)
    opened = staff_client.get(f"/console/{outlet.slug}/orders/?show=open").get_data(
        as_text=True)
    assert all(o.number in opened for o in (yesterday, transfer, cash))


def test_the_day_is_the_shops_calendar_day_just_after_midnight(app, staff_client, shop,
                                                                time_machine):
    outlet, product, _lot = shop
    time_machine.move_to("2026-03-15T23:50:00+07:00", tick=False)
    late = place(app, outlet, product)
    # 00:10 in Vietnam is still the day before in UTC.
    time_machine.move_to("2026-03-16T00:10:00+07:00", tick=False)
    early = place(app, outlet, product)
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)

    today = staff_client.get(f"/console/{outlet.slug}/orders/").get_data(as_text=True)
    assert early.number in today and late.number not in today
    before = staff_client.get(f"/console/{outlet.slug}/orders/?day=2026-03-15")
    assert late.number in before.get_data(as_text=True)
    assert early.number not in before.get_data(as_text=True)


def test_another_outlets_order_is_not_found_however_it_is_written(app, staff_client, shop):
    outlet = shop[0]
    elsewhere, product, _lot, _province = stocked_outlet()
    theirs = place(app, elsewhere, product)
    for written in (theirs.number, theirs.number.lower(),
                    f"{theirs.number[:4]}-{theirs.number[4:]}", str(theirs.id)):
        assert staff_client.get(f"/console/{outlet.slug}/orders/{written}").status_code == 404
    for action in ("step", "transfer", "slip.pdf"):
        method = staff_client.get if action.endswith(".pdf") else staff_client.post
        answer = method(f"/console/{outlet.slug}/orders/{theirs.number}/{action}",
                        data={"target": "cancelled", "reason": "x"})
        assert answer.status_code == 404
    assert reload(theirs).state == "awaiting_payment"


def test_a_number_typed_loosely_opens_the_order(app, staff_client, shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)
    answer = staff_client.get(f"/console/{outlet.slug}/orders/{order.number.lower()}")
    assert answer.headers["Location"] == f"/console/{outlet.slug}/orders/{order.number}"


def test_the_order_page_shows_lots_gift_contact_and_only_the_allowed_steps(app, staff_client,
                                                                          shop):
    outlet, product, lot = shop
    order = place(app, outlet, product, quantity=2, recipient_name="Bà Hoa",
                  recipient_phone="0987654321", gift_message="Chúc mừng năm mới!")
    page = page_of(staff_client, outlet, order)

    assert lot.code in page and "× 2" in page
    assert "Bà Hoa" in page and "Chúc mừng năm mới!" in page and "0912345678" in page
    assert "Mark the transfer received" in page and "Cancel the order" in page
    assert "Start preparing" not in page and "Handed to the customer" not in page


def test_a_step_the_state_machine_refuses_is_a_clear_message(app, staff_client, shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)
    answer = staff_client.post(f"/console/{outlet.slug}/orders/{order.number}/step",
                               data={"target": "ready_for_pickup"}, follow_redirects=True)
    assert answer.status_code == 200
    assert ("An order that is “Awaiting payment” cannot become “Ready for pickup”."
            in answer.get_data(as_text=True))
    bogus = staff_client.post(f"/console/{outlet.slug}/orders/{order.number}/step",
                              data={"target": "shipped"}, follow_redirects=True)
    assert "Unknown order state" in bogus.get_data(as_text=True)
    assert reload(order).state == "awaiting_payment"


def test_staff_cancel_only_with_a_reason_and_the_stock_comes_back(app, staff_client, shop):
    outlet, product, lot = shop
    order = place(app, outlet, product, quantity=3)
    url = f"/console/{outlet.slug}/orders/{order.number}/step"
    refused = staff_client.post(url, data={"target": "cancelled", "reason": " "},
                                follow_redirects=True)
    assert "Say why the order is cancelled" in refused.get_data(as_text=True)
    assert level(outlet, lot).reserved == 3

    staff_client.post(url, data={"target": "cancelled", "reason": "Khách gọi huỷ"})
    assert reload(order).state == "cancelled"
    assert level(outlet, lot).reserved == 0
    note = db.session.scalar(select(OrderEvent.note).where(
        OrderEvent.order_id == order.id, OrderEvent.to_state == "cancelled"))
    assert note == "Khách gọi huỷ"
    assert "Nothing more to do" in page_of(staff_client, outlet, order)


def test_a_cash_order_is_prepared_handed_over_paid_and_its_lots_sold(app, staff_client, staff,
                                                                    shop):
    outlet, product, lot = shop
    order = place(app, outlet, product, quantity=2, method="cash_pickup")
    url = f"/console/{outlet.slug}/orders/{order.number}/step"
    staff_client.post(url, data={"target": "preparing"})
    held = db.session.scalars(select(StockHold).where(StockHold.ended_at.is_(None))).all()
    assert reload(order).hold_until is None and [h.expires_at for h in held] == [None]
    staff_client.post(url, data={"target": "ready_for_pickup"})
    nameless = staff_client.post(url, data={"target": "completed", "collected_by": ""},
                                 follow_redirects=True)
    assert "Enter the name of the person who collected" in nameless.get_data(as_text=True)

    done = staff_client.post(url, data={"target": "completed", "collected_by": "Chị Mai"},
                             follow_redirects=True).get_data(as_text=True)
    assert "Cash received and the order handed over." in done
    assert "in cash, collected by Chị Mai" in done and "collected by Chị Mai" in done
    assert reload(order).state == "completed"
    sold = db.session.scalars(select(StockMove).where(StockMove.reason == MoveReason.SOLD)).all()
    assert [(m.lot_id, m.quantity, m.actor_id) for m in sold] == [(lot.id, -2, staff.id)]
    assert sold[0].order_line_id is not None
    stock = level(outlet, lot)
    assert (stock.on_hand, stock.reserved) == (8, 0)


def test_a_paid_transfer_order_keeps_its_hold_past_the_hold_time(app, staff_client, shop,
                                                                 time_machine):
    outlet, product, lot = shop
    order = place(app, outlet, product, quantity=4)
    staff_client.post(f"/console/{outlet.slug}/orders/{order.number}/transfer",
                      data={"amount": "480.000", "reference": "FT26075001"})
    assert reload(order).state == "paid" and reload(order).hold_until is None
    time_machine.move_to(clock.utcnow() + timedelta(days=3), tick=False)
    with pytest.raises(ItemOutOfStock, match="Chỉ còn 6 "):
        place(app, outlet, product, quantity=7)
    stock = level(outlet, lot)
    assert (stock.on_hand, stock.reserved) == (10, 4)


def test_a_transfer_after_the_hold_ran_out_warns_that_the_stock_went_elsewhere(app,
                                                                             staff_client,
                                                                             shop,
                                                                             time_machine):
    outlet, product, lot = shop
    late = place(app, outlet, product, quantity=4)
    time_machine.move_to(clock.utcnow() + timedelta(hours=2), tick=False)
    place(app, outlet, product, quantity=10)  # takes the units the late order held
    page = staff_client.post(f"/console/{outlet.slug}/orders/{late.number}/transfer",
                             data={"amount": "480000", "reference": "FT26075009"},
                             follow_redirects=True).get_data(as_text=True)
    assert reload(late).state == "paid"
    assert "4 units of this order are no longer held" in page
    assert level(outlet, lot).reserved == 10


def test_the_pages_cost_the_same_queries_for_one_order_or_many(app, staff_client, shop,
                                                              count_queries):
    outlet, product, _lot = shop

    def costs(order) -> tuple[int, int]:
        with count_queries() as listing:
            staff_client.get(f"/console/{outlet.slug}/orders/")
        with count_queries() as page:
            staff_client.get(f"/console/{outlet.slug}/orders/{order.number}")
        return len(listing), len(page)

    first = place(app, outlet, product)
    few = costs(first)
    for _ in range(4):
        many = place(app, outlet, product, quantity=1, method="cash_pickup")
    assert costs(many) == few


def buttons(page: str) -> set[str]:
    """The labels of the buttons of the page's "Next steps"."""
    steps = page.split('id="steps-title"')[1].split('id="timeline-heading"')[0]
    return set(re.findall(r'<button type="submit"[^>]*>([^<]*)</button>', steps))


def test_each_state_offers_exactly_the_steps_the_state_machine_allows(app, staff_client,
                                                                     shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)
    url = f"/console/{outlet.slug}/orders/{order.number}"
    staff_client.post(f"{url}/transfer", data={"amount": "120000", "reference": "FT7"})
    seen = []
    for target in ("preparing", "ready_for_pickup", None):
        current = reload(order)
        with force_locale("en"):
            expected = {str(step.label) for step in allowed(
                current.state, current.fulfilment, current.payment_method, ActorKind.STAFF)}
        assert buttons(page_of(staff_client, outlet, order)) == expected
        seen.append(current.state)
        if target:
            staff_client.post(f"{url}/step", data={"target": target})
    assert seen == ["paid", "preparing", "ready_for_pickup"]
    staff_client.post(f"{url}/step", data={"target": "completed", "collected_by": "Lan"})
    assert reload(order).state == "completed"
    assert buttons(page_of(staff_client, outlet, order)) == set()


def test_a_delivery_paid_in_cash_goes_out_and_is_delivered(app, staff_client, shop):
    outlet, product, _lot = shop
    province_id = outlet.delivery_fees[0].province_id
    order = place(app, outlet, product, method="cash_delivery", fulfilment="delivery",
                  pickup_on=None, street="12 Lê Lợi", commune="Phường 1",
                  province_id=province_id)
    url = f"/console/{outlet.slug}/orders/{order.number}"
    staff_client.post(f"{url}/step", data={"target": "preparing"})
    page = page_of(staff_client, outlet, order)
    assert "Hand to the courier" in page and "Ready for pickup" not in buttons(page)
    staff_client.post(f"{url}/step", data={"target": "out_for_delivery"})
    assert "Take ₫150,000 in cash." in page_of(staff_client, outlet, order)
    staff_client.post(f"{url}/step", data={"target": "completed", "collected_by": "Anh Tú"})
    done = page_of(staff_client, outlet, order)
    assert reload(order).state == "completed"
    assert "₫150,000" in done and "in cash, collected by Anh Tú" in done


def test_the_console_speaks_vietnamese_by_default(app, staff_client, shop):
    outlet, product, _lot = shop
    order = place(app, outlet, product)
    staff_client.set_cookie("lang", "vi")
    page = page_of(staff_client, outlet, order)
    assert '<html lang="vi">' in page and "Chè Shan tuyết" in page

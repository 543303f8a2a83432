"""Placing an order: everything re-checked and priced from current data in one transaction,
the stock reserved first-expiry-first-out under row locks, one order per idempotency key.

The API (next session) calls `place_order` with the same plain values as checkout does.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from shop.core import clock
from shop.core.actors import Actor
from shop.core.errors import InvalidInput, InvalidState
from shop.core.phones import normalize_phone
from shop.database import write_transaction
from shop.extensions import db
from shop.orders.lines import Item, expand, items_for, product_names
from shop.orders.models import LineKind, Order, OrderLine, OrderLineLot
from shop.orders.numbers import new_number
from shop.orders.states import ActorKind, Fulfilment, OrderState
from shop.orders.totals import DeliveryRule, PricedLine, totals
from shop.orders.transitions import advance
from shop.outlets.ledger import OutOfStock
from shop.outlets.models import DeliveryFee, Outlet, OutletStatus
from shop.outlets.reservations import ShortOf, Want, reserve_fefo
from shop.payments.gateway import gateway_for

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Which outlet column says it accepts each payment method.
ACCEPTS = {"vietqr": "accepts_vietqr", "cash_pickup": "accepts_cash_pickup",
           "cash_delivery": "accepts_cod"}


@dataclass(frozen=True)
class Checkout:
    """What the shopper typed at checkout, as plain values (nothing priced)."""

    outlet_id: int
    contact_name: str
    contact_phone: str
    contact_email: str
    fulfilment: str
    payment_method: str
    pickup_on: date | None = None
    street: str = ""
    commune: str = ""
    province_id: int | None = None
    recipient_name: str = ""
    recipient_phone: str = ""
    gift_message: str = ""
    language: str = "vi"


class ItemOutOfStock(OutOfStock):
    """Fewer units of a named item are left than were asked for."""

    def __init__(self, available: int, name: str, key: tuple[str, int] | None = None):
        super().__init__(available, "items")
        self.message = _("Only %(count)d left of %(name)s.", count=available, name=name)
        self.args = (self.message,)
        self.name = name
        # The (kind, id) of the cart line that ran short, for the API to name its item.
        self.key = key


def new_idempotency_key() -> str:
    """A fresh key for one checkout form (a hidden field): submitting it twice is one order."""
    return secrets.token_urlsafe(24)


def _required(value: str, field: str, message: str, limit: int) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise InvalidInput(message, field)
    if len(text) > limit:
        raise InvalidInput(_("At most %(max)d characters.", max=limit), field)
    return text


def _outlet(outlet_id: int) -> Outlet:
    # Bank and province (the answer's and the mail's) joined: one query fewer per order.
    outlet = db.session.scalar(select(Outlet).where(Outlet.id == outlet_id).options(
        selectinload(Outlet.hours), joinedload(Outlet.bank), joinedload(Outlet.province)))
    if outlet is None:
        raise InvalidInput(_("Choose an outlet for your order."), "outlet_id")
    if outlet.status != OutletStatus.OPEN:
        raise InvalidState(_("%(outlet)s is not taking orders at the moment.",
                             outlet=outlet.name_vi), "outlet_id")
    return outlet


def pickup_days(outlet: Outlet, today: date) -> list[date]:
    """The days an order can be picked up: the outlet's open weekdays, from today on."""
    open_days = {hours.weekday for hours in outlet.hours}
    ahead = current_app.config["PICKUP_DAYS_AHEAD"]
    return [day for day in (today + timedelta(days=n) for n in range(ahead + 1))
            if day.weekday() in open_days]


def _delivery(outlet: Outlet, checkout: Checkout, today: date) -> DeliveryRule | None:
    """The delivery rule (None for pickup), after checking where and when."""
    if checkout.fulfilment == Fulfilment.PICKUP:
        if not outlet.offers_pickup:
            raise InvalidInput(_("This outlet does not offer pickup."), "fulfilment")
        if checkout.pickup_on not in pickup_days(outlet, today):
            raise InvalidInput(_("Choose a pickup day when the outlet is open, within the "
                                 "next %(days)d days.",
                                 days=current_app.config["PICKUP_DAYS_AHEAD"]), "pickup_on")
        return None
    if checkout.fulfilment != Fulfilment.DELIVERY:
        raise InvalidInput(_("Choose pickup or delivery."), "fulfilment")
    if not outlet.offers_delivery:
        raise InvalidInput(_("This outlet does not deliver."), "fulfilment")
    fee = db.session.scalar(select(DeliveryFee).where(  # fees are read only for delivery
        DeliveryFee.outlet_id == outlet.id, DeliveryFee.province_id == checkout.province_id))
    if fee is None:
        raise InvalidInput(_("This outlet does not deliver to that province."), "province_id")
    _required(checkout.street, "street", _("Enter the street address."), 200)
    _required(checkout.commune, "commune", _("Enter the commune or ward."), 120)
    return DeliveryRule(fee.fee_vnd, outlet.free_delivery_from_vnd)


def _payment(outlet: Outlet, checkout: Checkout) -> None:
    gateway_for(checkout.payment_method, checkout.fulfilment)
    if not getattr(outlet, ACCEPTS.get(checkout.payment_method, ""), False):
        raise InvalidInput(_("This outlet does not accept that way of paying."),
                           "payment_method")


def _hold_until(checkout: Checkout, now: datetime) -> datetime | None:
    """Transfers hold for ORDER_HOLD_MINUTES, cash at pickup to the end of the pickup day,
    cash on delivery until staff act on it."""
    if checkout.payment_method == "vietqr":
        return now + timedelta(minutes=current_app.config["ORDER_HOLD_MINUTES"])
    if checkout.payment_method == "cash_pickup" and checkout.pickup_on is not None:
        end = datetime.combine(checkout.pickup_on + timedelta(days=1), time(0),
                               tzinfo=clock.SHOP_ZONE)
        return end.astimezone(now.tzinfo)
    return None


def find_by_key(key: str) -> Order | None:
    """The order an idempotency key already made, if any."""
    return db.session.scalar(select(Order).where(Order.idempotency_key == key))


def check_checkout(checkout: Checkout, today: date) -> tuple[Outlet, DeliveryRule | None]:
    """Every field of the checkout checked (contact, fulfilment, payment): the outlet and its
    delivery rule; InvalidInput naming the first field at fault."""
    _required(checkout.contact_name, "contact_name", _("Enter your name."), 120)
    normalize_phone(checkout.contact_phone, "contact_phone", mobile_only=True)
    if not _EMAIL.fullmatch((checkout.contact_email or "").strip()):
        raise InvalidInput(_("Enter an email address like name@example.vn."), "contact_email")
    outlet = _outlet(checkout.outlet_id)
    rule = _delivery(outlet, checkout, today)
    _payment(outlet, checkout)
    if checkout.recipient_phone.strip():
        normalize_phone(checkout.recipient_phone, "recipient_phone", mobile_only=True)
    if len(checkout.gift_message) > 500:
        raise InvalidInput(_("At most %(max)d characters.", max=500), "gift_message")
    return outlet, rule


def place_order(checkout: Checkout, quantities: dict[tuple[str, int], int],
                idempotency_key: str, customer: Actor | None,
                now: datetime | None = None) -> Order:
    """Place the order (flush, the caller commits); the same key again gives the same order.
    Raises InvalidInput on a bad field, InvalidState / ItemOutOfStock naming the item."""
    if not _KEY.fullmatch(idempotency_key or ""):
        raise InvalidInput(_("This checkout form has expired: please open it again."), "key")
    write_transaction()
    existing = find_by_key(idempotency_key)
    if existing is not None:
        return _replayed(existing, checkout, customer)
    now = now or clock.utcnow()
    today = clock.local_date(now)
    outlet, rule = check_checkout(checkout, today)
    items = _items(quantities, today)
    priced = totals([PricedLine(f"{kind}:{item.item_id}", item.unit_price, quantities[(kind,
                     item.item_id)], item.parts_price) for (kind, _id), item in items],
                    rule)
    hold_until = _hold_until(checkout, now)
    order = Order(
        number=new_number(), access_token=secrets.token_urlsafe(32), outlet_id=outlet.id,
        customer_id=customer.id if customer is not None else None,
        contact_name=" ".join(checkout.contact_name.split()),
        contact_phone=normalize_phone(checkout.contact_phone, "contact_phone"),
        contact_email=checkout.contact_email.strip(), language=checkout.language,
        fulfilment=Fulfilment(checkout.fulfilment),
        pickup_on=checkout.pickup_on if checkout.fulfilment == Fulfilment.PICKUP else None,
        street=checkout.street.strip(), commune=checkout.commune.strip(),
        province_id=checkout.province_id if checkout.fulfilment == Fulfilment.DELIVERY
        else None,
        recipient_name=checkout.recipient_name.strip(),
        recipient_phone=(normalize_phone(checkout.recipient_phone, "recipient_phone")
                         if checkout.recipient_phone.strip() else ""),
        gift_message=checkout.gift_message.strip(), payment_method=checkout.payment_method,
        state=OrderState.PLACED, subtotal_vnd=priced.subtotal,
        delivery_fee_vnd=priced.delivery_fee, total_vnd=priced.total, hold_until=hold_until,
        idempotency_key=idempotency_key, placed_at=now)
    db.session.add(order)
    db.session.flush()
    _reserve(order, outlet.id, items, quantities, customer, hold_until, today, now)
    advance(order, None, ActorKind.SYSTEM, None, now=now, placed=True)
    return order


def place_once(checkout: Checkout, quantities: dict[tuple[str, int], int],
               idempotency_key: str, customer: Actor | None,
               now: datetime | None = None) -> Order:
    """`place_order`, also when the same key is being placed at this very moment elsewhere
    (a double click reaching two workers): the loser of that race gets the winner's order.

    Both find no order by the key; one insert waits on the unique index for the other's
    commit and fails. The transaction is then rolled back here, not at the edge, because the
    session cannot go on after a failed flush, and what it held is re-read by key.
    """
    try:
        return place_order(checkout, quantities, idempotency_key, customer, now)
    except IntegrityError:
        db.session.rollback()
        existing = find_by_key(idempotency_key)
        if existing is None:
            raise
        return _replayed(existing, checkout, customer)


def _replayed(order: Order, checkout: Checkout, customer: Actor | None) -> Order:
    """The order a key already made, for a retry by the same buyer. API clients choose their
    keys: a key reused (or guessed) for someone else's order must not hand over that order."""
    try:
        phone = normalize_phone(checkout.contact_phone, "contact_phone")
    except InvalidInput:
        phone = None
    same = (order.contact_email.casefold() == checkout.contact_email.strip().casefold()
            and order.contact_phone == phone
            and order.customer_id == (customer.id if customer is not None else None))
    if not same:
        raise InvalidInput(_("This idempotency key was already used for another order: make "
                             "a new one for this order."), "key")
    return order


def _items(quantities: dict[tuple[str, int], int], today: date) -> list[tuple[tuple, Item]]:
    """The cart's items for sale today, in id order (locks are then taken in one order)."""
    if not quantities:
        raise InvalidInput(_("The cart is empty."), "items")
    found = items_for(list(quantities), today)
    missing = [key for key in quantities if key not in found]
    if missing:
        raise InvalidState(_("Something in your cart is no longer for sale (its OCOP "
                             "certificate is not current): remove it to continue."), "items")
    return sorted(found.items())


def _reserve(order: Order, outlet_id: int, items: list[tuple[tuple, Item]],
             quantities: dict[tuple[str, int], int], customer: Actor | None,
             hold_until: datetime | None, today: date, now: datetime) -> None:
    """The lines, their stock held FEFO all at once (`reserve_fefo`: one lock statement for
    every line); ItemOutOfStock naming the first item short. The order's lines and each
    line's lots stay loaded on it, so the answer and the mail need not read them back."""
    for (kind, _id), item in items:
        if not item.sold_at(outlet_id):
            with force_locale(order.language):
                name = item.name(order.language)
                raise ItemOutOfStock(0, name, (kind, item.item_id))
    lines = [OrderLine(order_id=order.id, kind=LineKind(kind),
                       product_id=item.item_id if kind == LineKind.PRODUCT else None,
                       combo_id=item.item_id if kind == LineKind.COMBO else None,
                       name=item.name_vi, quantity=quantities[(kind, item.item_id)],
                       unit_price_vnd=item.unit_price,
                       line_total_vnd=item.unit_price * quantities[(kind, item.item_id)])
             for (kind, _id), item in items]
    db.session.add_all(lines)
    db.session.flush()  # one INSERT of every line, for their ids
    wants, owners = [], []
    for line, ((kind, _id), item) in zip(lines, items, strict=True):
        for product_id, units in sorted(expand(item, line.quantity)):
            wants.append(Want(product_id, units, line.id))
            owners.append((line, kind, item))
    try:
        taken = reserve_fefo(outlet_id, wants, customer, hold_until, today, now)
    except ShortOf as short:
        line, kind, item = owners[short.index]
        want = wants[short.index]
        with force_locale(order.language):
            name = item.name(order.language)
        if kind != LineKind.PRODUCT:
            name = f"{name} ({product_names([want.product_id])[want.product_id].name_vi})"
        raise ItemOutOfStock(short.available // (want.quantity // line.quantity), name,
                             (kind, item.item_id)) from None
    served: dict[int, list[OrderLineLot]] = {line.id: [] for line in lines}
    for want, parts in zip(wants, taken, strict=True):
        for part in parts:
            served[want.order_line_id].append(OrderLineLot(
                line_id=want.order_line_id, product_id=want.product_id, lot_id=part.lot_id,
                quantity=part.quantity, hold_id=part.hold_id))
    db.session.add_all([lot for parts in served.values() for lot in parts])
    db.session.flush()
    set_committed_value(order, "lines", lines)
    for line in lines:
        set_committed_value(line, "lots", served[line.id])

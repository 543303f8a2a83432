"""Past orders in every state of the order's life, placed and moved as shoppers and staff do:
through checkout's `place_order` and the state machine's `advance`, never inserted by hand.

Placed at the seed's day minus some days (the latest a few minutes ago), from what each
outlet could sell then; the unpaid ones are the newest, so their holds are still live.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from sqlalchemy import select

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.catalog.listing import listed_product_ids
from shop.core import clock
from shop.extensions import db
from shop.orders.placing import Checkout, place_order
from shop.orders.states import ActorKind, OrderState
from shop.orders.transitions import advance
from shop.outlets.availability import sellable
from shop.outlets.models import Outlet
from shop.places.models import Province

S, A = OrderState, ActorKind
# The staff's steps from placing to each state, for an order paid before (prepaid) or
# after (cash) it is handed over.
_TO_COMPLETION = {
    ("vietqr", "pickup"): (S.PAID, S.PREPARING, S.READY_FOR_PICKUP, S.COMPLETED),
    ("vietqr", "delivery"): (S.PAID, S.PREPARING, S.OUT_FOR_DELIVERY, S.COMPLETED),
    ("cash_pickup", "pickup"): (S.PREPARING, S.READY_FOR_PICKUP, S.COMPLETED),
    ("cash_delivery", "delivery"): (S.PREPARING, S.OUT_FOR_DELIVERY, S.COMPLETED),
}
GUESTS = (("Trần Minh Khoa", "0903 112 233", "khoa.tran@example.vn"),
          ("Lê Thị Mai", "0987 654 321", "mai.le@example.vn"),
          ("Phạm Quốc Bảo", "0912 888 777", "bao.pham@example.vn"),
          ("Emily Carter", "0868 222 444", "emily.carter@example.com"))


@dataclass(frozen=True)
class PastOrder:
    """One demo order: where, how it is paid and received, how long ago, where it ended."""

    outlet: str
    payment: str
    days_ago: int
    state: OrderState
    delivery_to: str | None = None  # a province the outlet delivers to
    cancelled_by: ActorKind | None = None
    reason: str = ""
    customer: bool = False  # the demo customer account's (else a guest's)
    language: str = "vi"


PAST_ORDERS = (
    PastOrder("ttgt-ocop-ha-noi", "vietqr", 0, S.AWAITING_PAYMENT, customer=True),
    PastOrder("ttgt-ocop-ha-noi", "cash_pickup", 0, S.CASH_DUE),
    PastOrder("ttgt-ocop-ha-noi", "vietqr", 1, S.PAID, language="en"),
    PastOrder("ttgt-ocop-ha-noi", "cash_delivery", 1, S.PREPARING, delivery_to="Hà Nội"),
    PastOrder("ttgt-ocop-tp-ho-chi-minh", "vietqr", 2, S.READY_FOR_PICKUP),
    PastOrder("ttgt-ocop-tp-ho-chi-minh", "cash_delivery", 2, S.OUT_FOR_DELIVERY,
              delivery_to="Thành phố Hồ Chí Minh"),
    PastOrder("ttgt-ocop-ha-noi", "cash_pickup", 9, S.COMPLETED, customer=True),
    PastOrder("ttgt-ocop-ha-noi", "vietqr", 12, S.COMPLETED, delivery_to="Hà Nội",
              customer=True),
    PastOrder("diem-ban-ocop-da-lat", "vietqr", 5, S.CANCELLED, cancelled_by=A.CUSTOMER),
    PastOrder("ttgt-ocop-ha-noi", "cash_delivery", 6, S.CANCELLED, delivery_to="Hà Nội",
              cancelled_by=A.STAFF, reason="Không liên lạc được với người nhận sau 3 lần gọi."),
    PastOrder("diem-ban-ocop-hoi-an", "vietqr", 3, S.CANCELLED, cancelled_by=A.SYSTEM,
              language="en"),
)


def seed_orders(users: dict[Role, User], today: date, rng: Random) -> int:
    """Place and move the demo's past orders; how many there are."""
    now = clock.utcnow()
    if clock.local_date(now) != today:  # seeded for another day (the tests): its noon
        now = datetime.combine(today, time(12), tzinfo=clock.SHOP_ZONE).astimezone(now.tzinfo)
    outlets = {o.slug: o for o in db.session.scalars(
        select(Outlet).where(Outlet.slug.in_({p.outlet for p in PAST_ORDERS})))}
    provinces = {p.name: p.id for p in db.session.scalars(select(Province))}
    for number, past in enumerate(PAST_ORDERS):
        placed_at = now - timedelta(days=past.days_ago, minutes=5 * (number + 1))
        outlet = outlets[past.outlet]
        customer = users[Role.CUSTOMER] if past.customer else None
        order = place_order(_checkout(past, outlet, customer, provinces, placed_at, number),
                            _basket(outlet, placed_at, rng), f"demo-order-{number:04d}-key",
                            customer, now=placed_at)
        _move(order, past, _staff_of(outlet), placed_at)
    return len(PAST_ORDERS)


def _checkout(past: PastOrder, outlet: Outlet, customer: User | None,
              provinces: dict[str, int], placed_at: datetime, number: int) -> Checkout:
    name, phone, email = GUESTS[number % len(GUESTS)]
    if customer is not None:
        name, email = customer.name, customer.email
    delivery = past.delivery_to is not None
    return Checkout(
        outlet_id=outlet.id, contact_name=name, contact_phone=phone, contact_email=email,
        fulfilment="delivery" if delivery else "pickup", payment_method=past.payment,
        pickup_on=None if delivery else clock.local_date(placed_at),
        street="18 Phố Lý Thường Kiệt" if delivery else "",
        commune="Phường Cửa Nam" if delivery else "",
        province_id=provinces[past.delivery_to] if delivery else None,
        language=past.language)


def _basket(outlet: Outlet, placed_at: datetime, rng: Random) -> dict[tuple[str, int], int]:
    """One or two products the outlet could sell at the time, a unit or two of each."""
    day = clock.local_date(placed_at)
    ids = db.session.scalars(listed_product_ids(day).order_by(None)).all()
    units = sellable(outlet.id, ids, today=day, now=placed_at)
    stocked = sorted(product_id for product_id, left in units.items() if left >= 2)
    return {("product", product_id): rng.randint(1, 2)
            for product_id in rng.sample(stocked, min(2, len(stocked)))}


def _move(order, past: PastOrder, staff: User, placed_at: datetime) -> None:
    """Take the steps from placing to the order's demo state, two hours apart."""
    if past.cancelled_by is not None:
        steps = [S.CANCELLED]
    else:
        path = _TO_COMPLETION[(past.payment, order.fulfilment.value)]
        steps = list(path[:path.index(past.state) + 1]) if past.state in path else []
    at = placed_at
    for state in steps:
        at += timedelta(hours=2)
        kind = past.cancelled_by or A.STAFF
        actor = staff if kind is A.STAFF else None
        advance(order, state, kind, actor, reason=past.reason, now=at)


def _staff_of(outlet: Outlet) -> User:
    """The outlet's first staff member."""
    return db.session.scalars(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(Membership.kind == OrganisationKind.OUTLET, Membership.outlet_id == outlet.id)
        .order_by(Membership.id)).first()

"""The cart: what a shopper means to buy and where. Guests keep it in the session (the view
passes it in as plain data), signed-in customers in `carts`; both meet as `Contents`."""

from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from shop.core import clock
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.orders.lines import Item, expand, items_for, require_item
from shop.orders.models import Cart, CartLine, LineKind
from shop.orders.totals import MAX_QUANTITY
from shop.outlets.availability import sellable
from shop.outlets.models import Outlet, OutletStatus
from shop.outlets.queries import public_outlets

# A cart holds at most this many different items: far beyond a real basket.
MAX_LINES = 50


@dataclass
class Contents:
    """(kind, id) → quantity, and the outlet chosen (None: not yet)."""

    quantities: dict[tuple[str, int], int] = field(default_factory=dict)
    outlet_id: int | None = None

    @property
    def count(self) -> int:
        """Units in the cart (the header's number)."""
        return sum(self.quantities.values())


def from_session(data: object) -> Contents:
    """The guest cart kept in the session as {"items": {"product:12": 3}, "outlet": 4};
    anything malformed is dropped rather than trusted."""
    contents = Contents()
    if not isinstance(data, dict):
        return contents
    for key, quantity in (data.get("items") or {}).items():
        kind, _sep, raw_id = str(key).partition(":")
        if kind in set(LineKind) and raw_id.isdigit() and isinstance(quantity, int) \
                and 1 <= quantity <= MAX_QUANTITY:
            contents.quantities[(kind, int(raw_id))] = quantity
    outlet = data.get("outlet")
    contents.outlet_id = outlet if isinstance(outlet, int) else None
    return contents


def to_session(contents: Contents) -> dict:
    """`contents` as the session keeps it (plain JSON)."""
    return {"items": {f"{kind}:{item_id}": quantity
                      for (kind, item_id), quantity in contents.quantities.items()},
            "outlet": contents.outlet_id}


def _cart_row(user_id: int) -> Cart | None:
    return db.session.scalar(select(Cart).where(Cart.user_id == user_id)
                             .options(selectinload(Cart.lines)))


def of_user(user_id: int) -> Contents:
    """A signed-in customer's cart."""
    cart = _cart_row(user_id)
    if cart is None:
        return Contents()
    return Contents({(line.kind.value, line.item_id): line.quantity for line in cart.lines},
                    cart.outlet_id)


def save_for_user(user_id: int, contents: Contents) -> None:
    """Store `contents` as the customer's cart (flush, the caller commits)."""
    cart = _cart_row(user_id)
    if cart is None:
        cart = Cart(user_id=user_id, lines=[])
        db.session.add(cart)
    cart.outlet_id = contents.outlet_id
    existing = {(line.kind.value, line.item_id): line for line in cart.lines}
    for key, line in existing.items():
        if key not in contents.quantities:
            cart.lines.remove(line)
    for (kind, item_id), quantity in contents.quantities.items():
        line = existing.get((kind, item_id))
        if line is None:
            cart.lines.append(CartLine(kind=LineKind(kind), item_id=item_id, quantity=quantity))
        else:
            line.quantity = quantity
    cart.updated_at = clock.utcnow()
    db.session.flush()


def merged(user_cart: Contents, guest_cart: Contents) -> Contents:
    """The cart after signing in: the guest's lines added to the account's (the larger
    quantity where both hold an item: adding them would double what was meant once)."""
    quantities = dict(user_cart.quantities)
    for key, quantity in guest_cart.quantities.items():
        quantities[key] = max(quantities.get(key, 0), quantity)
    return Contents(quantities, guest_cart.outlet_id or user_cart.outlet_id)


def add(contents: Contents, kind: str, item_id: int, quantity: int,
        today: date | None = None) -> Contents:
    """`contents` with `quantity` more of an item for sale (InvalidState when it is not)."""
    require_item(kind, item_id, today or clock.today())
    key = (kind, item_id)
    if key not in contents.quantities and len(contents.quantities) >= MAX_LINES:
        raise InvalidInput(_("A cart holds at most %(max)d different items.", max=MAX_LINES),
                           "items")
    total = contents.quantities.get(key, 0) + quantity
    if total > MAX_QUANTITY:
        raise InvalidInput(_("Quantities are 1 to %(max)d.", max=MAX_QUANTITY), "quantity")
    contents.quantities[key] = total
    return contents


def change(contents: Contents, kind: str, item_id: int, quantity: int) -> Contents:
    """Set an item's quantity; 0 removes it."""
    key = (kind, item_id)
    if quantity <= 0:
        contents.quantities.pop(key, None)
    elif key in contents.quantities:
        contents.quantities[key] = min(quantity, MAX_QUANTITY)
    return contents


def choose_outlet(contents: Contents, outlet_id: int) -> Contents:
    """Pick the outlet the cart is for: it must be open."""
    outlet = db.session.get(Outlet, outlet_id)
    if outlet is None or outlet.status != OutletStatus.OPEN:
        raise InvalidInput(_("Choose one of the open outlets."), "outlet_id")
    contents.outlet_id = outlet_id
    return contents


@dataclass(frozen=True)
class CartLineView:
    """A line as the cart page shows it; `can_supply` is what the chosen outlet can sell of it
    now (None when no outlet is chosen)."""

    kind: str
    item_id: int
    item: Item | None
    quantity: int
    can_supply: int | None

    @property
    def short(self) -> bool:
        """The chosen outlet cannot supply the whole line."""
        return self.can_supply is not None and self.can_supply < self.quantity


@dataclass(frozen=True)
class OutletChoice:
    """An open outlet and whether it can supply the whole cart."""

    outlet: Outlet
    supplies_all: bool


@dataclass(frozen=True)
class CartView:
    """The cart page: its lines, the outlets to choose from, the chosen one."""

    lines: tuple[CartLineView, ...]
    outlets: tuple[OutletChoice, ...]
    outlet: Outlet | None
    subtotal: int

    @property
    def ready(self) -> bool:
        """Whether checkout can start: an outlet chosen that supplies every line for sale."""
        return (self.outlet is not None and bool(self.lines)
                and all(line.item is not None and not line.short for line in self.lines))


def _can_supply(item: Item, quantity: int, stock: dict[int, int], outlet_id: int) -> int:
    """How many units of `item` the outlet's stock (product → units) covers, up to
    `quantity`; none where the outlet does not sell it."""
    if not item.sold_at(outlet_id):
        return 0
    return min(min(stock.get(product_id, 0) // units for product_id, units in item.parts),
               quantity)


def view(contents: Contents, today: date | None = None,
         now: datetime | None = None) -> CartView:
    """What the cart page shows: lines priced today, outlets that can supply them all first."""
    today, now = today or clock.today(), now or clock.utcnow()
    items = items_for(list(contents.quantities), today)
    product_ids = sorted({product_id for item in items.values()
                          for product_id, _units in expand(item, 1)})
    choices, chosen, chosen_stock = [], None, None
    for outlet in (o for o in public_outlets() if o.status == OutletStatus.OPEN):
        stock = sellable(outlet.id, product_ids, today, now) if product_ids else {}
        supplies = bool(items) and all(
            _can_supply(item, contents.quantities[key], stock, outlet.id)
            == contents.quantities[key]
            for key, item in items.items())
        choices.append(OutletChoice(outlet, supplies))
        if outlet.id == contents.outlet_id:
            chosen, chosen_stock = outlet, stock
    lines = tuple(CartLineView(
        kind, item_id, items.get((kind, item_id)), quantity,
        _can_supply(items[(kind, item_id)], quantity, chosen_stock, chosen.id)
        if chosen_stock is not None and (kind, item_id) in items else None)
        for (kind, item_id), quantity in contents.quantities.items())
    subtotal = sum(line.item.unit_price * line.quantity for line in lines if line.item)
    ordered = sorted(choices, key=lambda choice: not choice.supplies_all)
    return CartView(lines, tuple(ordered), chosen, subtotal)

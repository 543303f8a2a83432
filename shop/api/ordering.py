"""Placing and reading orders for the API: the body's slugs become the cart's ids, the
checkout's field names become the body's, and an order becomes its document.

The rules are the orders package's (`place_once`, one idempotency key, one transaction); this
module only translates, naming every item it cannot sell in one answer.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from shop.api.order_schemas import (
    ComboItem,
    LineLot,
    OrderIn,
    OrderLineOut,
    OrderOut,
    PaymentOut,
    Totals,
    VietQR,
)
from shop.catalog.models import Product
from shop.combos.models import Combo
from shop.core import clock
from shop.core.errors import InvalidInput, InvalidState, ShopError
from shop.core.urls import absolute_path, absolute_url
from shop.extensions import db
from shop.orders import queries
from shop.orders.lines import items_for
from shop.orders.models import LineKind, Order
from shop.orders.placing import Checkout, ItemOutOfStock, place_once
from shop.orders.states import OrderState
from shop.orders.totals import MAX_QUANTITY
from shop.orders.transitions import order_url, payment_view
from shop.outlets.models import Outlet
from shop.payments.gateway import gateway_for
from shop.places.models import Province
from shop.trace.links import lot_path
from shop.trace.models import Lot

# The API's names of the payment methods (as GET /outlets lists them) → the shop's.
METHODS = {"vietqr": "vietqr", "cash_at_pickup": "cash_pickup",
           "cash_on_delivery": "cash_delivery"}
# The checkout's field names → where the same value sits in the API's body.
FIELDS = {"outlet_id": "outlet", "contact_name": "contact.name",
          "contact_phone": "contact.phone", "contact_email": "contact.email",
          "fulfilment": "fulfilment.method", "pickup_on": "fulfilment.pickup_on",
          "street": "fulfilment.address.street", "commune": "fulfilment.address.commune",
          "province_id": "fulfilment.address.province", "payment_method": "payment_method",
          "recipient_phone": "gift.recipient_phone", "gift_message": "gift.message",
          "key": "idempotency_key"}


@dataclass(frozen=True)
class FieldError:
    """One field of the body at fault, and why."""

    name: str
    reason: str


class OrderRefused(Exception):
    """The order cannot be placed: `status` 422 (bad fields) or 409 (cannot be sold now)."""

    def __init__(self, status: int, detail: str, errors: list[FieldError]):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors


def _refused(error: ShopError, field: str) -> OrderRefused:
    status = 409 if isinstance(error, InvalidState) else 422
    return OrderRefused(status, error.message, [FieldError(field, error.message)])


def _item_keys(body: OrderIn) -> list[tuple[str, int] | None]:
    """Each item's (kind, id), None for a slug naming nothing: one query per kind asked."""
    slugs = {LineKind.PRODUCT: set(), LineKind.COMBO: set()}
    for item in body.items:
        kind = LineKind.COMBO if isinstance(item, ComboItem) else LineKind.PRODUCT
        slugs[kind].add(item.combo if kind == LineKind.COMBO else item.product)
    ids = {(LineKind.PRODUCT, slug): product_id for product_id, slug in db.session.execute(
        select(Product.id, Product.slug).where(Product.slug.in_(slugs[LineKind.PRODUCT])))}
    if slugs[LineKind.COMBO]:  # most orders have none: no query for them
        ids.update({(LineKind.COMBO, slug): combo_id for combo_id, slug in db.session.execute(
            select(Combo.id, Combo.slug).where(Combo.slug.in_(slugs[LineKind.COMBO])))})
    keys = []
    for item in body.items:
        kind = LineKind.COMBO if isinstance(item, ComboItem) else LineKind.PRODUCT
        found = ids.get((kind, item.combo if kind == LineKind.COMBO else item.product))
        keys.append((kind.value, found) if found is not None else None)
    return keys


def _quantities(body: OrderIn, unknown: list[FieldError]
                ) -> tuple[dict[tuple[str, int], int], dict[tuple, str]]:
    """The cart's quantities, and the body's name for each line; every item not for sale
    refused at once (422 for a slug naming nothing, with the `unknown` found before; else
    409)."""
    keys = _item_keys(body)
    for_sale = items_for([key for key in keys if key is not None], clock.today())
    off_sale, quantities, names = [], {}, {}
    for index, (item, key) in enumerate(zip(body.items, keys, strict=True)):
        field = f"items.{index}.{'combo' if isinstance(item, ComboItem) else 'product'}"
        if key is None:
            unknown.append(FieldError(field, _("Nothing for sale has this slug.")))
        elif key not in for_sale:
            off_sale.append(FieldError(field, _("Not for sale now: an OCOP certificate behind "
                                                "it is not current.")))
        else:
            quantities[key] = min(quantities.get(key, 0) + item.quantity, MAX_QUANTITY)
            names.setdefault(key, f"items.{index}")
    if unknown:
        raise OrderRefused(422, _("Some fields are not valid."), unknown)
    if off_sale:
        raise OrderRefused(409, _("Some items are not for sale now."), off_sale)
    return quantities, names


def _checkout(body: OrderIn, outlet_id: int) -> Checkout:
    address, gift = body.fulfilment.address, body.gift
    province_id = None
    if address is not None:
        province_id = db.session.scalar(select(Province.id).where(
            Province.slug == address.province))
    return Checkout(
        outlet_id=outlet_id, contact_name=body.contact.name, contact_phone=body.contact.phone,
        contact_email=body.contact.email, fulfilment=body.fulfilment.method,
        payment_method=METHODS[body.payment_method], pickup_on=body.fulfilment.pickup_on,
        street=address.street if address else "", commune=address.commune if address else "",
        province_id=province_id, recipient_name=gift.recipient_name if gift else "",
        recipient_phone=gift.recipient_phone if gift else "",
        gift_message=gift.message if gift else "", language=body.language)


def place(body: OrderIn) -> Order:
    """Place the order the body describes (flush; the caller commits, or rolls back on
    OrderRefused); the same idempotency key again gives the same order."""
    outlet_id = db.session.scalar(select(Outlet.id).where(Outlet.slug == body.outlet))
    unknown = [] if outlet_id else [FieldError("outlet", _("No outlet has this slug."))]
    quantities, names = _quantities(body, unknown)
    checkout = _checkout(body, outlet_id)
    try:
        return place_once(checkout, quantities, body.idempotency_key, None)
    except ItemOutOfStock as short:
        raise _refused(short, names.get(short.key, "items")) from None
    except (InvalidInput, InvalidState) as error:
        raise _refused(error, FIELDS.get(error.field or "", error.field or "items")) from None


def _aware(instant: datetime | None) -> datetime | None:
    """A stored time as UTC with its zone: SQLite gives it back without one."""
    if instant is None or instant.tzinfo is not None:
        return instant
    return instant.replace(tzinfo=UTC)


def _slugs(order_lines) -> dict[tuple[str, int], str]:
    product_ids = [line.product_id for line in order_lines if line.product_id]
    combo_ids = [line.combo_id for line in order_lines if line.combo_id]
    slugs = {(LineKind.PRODUCT, i): s for i, s in db.session.execute(
        select(Product.id, Product.slug).where(Product.id.in_(product_ids)))}
    slugs.update({(LineKind.COMBO, i): s for i, s in db.session.execute(
        select(Combo.id, Combo.slug).where(Combo.id.in_(combo_ids)))})
    return slugs


def _payment(page: queries.OrderPage) -> PaymentOut | None:
    order = page.order
    if order.state in (OrderState.CANCELLED, OrderState.COMPLETED):
        return None
    shown = gateway_for(order.payment_method).instructions(payment_view(order, page.outlet))
    transfer = shown.transfer
    qr = None
    if transfer is not None and order.state == OrderState.AWAITING_PAYMENT:
        qr = VietQR(payload=transfer.payload, bank_bin=transfer.bin,
                    bank_name=transfer.bank_name, account_number=transfer.account_number,
                    account_name=transfer.account_name, amount_vnd=transfer.amount,
                    message=transfer.message, qr_image_url=absolute_url(
                        "orders.order_qr", number=order.number, t=order.access_token))
    return PaymentOut(method=shown.method, amount_vnd=shown.amount, summary=shown.summary,
                      vietqr=qr)


def order_document(number: str, token: str | None) -> OrderOut:
    """The order as the API shows it, when `token` is its access token; NotFound else."""
    page = queries.order_page(number, token, None)
    return _document(page, _slugs(page.order.lines))


def placed_document(order: Order) -> OrderOut:
    """The document of an order just placed in this transaction, from the lines and lots
    placing left on it: two statements (outlet, lots) instead of reading it all back. An
    order found by its idempotency key instead is read as `order_document` reads it."""
    if "lines" in sa_inspect(order).unloaded:
        return order_document(order.number, order.access_token)
    outlet = db.session.scalar(select(Outlet).where(Outlet.id == order.outlet_id)
                               .options(joinedload(Outlet.bank)))
    parts = [part for line in order.lines for part in line.lots]
    found = {lot.id: lot for lot in db.session.scalars(
        select(Lot).where(Lot.id.in_({part.lot_id for part in parts})).options(
            joinedload(Lot.product).load_only(Product.id, Product.slug, Product.gtin)))}
    lots = {line.id: [(part, found[part.lot_id]) for part in line.lots]
            for line in order.lines}
    # Every product line took from lots of its product, so their slugs are all here.
    slugs = {(LineKind.PRODUCT, lot.product_id): lot.product.slug for lot in found.values()}
    combo_ids = [line.combo_id for line in order.lines if line.combo_id]
    if combo_ids:
        slugs.update({(LineKind.COMBO, i): s for i, s in db.session.execute(
            select(Combo.id, Combo.slug).where(Combo.id.in_(combo_ids)))})
    return _document(queries.OrderPage(order, outlet, lots), slugs)


def _document(page: queries.OrderPage, slugs: dict[tuple[str, int], str]) -> OrderOut:
    order = page.order
    lines = [OrderLineOut(
        kind=line.kind.value, name=line.name, quantity=line.quantity,
        slug=slugs.get((line.kind, line.product_id or line.combo_id)),
        unit_price_vnd=line.unit_price_vnd, line_total_vnd=line.line_total_vnd,
        lots=[LineLot(lot=lot.code, product=lot.product.slug, quantity=part.quantity,
                      trace_url=absolute_path(lot_path(lot)))
              for part, lot in page.lots.get(line.id, [])]) for line in order.lines]
    return OrderOut(
        number=order.number, status=order.state, outlet=page.outlet.slug,
        fulfilment=order.fulfilment.value, pickup_on=order.pickup_on,
        placed_at=_aware(order.placed_at), hold_until=_aware(order.hold_until), lines=lines,
        totals=Totals(subtotal_vnd=order.subtotal_vnd, delivery_fee_vnd=order.delivery_fee_vnd,
                      total_vnd=order.total_vnd),
        payment=_payment(page), order_url=order_url(order), access_token=order.access_token)

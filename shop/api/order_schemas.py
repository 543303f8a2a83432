"""The ordering API's documents: what a client sends to place an order, and the order."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shop.api.outlet_schemas import PaymentMethod
from shop.catalog.params import SLUG_PATTERN
from shop.orders.states import OrderState
from shop.orders.totals import MAX_QUANTITY

# What orders.placing accepts as an idempotency key.
KEY_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
MAX_ITEMS = 50


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProductItem(_Strict):
    """Units of one listed product."""

    product: str = Field(max_length=120, pattern=SLUG_PATTERN, description="The product's slug.")
    quantity: int = Field(ge=1, le=MAX_QUANTITY)


class ComboItem(_Strict):
    """Gift combos, each one unit of several products."""

    combo: str = Field(max_length=120, pattern=SLUG_PATTERN, description="The combo's slug.")
    quantity: int = Field(ge=1, le=MAX_QUANTITY)


class DeliveryAddress(_Strict):
    """Where a delivery goes, in a province the outlet delivers to."""

    street: str = Field(min_length=1, max_length=200)
    commune: str = Field(min_length=1, max_length=120, description="Commune or ward.")
    province: str = Field(max_length=80, pattern=SLUG_PATTERN, description="Its slug.")


class FulfilmentIn(_Strict):
    """Pickup at the outlet on a day it is open, or delivery to an address."""

    method: Literal["pickup", "delivery"]
    pickup_on: date | None = Field(None, description="For pickup: the day, in Vietnam.")
    address: DeliveryAddress | None = Field(None, description="For delivery.")


class ContactIn(_Strict):
    """Who placed the order."""

    name: str = Field(min_length=1, max_length=120)
    phone: str = Field(min_length=1, max_length=20, description="A Vietnamese mobile number.")
    email: str = Field(min_length=3, max_length=254)


class GiftIn(_Strict):
    """For a gift: who receives it, and a message."""

    recipient_name: str = Field("", max_length=120)
    recipient_phone: str = Field("", max_length=20)
    message: str = Field("", max_length=500)


class OrderIn(_Strict):
    """An order to place: prices, fees and totals are the shop's, never the client's."""

    outlet: str = Field(max_length=120, pattern=SLUG_PATTERN, description="The outlet's slug.")
    items: list[ProductItem | ComboItem] = Field(min_length=1, max_length=MAX_ITEMS)
    fulfilment: FulfilmentIn
    contact: ContactIn
    payment_method: PaymentMethod
    idempotency_key: str = Field(pattern=KEY_PATTERN, description=(
        "Made by the client for this order: sending it again (a retry) gives the same order."))
    gift: GiftIn | None = None
    language: Literal["vi", "en"] = Field("vi", description="Of the order's mails and texts.")


class OrderPath(BaseModel):
    """The order named in the path."""

    number: str = Field(max_length=16, pattern=r"^[A-Za-z0-9-]+$",
                        description="The order number, as on its page.")


class LineLot(BaseModel):
    """Units of one lot a line was served from, and where that lot came from."""

    lot: str = Field(description="The lot code.")
    product: str = Field(description="The product's slug.")
    quantity: int = Field(ge=1)
    trace_url: str


class OrderLineOut(BaseModel):
    """A product or combo at the price it had when the order was placed."""

    kind: Literal["product", "combo"]
    slug: str | None = Field(description="The product's or combo's slug.")
    name: str
    quantity: int = Field(ge=1)
    unit_price_vnd: int = Field(ge=0)
    line_total_vnd: int = Field(ge=0)
    lots: list[LineLot]


class Totals(BaseModel):
    """What is owed, in đồng."""

    subtotal_vnd: int = Field(ge=0)
    delivery_fee_vnd: int = Field(ge=0)
    total_vnd: int = Field(ge=0)


class VietQR(BaseModel):
    """A transfer by VietQR: the EMVCo payload, its QR image, and the same in words."""

    payload: str
    qr_image_url: str
    bank_bin: str
    bank_name: str
    account_number: str
    account_name: str
    amount_vnd: int = Field(ge=0)
    message: str = Field(description="The transfer message, holding the order reference.")


class PaymentOut(BaseModel):
    """How to pay (none once the order is completed or cancelled)."""

    method: str
    amount_vnd: int = Field(ge=0)
    summary: str
    vietqr: VietQR | None = None


class OrderOut(BaseModel):
    """An order: its number and state, lines with their lots, totals and how to pay."""

    number: str
    status: OrderState
    outlet: str = Field(description="The outlet's slug.")
    fulfilment: Literal["pickup", "delivery"]
    pickup_on: date | None
    placed_at: datetime
    hold_until: datetime | None = Field(description="Until when the stock is held unpaid.")
    lines: list[OrderLineOut]
    totals: Totals
    payment: PaymentOut | None
    order_url: str = Field(description="The order's page for a person (holds the token).")
    access_token: str = Field(description="Send as `Authorization: Bearer …` to read it.")

"""The outlets' API documents: where OCOP products are sold, and how much, as bands."""

from typing import Literal

from pydantic import BaseModel, Field

from shop.api.schemas import ProvinceRef
from shop.catalog.params import SLUG_PATTERN
from shop.outlets.availability import Band
from shop.outlets.models import OutletKind, OutletStatus

PaymentMethod = Literal["vietqr", "cash_at_pickup", "cash_on_delivery"]


class OutletPath(BaseModel):
    """The outlet named in the path."""

    slug: str = Field(max_length=120, pattern=SLUG_PATTERN,
                      description="The outlet's slug, as in its page address.")


class OutletQuery(BaseModel):
    """Which outlets to list."""

    province: str | None = Field(None, max_length=80, pattern=SLUG_PATTERN,
                                 description="Only the outlets of this province (its slug).")


class Operator(BaseModel):
    """Who runs the outlet."""

    name: str
    tax_code: str = Field(description="Mã số thuế: 10 digits, or 10-3 for a branch.")


class Address(BaseModel):
    """Street and number, commune, province (Vietnam's two levels since July 2025)."""

    street: str
    commune: str
    province: ProvinceRef


class Location(BaseModel):
    """The outlet's point (WGS 84)."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    map_url: str = Field(description="The point on OpenStreetMap.")


class OpeningSpan(BaseModel):
    """One opening span of a day, in Vietnam's time."""

    opens: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="HH:MM")
    closes: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="HH:MM")


class OpeningDay(BaseModel):
    """A weekday's spans; none: closed that day."""

    weekday: int = Field(ge=1, le=7, description="ISO 8601: 1 is Monday, 7 Sunday.")
    spans: list[OpeningSpan]


class DeliveryFee(BaseModel):
    """A province the outlet delivers to, and its flat fee."""

    province: ProvinceRef
    fee_vnd: int = Field(ge=0, description="In đồng.")


class Delivery(BaseModel):
    """How the outlet delivers; no provinces when it does not."""

    provinces: list[DeliveryFee]
    free_from_vnd: int | None = Field(ge=0, description="Orders of at least this total travel"
                                                         " free; null: never free.")


class BankAccount(BaseModel):
    """The account VietQR transfers to the outlet go to."""

    bin: str = Field(pattern=r"^[0-9]{6}$", description="The bank's NAPAS BIN.")
    bank: str = Field(description="The bank's short name.")
    account_number: str = Field(pattern=r"^[0-9]{1,19}$")
    account_name: str


class OutletSummary(BaseModel):
    """An outlet point or introduction-and-sales centre, as lists show it."""

    slug: str
    name: str = Field(description="The Vietnamese name.")
    name_vi: str
    name_en: str
    kind: OutletKind = Field(description='"centre": introduction-and-sales centre; "point":'
                                         ' OCOP outlet point; "partner": partner shop.')
    status: OutletStatus = Field(description='"paused": takes no orders for the moment.')
    operator: Operator
    address: Address
    location: Location
    phone: str = Field(description="National form, digits only.")
    email: str | None
    hours: list[OpeningDay] = Field(description="Every weekday, Monday first.")
    pickup: bool = Field(description="Whether orders can be picked up at the outlet.")
    delivery: Delivery
    payment_methods: list[PaymentMethod]
    bank_account: BankAccount | None
    url: str = Field(description="The outlet's page on the shop.")


class ProductAvailability(BaseModel):
    """A listed product the outlet carries, and how much of it there is as a band."""

    slug: str
    name: str = Field(description="The Vietnamese name.")
    price_vnd: int = Field(ge=0)
    band: Band = Field(description='"few_left": 5 or fewer; counts are never given.')
    url: str = Field(description="The product's page on the shop.")


class OutletDetail(OutletSummary):
    """An outlet with the listed products it carries, in bands."""

    stock: list[ProductAvailability]


class OutletList(BaseModel):
    """The outlets shoppers can visit, by province and name."""

    items: list[OutletSummary]

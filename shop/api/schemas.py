"""The API's documents as pydantic models: they shape the JSON and the OpenAPI schemas alike."""

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shop.catalog.params import SLUG_PATTERN
from shop.config import API_MAX_PAGE_SIZE
from shop.core import gs1
from shop.ocop.listing_rule import LISTABLE_STATUS_NAMES, Status
from shop.ocop.models import Level
from shop.producers.models import ProducerKind
from shop.trace.models import Standard
from shop.trace.report import Severity

# A product's page lists its newest lots, up to this many (`lot_count` says how many in all).
MAX_PRODUCT_LOTS = 20
# Ids are PostgreSQL integers: a larger one is refused as a bad parameter, not a server error.
MAX_ID = 2_147_483_647


class Problem(BaseModel):
    """RFC 9457 problem details, sent as application/problem+json."""

    type: str = Field("about:blank", description="A URI naming the kind of problem.")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request.")


class InvalidParameter(BaseModel):
    """One request parameter that failed validation."""

    name: str = Field(description="The parameter's name.")
    reason: str = Field(description="Why its value was refused.")


class ValidationProblem(Problem):
    """Problem details for invalid parameters, naming each one."""

    errors: list[InvalidParameter] = Field(description="The parameters at fault.")


class PageParams(BaseModel):
    """Which page of a list to return."""

    page: int = Field(1, ge=1, le=10_000, description="Page number, from 1.")
    per_page: int = Field(24, ge=1, le=API_MAX_PAGE_SIZE,
                          description=f"Results per page (at most {API_MAX_PAGE_SIZE}).")


class ProductPath(BaseModel):
    """The product named in the path."""

    # The pattern also keeps what no slug holds (a NUL byte, which PostgreSQL refuses) from
    # reaching the database.
    slug: str = Field(max_length=120, pattern=SLUG_PATTERN,
                      description="The product's slug, as in its page address.")


class GroupRef(BaseModel):
    """A product group or sub-group, named in both languages."""

    slug: str
    name_vi: str
    name_en: str


class ProvinceRef(BaseModel):
    """A province."""

    slug: str
    name: str


class ProducerRef(BaseModel):
    """The producer (chủ thể OCOP) of a product."""

    slug: str
    name: str
    province: ProvinceRef


class Certificate(BaseModel):
    """The product's live OCOP certificate."""

    number: str = Field(description="Decision number.")
    level: Level = Field(description="The council level that recognised it.")
    authority: str = Field(description="The issuing authority.")
    stars: int = Field(ge=3, le=5)
    score: int = Field(ge=0, le=100, description="Total score out of 100.")
    recognized_on: date
    expires_on: date = Field(description="The last day it is valid.")
    status: Literal[LISTABLE_STATUS_NAMES] = Field(
        description='"expiring" when it ends within 90 days.')


class ProductSummary(BaseModel):
    """A listed product, as it appears in lists."""

    slug: str
    name: str = Field(description="The Vietnamese name.")
    name_vi: str
    name_en: str
    price_vnd: int = Field(ge=0, description="Price in đồng.")
    unit_vi: str
    unit_en: str
    stars: int = Field(ge=3, le=5, description="OCOP stars of the live certificate.")
    group: GroupRef
    producer: ProducerRef
    certificate: Certificate
    url: str = Field(description="The product's page on the shop.")
    image_url: str | None = Field(description="The first photo, if there is one.")
    gtin: str | None = Field(description="GS1 GTIN, if assigned.")


class ProductLot(BaseModel):
    """A production lot of a product, as the product lists it."""

    id: int
    code: str = Field(description="The lot number printed on the package (GS1 AI 10).")
    produced_on: date
    expires_on: date
    recalled: bool = Field(description="True once the lot has been recalled: do not use it.")
    digital_link: str = Field(description="What the lot's QR code holds: its GS1 Digital Link,"
                                          " or a short /t/ URL for a product without GTIN.")
    label_png: str = Field(description="The lot's public label (one code for the lot), PNG.")
    label_svg: str = Field(description="The same label as SVG.")
    url: str = Field(description="The lot's trace in this API.")


class ProductDetail(ProductSummary):
    """A listed product with its sub-group, story and newest lots."""

    subgroup: GroupRef | None
    story_vi: str = Field(description="The product story in Vietnamese (Markdown).")
    story_en: str = Field(description="The product story in English (Markdown).")
    image_urls: list[str] = Field(description="Every photo, in display order.")
    lots: list[ProductLot] = Field(description=f"The newest lots first, at most"
                                               f" {MAX_PRODUCT_LOTS}; recalled ones included.")
    lot_count: int = Field(description="How many lots the product has in all.")


class ProductPage(BaseModel):
    """One page of listed products."""

    items: list[ProductSummary]
    page: int
    per_page: int
    pages: int = Field(description="How many pages the results fill (at least one).")
    total: int = Field(description="How many products match.")


class Group(BaseModel):
    """One of the six OCOP product groups with its sub-groups."""

    code: int = Field(description="Official group number, 1–6.")
    slug: str
    name_vi: str
    name_en: str
    product_count: int = Field(description="Listed products in the group.")
    subgroups: list[GroupRef]


class GroupList(BaseModel):
    """The product groups in the official order."""

    items: list[Group]


class Province(BaseModel):
    """A province with listed products."""

    code: str
    slug: str
    name: str
    product_count: int = Field(description="Listed products from the province.")


class ProvinceList(BaseModel):
    """Provinces that have listed products, by name."""

    items: list[Province]


class Producer(BaseModel):
    """A producer with at least one listed product."""

    slug: str
    name: str
    kind: ProducerKind
    province: ProvinceRef


class ProducerPage(BaseModel):
    """One page of producers."""

    items: list[Producer]
    page: int
    per_page: int
    pages: int
    total: int


class LotPath(BaseModel):
    """The lot named in the path."""

    lot_id: int = Field(ge=1, le=MAX_ID, description="The lot's id.")


# GS1's rules as patterns, for the document only: the view checks with gs1 itself, so that a
# refusal says which rule was broken (and the check digit, which no pattern can express).
# tests/web/api/test_fuzz.py holds them to gs1's lengths and character set 82.
GTIN_PATTERN = r"^([0-9]{8}|[0-9]{12,14})$"
_CSET82_BUT_DOT = r"""!"%&'()*+,\-/0-9:;<=>?A-Z_a-z"""
LOT_PATTERN = rf"^\.*[{_CSET82_BUT_DOT}][.{_CSET82_BUT_DOT}]*$"  # not only dots


class LotQuery(BaseModel):
    """The lot a GS1 Digital Link names: /01/{gtin}/10/{lot}."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    gtin: str = Field(max_length=14, json_schema_extra={"pattern": GTIN_PATTERN, "format": "gtin"},
                      description="The product's GTIN-8, -12, -13 or -14, with a valid check"
                                  " digit.")
    lot: str = Field(max_length=gs1.MAX_LOT_LENGTH, json_schema_extra={"pattern": LOT_PATTERN},
                     description="The lot number (GS1 AI 10): 1 to 20 characters of GS1's"
                                 " character set 82, not only dots.")


class TraceCertificate(BaseModel):
    """The product's live OCOP certificate, whatever its status today."""

    number: str = Field(description="Decision number.")
    level: Level = Field(description="The council level that recognised it.")
    authority: str = Field(description="The issuing authority.")
    stars: int = Field(ge=1, le=5)
    recognized_on: date
    expires_on: date = Field(description="The last day it is valid.")
    status: Status = Field(description='Its status today: only "current" and "expiring" make'
                                       " an OCOP product.")
    revoked_on: date | None = Field(description="When it was revoked, if it was.")


class TraceProduct(BaseModel):
    """The lot's product, for sale or not."""

    slug: str
    name: str = Field(description="The Vietnamese name.")
    name_vi: str
    name_en: str
    gtin: str | None = Field(description="GS1 GTIN, if assigned.")
    stars: int | None = Field(description="Stars of the live certificate, if there is one.")
    listed: bool = Field(description="True while the product is for sale (certificate current).")
    certificate: TraceCertificate | None
    url: str = Field(description="The product's page on the shop.")
    image_url: str | None = Field(description="The first photo, if there is one.")


class TraceProducer(BaseModel):
    """Who made the lot: name and address, as the package must say."""

    slug: str
    name: str
    address: str
    province: ProvinceRef


class RawMaterialZone(BaseModel):
    """A raw-material zone (vùng nguyên liệu) and its planting-area code."""

    code: str = Field(description="Planting-area code (mã số vùng trồng).")
    name: str
    crop: str
    variety: str
    area_ha: float = Field(description="Area in hectares.")
    commune: str
    district: str
    province: ProvinceRef
    latitude: float | None
    longitude: float | None
    standard: Standard = Field(description="The farming standard the zone is run under.")
    standard_certificate: str | None = Field(description="The standard's certificate number.")
    standard_expires_on: date | None = Field(description="The last day that certificate holds.")


class TraceInput(BaseModel):
    """Raw material the lot drew from one zone."""

    zone: RawMaterialZone
    harvested_on: date
    quantity_kg: int = Field(gt=0)


class Notice(BaseModel):
    """A warning about the lot, in the request's language."""

    kind: str = Field(description='A stable code: "recalled", "not_genuine", "suspicious",'
                                  ' "certificate_revoked", "certificate_expired", "below_ocop",'
                                  ' "no_certificate" or "lot_expired".')
    severity: Severity = Field(description='"danger": do not use; "warning": take care.')
    message: str


class JourneyStep(BaseModel):
    """One dated step of the lot's journey."""

    on: date
    kind: str = Field(description='"harvest", "production" or "recall".')
    title: str


class TraceLot(BaseModel):
    """A production lot: what one lot number on a package stands for."""

    id: int
    code: str = Field(description="The lot number printed on the package (GS1 AI 10).")
    produced_on: date
    expires_on: date
    expired: bool = Field(description="True when the expiry date has passed.")
    quantity: int = Field(description="How many units (`unit`) the lot holds.")
    unit: str = Field(description="The unit, as the producer wrote it (box, bottle…).")
    recalled: bool
    recalled_at: datetime | None
    recall_reason: str | None
    digital_link: str = Field(description="What the lot's QR code holds: its GS1 Digital Link"
                                          " (with the expiry), or a short /t/ URL.")
    trace_url: str = Field(description="The lot's trace page for people.")
    label_png: str = Field(description="The lot's public label, PNG.")
    label_svg: str = Field(description="The lot's public label, SVG.")
    epcis_url: str = Field(description="The lot's events as an EPCIS 2.0 document.")


class LotTrace(BaseModel):
    """A lot's trace: origin, product, certificate, warnings and journey, as of one day."""

    as_of: date = Field(description="The day (in Vietnam) the statuses and notices hold for.")
    lot: TraceLot
    product: TraceProduct
    producer: TraceProducer
    inputs: list[TraceInput] = Field(description="Raw material by zone, in harvest order.")
    notices: list[Notice] = Field(description="Warnings; empty when all is well.")
    journey: list[JourneyStep] = Field(description="Harvests, production and any recall, by date.")


# EPCIS's member names are camelCase; these two models only document the export.
class EPCISBody(BaseModel):
    """The body of an EPCIS document."""

    eventList: list[dict[str, Any]] = Field(
        description="ObjectEvents and a TransformationEvent, in time order.")


class EPCISDocument(BaseModel):
    """A GS1 EPCIS 2.0 document (JSON-LD); it validates against GS1's EPCIS JSON Schema."""

    model_config = ConfigDict(json_schema_extra={"externalDocs": {
        "description": "GS1 EPCIS 2.0 JSON Schema and JSON-LD context",
        "url": "https://ref.gs1.org/standards/epcis/artefacts"}})

    context: list[str | dict[str, str]] = Field(alias="@context")
    type: Literal["EPCISDocument"]
    schemaVersion: Literal["2.0"]
    creationDate: datetime
    epcisBody: EPCISBody

"""The API's documents as pydantic models: they shape the JSON and the OpenAPI schemas alike."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from shop.ocop.models import Level
from shop.producers.models import ProducerKind


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
    per_page: int = Field(24, ge=1, le=100, description="Results per page (at most 100).")


class ProductPath(BaseModel):
    """The product named in the path."""

    slug: str = Field(max_length=120, description="The product's slug, as in its page address.")


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
    status: Literal["current", "expiring"] = Field(
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


class ProductDetail(ProductSummary):
    """A listed product with its sub-group and story."""

    subgroup: GroupRef | None
    story_vi: str = Field(description="The product story in Vietnamese (Markdown).")
    story_en: str = Field(description="The product story in English (Markdown).")
    image_urls: list[str] = Field(description="Every photo, in display order.")


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

"""The fairs' API documents: trade fairs, their booths and the listed products at each."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from shop.api.schemas import ProducerRef, ProductSummary, ProvinceRef
from shop.catalog.params import SLUG_PATTERN


class FairPath(BaseModel):
    """The fair named in the path."""

    slug: str = Field(max_length=120, pattern=SLUG_PATTERN,
                      description="The fair's slug, as in its page address.")


class FairSummary(BaseModel):
    """A published or closed trade fair."""

    slug: str
    name: str = Field(description="The Vietnamese name.")
    name_vi: str
    name_en: str
    starts_on: date
    ends_on: date = Field(description="The last day (on or after starts_on).")
    venue: str
    province: ProvinceRef
    organiser: str
    status: Literal["published", "closed"]
    url: str = Field(description="The fair's page on the shop.")
    catalog_pdf_url: str = Field(description="The printable catalog (A4 PDF).")


class FairList(BaseModel):
    """Current and upcoming fairs (soonest first), then past ones (latest first)."""

    items: list[FairSummary]


class Booth(BaseModel):
    """A booth, its producer, and the producer's listed products shown at the fair."""

    code: str = Field(description='As on the floor plan: "A-12".')
    producer: ProducerRef
    products: list[ProductSummary]


class FairDetail(FairSummary):
    """A fair with its booths; products no longer for sale are left out."""

    description: str = Field(description="Markdown.")
    booths: list[Booth]

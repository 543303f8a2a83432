"""The combo list's query parameters, validated once for the page and the API alike."""

import enum

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from shop.catalog.params import SLUG_PATTERN
from shop.combos.models import Occasion
from shop.config import API_MAX_PAGE_SIZE

_FILTERS = ("occasion", "province", "price_min", "price_max")


class ComboSort(enum.StrEnum):
    """The orders a shopper can pick."""

    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    NAME = "name"


def _document_blank_filters(schema: dict) -> None:
    """Say in the JSON schema (so in the API's document) that a filter may be blank."""
    for name in _FILTERS:
        schema["properties"][name]["anyOf"].insert(-1, {"const": ""})


class ComboParams(BaseModel):
    """Filters, search, sort and page of the combo list."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True,
                              json_schema_extra=_document_blank_filters)

    q: str = Field("", max_length=200, description="Words to find; accents and đ are optional.")
    occasion: Occasion | None = Field(None, description="Only combos for this occasion.")
    province: str | None = Field(None, max_length=80, pattern=SLUG_PATTERN,
                                 description="Only combos standing for this province (slug).")
    price_min: int | None = Field(None, ge=0, le=1_000_000_000, description="Lowest price, đồng.")
    price_max: int | None = Field(None, ge=0, le=1_000_000_000,
                                  description="Highest price, đồng.")
    sort: ComboSort = Field(ComboSort.NEWEST, description="Order of the results.")
    page: int = Field(1, ge=1, le=10_000, description="Page number, from 1.")
    per_page: int = Field(24, ge=1, le=API_MAX_PAGE_SIZE,
                          description=f"Results per page (at most {API_MAX_PAGE_SIZE}).")

    @field_validator(*_FILTERS, mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        # An HTML form sends an unset filter as an empty string.
        return None if value == "" else value

    def query_args(self) -> dict:
        """The parameters that differ from their defaults, as a URL carries them."""
        return self.model_dump(mode="json", exclude_defaults=True)


def parse_leniently(args: dict) -> tuple[ComboParams, list[str]]:
    """Parse page arguments, dropping the invalid ones; the params and the dropped names."""
    try:
        return ComboParams.model_validate(args), []
    except ValidationError as error:
        bad = sorted({str(e["loc"][0]) for e in error.errors() if e["loc"]})
        kept = {k: v for k, v in args.items() if k not in bad}
        return ComboParams.model_validate(kept), bad

"""The catalog's query parameters, validated once for the pages and the API alike."""

from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from shop.catalog.search import CatalogQuery, Sort
from shop.config import API_MAX_PAGE_SIZE

# What text.slugify makes: every slug in the shop, so anything else names nothing.
SLUG_PATTERN = r"^[a-z0-9-]+$"


def _document_blank_filters(schema: dict, model: type["ListParams"]) -> None:
    """Say in the JSON schema (so in the API's document) that a filter may be blank."""
    for name in model.BLANK_FILTERS:
        schema["properties"][name]["anyOf"].insert(-1, {"const": ""})


class ListParams(BaseModel):
    """Search, price range and page of a list of things for sale (products, combos)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True,
                              json_schema_extra=_document_blank_filters)
    # Filters a form leaves blank when unset: an empty value is no filter, not an invalid one.
    BLANK_FILTERS: ClassVar[tuple[str, ...]] = ("price_min", "price_max")

    q: str = Field("", max_length=200, description="Words to find; accents and đ are optional.")
    price_min: int | None = Field(None, ge=0, le=1_000_000_000, description="Lowest price, đồng.")
    price_max: int | None = Field(None, ge=0, le=1_000_000_000,
                                  description="Highest price, đồng.")
    page: int = Field(1, ge=1, le=10_000, description="Page number, from 1.")
    per_page: int = Field(24, ge=1, le=API_MAX_PAGE_SIZE,
                          description=f"Results per page (at most {API_MAX_PAGE_SIZE}).")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_none(cls, data: Any) -> Any:
        # An HTML form sends an unset filter as an empty string.
        if isinstance(data, dict):
            return {k: (None if k in cls.BLANK_FILTERS and v == "" else v)
                    for k, v in data.items()}
        return data

    def query_args(self) -> dict:
        """The parameters that differ from their defaults, as a URL carries them."""
        return self.model_dump(mode="json", exclude_defaults=True)

    @classmethod
    def parse_leniently(cls, args: dict) -> tuple[Self, list[str]]:
        """Parse page arguments, dropping the invalid ones; the params and the dropped names."""
        try:
            return cls.model_validate(args), []
        except ValidationError as error:
            bad = sorted({str(e["loc"][0]) for e in error.errors() if e["loc"]})
            kept = {k: v for k, v in args.items() if k not in bad}
            return cls.model_validate(kept), bad


class CatalogParams(ListParams):
    """Filters, sort and page of a catalog listing."""

    BLANK_FILTERS = ("min_stars", "group", "province", "producer", "price_min", "price_max")

    min_stars: int | None = Field(None, ge=3, le=5, description="Minimum OCOP stars (3–5).")
    group: str | None = Field(None, max_length=60, pattern=SLUG_PATTERN, description="Group slug.")
    province: str | None = Field(None, max_length=80, pattern=SLUG_PATTERN,
                                 description="Province slug.")
    producer: str | None = Field(None, max_length=120, pattern=SLUG_PATTERN,
                                 description="Producer slug.")
    sort: Sort = Field(Sort.NEWEST, description="Order of the results.")

    def to_query(self) -> CatalogQuery:
        """The service-level query these parameters ask for."""
        return CatalogQuery(**self.model_dump())

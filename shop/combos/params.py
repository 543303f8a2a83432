"""The combo list's query parameters, validated once for the page and the API alike."""

import enum

from pydantic import Field

from shop.catalog.params import SLUG_PATTERN, ListParams
from shop.combos.models import Occasion


class ComboSort(enum.StrEnum):
    """The orders a shopper can pick."""

    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    NAME = "name"


class ComboParams(ListParams):
    """Filters, search, sort and page of the combo list."""

    BLANK_FILTERS = ("occasion", "province", "price_min", "price_max")

    occasion: Occasion | None = Field(None, description="Only combos for this occasion.")
    province: str | None = Field(None, max_length=80, pattern=SLUG_PATTERN,
                                 description="Only combos standing for this province (slug).")
    sort: ComboSort = Field(ComboSort.NEWEST, description="Order of the results.")

"""The combos' API documents: gift sets for sale, their parts, and where to buy them."""

from pydantic import BaseModel, Field

from shop.api.schemas import ProvinceRef
from shop.catalog.params import SLUG_PATTERN
from shop.combos.models import Occasion
from shop.outlets.availability import Band


class ComboPath(BaseModel):
    """The combo named in the path."""

    slug: str = Field(max_length=120, pattern=SLUG_PATTERN,
                      description="The combo's slug, as in its page address.")


class ComboSummary(BaseModel):
    """A gift combo for sale, its price beside what its parts cost one by one."""

    slug: str
    name: str = Field(description="The name in the reader's language.")
    name_vi: str
    name_en: str
    occasion: Occasion
    province: ProvinceRef | None = Field(description="The region the combo stands for.")
    price_vnd: int = Field(gt=0, description="What the combo costs, in đồng.")
    parts_price_vnd: int = Field(ge=0, description="Its products bought one by one.")
    saving_vnd: int = Field(ge=0, description="What the combo saves against its parts.")
    url: str


class ComboPage(BaseModel):
    """One page of combos for sale."""

    items: list[ComboSummary]
    page: int
    per_page: int
    pages: int
    total: int


class ComboComponentOut(BaseModel):
    """A product in the combo, with its OCOP stars."""

    slug: str
    name: str
    quantity: int = Field(ge=1)
    stars: int = Field(ge=3, le=5)
    price_vnd: int = Field(ge=0)
    url: str


class ComboOutletBand(BaseModel):
    """An open outlet selling the combo now, and how much it has, as a band."""

    slug: str
    name: str
    band: Band
    url: str


class GiftOptions(BaseModel):
    """What can be added to a gift."""

    message_card: bool
    wrapping: bool
    wrapping_fee_vnd: int | None = Field(None, ge=0, description="None: free when offered.")


class ComboDetail(ComboSummary):
    """A combo with its story, components, gift options and outlets in bands."""

    story_vi: str
    story_en: str
    gift_options: GiftOptions
    components: list[ComboComponentOut]
    outlets: list[ComboOutletBand]

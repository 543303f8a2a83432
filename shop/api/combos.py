"""Gift combos for sale: the combo list and a combo's page, as JSON."""

from flask_babel import gettext as _
from flask_openapi3 import Tag

from shop.api.combo_schemas import (
    ComboComponentOut,
    ComboDetail,
    ComboOutletBand,
    ComboPage,
    ComboPath,
    ComboSummary,
    GiftOptions,
)
from shop.api.http import api_blueprint, error_responses
from shop.api.problems import PROBLEM_JSON
from shop.api.serializers import province_ref
from shop.combos import page_cache, queries, selling
from shop.combos.params import ComboParams
from shop.combos.queries import ComboCard
from shop.core.errors import NotFound
from shop.core.urls import absolute_url
from shop.web.i18n import localized

bp = api_blueprint("api_combos", __name__, Tag(
    name="Combos", description="Gift combos of OCOP products, for sale while every product in"
                               " them holds a current certificate."))
NOT_FOUND = {"404": {"description": "No combo for sale has this slug.", "content": {
    PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}}


def _summary_fields(card: ComboCard) -> dict:
    combo = card.combo
    return {"slug": combo.slug, "name": localized(combo, "name") or combo.name_vi,
            "name_vi": combo.name_vi, "name_en": combo.name_en, "occasion": combo.occasion,
            "province": province_ref(combo.province) if combo.province else None,
            "price_vnd": combo.price_vnd, "parts_price_vnd": card.parts_price,
            "saving_vnd": card.saving, "url": absolute_url("combos.combo", slug=combo.slug)}


@bp.get("/combos", operation_id="listCombos", responses={200: ComboPage, **error_responses()},
        description="Only published combos whose every product is listed today appear. Search"
                    " ignores accents and đ: \"tet\" finds \"Tết\".")
def list_combos(query: ComboParams):
    """Search and filter the combos for sale, one page at a time (cached as their pages are)."""

    def render() -> dict:
        page = queries.search(query)
        return {"json": ComboPage(
            items=[ComboSummary(**_summary_fields(card)) for card in page.items],
            page=page.page, per_page=page.per_page, pages=page.pages, total=page.total,
        ).model_dump(mode="json")}

    return page_cache.combo_parts("api-combos", query.model_dump_json(), render)["json"]


@bp.get("/combos/<slug>", operation_id="getCombo",
        responses={200: ComboDetail, **error_responses(), **NOT_FOUND})
def get_combo(path: ComboPath):
    """One combo for sale: components, price and sum of parts, outlets with bands (live)."""
    try:
        card = queries.for_sale_combo(path.slug)
    except NotFound:
        raise NotFound(_("No combo for sale has this address.")) from None
    combo = card.combo
    return ComboDetail(
        **_summary_fields(card), story_vi=combo.story_vi, story_en=combo.story_en,
        gift_options=GiftOptions(message_card=combo.offers_message_card,
                                 wrapping=combo.offers_wrapping,
                                 wrapping_fee_vnd=combo.wrapping_fee_vnd),
        components=[ComboComponentOut(
            slug=c.product.slug, name=localized(c.product, "name"), quantity=c.quantity,
            stars=c.product.certificate.stars, price_vnd=c.product.price_vnd,
            url=absolute_url("catalog.product", slug=c.product.slug)) for c in combo.components],
        outlets=[ComboOutletBand(slug=offer.outlet.slug,
                                 name=localized(offer.outlet, "name") or offer.outlet.name_vi,
                                 band=offer.band,
                                 url=absolute_url("outlets.outlet", slug=offer.outlet.slug))
                 for offer in selling.combo_offers(combo.id)],
    ).model_dump(mode="json")

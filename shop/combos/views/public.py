"""Public combo pages: the list (filters, search, sort, pages) and a combo's page."""

from flask import Blueprint, current_app, render_template, request
from markupsafe import Markup

from shop.combos import page_cache, queries, selling
from shop.combos.labels import OCCASION_LABELS
from shop.combos.params import ComboParams, ComboSort
from shop.combos.structured import combo_jsonld
from shop.core.errors import NotFound
from shop.core.markup import render_markdown
from shop.web.i18n import localized
from shop.web.structured_data import with_availability

bp = Blueprint("combos", __name__)


@bp.get("/combos")
def index():
    """Gift combos for sale: by price, occasion and province, found by folding search."""
    args = request.args.to_dict()
    args.setdefault("per_page", current_app.config["CATALOG_PAGE_SIZE"])
    params, dropped = ComboParams.parse_leniently(args)

    def render() -> dict:
        return {"body": Markup(render_template(
            "combos/_index_body.html", page=queries.search(params), params=params,
            dropped=dropped, sorts=ComboSort, occasions=OCCASION_LABELS,
            provinces=queries.combo_provinces()))}

    parts = page_cache.combo_parts("index", (params.model_dump_json(), tuple(dropped)), render)
    return render_template("combos/index.html", params=params, parts=parts)


@bp.get("/combos/<slug>")
def combo(slug: str):
    """A combo for sale: story, photos, components, price and saving, where to buy (live)."""

    def render() -> dict:
        card = queries.for_sale_combo(slug)
        return {"id": card.combo.id, "title": localized(card.combo, "name"),
                "jsonld": combo_jsonld(card),
                "body": Markup(render_template(
                    "combos/_combo_body.html", card=card, combo=card.combo,
                    story=render_markdown(localized(card.combo, "story")),
                    occasions=OCCASION_LABELS))}

    try:
        parts = page_cache.combo_parts("combo", slug, render)
    except NotFound:
        gone = queries.off_sale_combo(slug)
        if gone is None:
            raise
        return render_template("combos/off_sale.html", gone=gone), 404
    # Stock changes with every sale: bands and the offer's availability are never cached.
    offers = selling.combo_offers(parts["id"])
    return render_template("combos/combo.html", parts=parts, offers=offers,
                           jsonld=Markup(with_availability(parts["jsonld"], offers)))

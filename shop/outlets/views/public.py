"""Public outlet pages: where OCOP products can be bought, and what each outlet has."""

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _

from shop.core import clock
from shop.outlets import queries
from shop.outlets.hours import open_at
from shop.outlets.links import map_url

bp = Blueprint("outlets", __name__)


@bp.context_processor
def _helpers() -> dict:
    return {"map_url": map_url, "spans_by_day": queries.spans_by_day, "open_at": open_at,
            "now": clock.utcnow()}


@bp.get("/outlets")
def index():
    """The outlets shoppers can visit, filtered by province."""
    provinces = queries.outlet_provinces()
    chosen = next((p for p in provinces if p.slug == request.args.get("province")), None)
    outlets = queries.public_outlets(chosen.slug if chosen else None)
    return render_template("outlets/index.html", outlets=outlets, provinces=provinces,
                           chosen=chosen)


@bp.get("/outlets/<slug>")
def outlet(slug: str):
    """One outlet: address, hours, how it delivers and is paid, and its products in bands."""
    found = queries.public_outlet(slug)
    if found is None:
        abort(404, _("No outlet has this address."))
    return render_template("outlets/outlet.html", outlet=found, offer=queries.offer(found.id))

"""Public fair pages: the fairs, one fair's booths and products, its printable catalog."""

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from shop.catalog.search import CatalogQuery
from shop.core.markup import render_markdown
from shop.core.urls import absolute_url
from shop.fairs import catalog, queries
from shop.fairs.models import Fair
from shop.outlets.availability import offers_by_product

bp = Blueprint("fairs", __name__)


def _fair(slug: str) -> Fair:
    fair = queries.public_fair(slug)
    if fair is None:
        abort(404, _("No fair has this address."))
    return fair


def _filters() -> CatalogQuery:
    """The page's filters; junk in any of them is ignored rather than refused."""
    stars = request.args.get("stars", "")
    return CatalogQuery(group=request.args.get("group") or None,
                        province=request.args.get("province") or None,
                        min_stars=int(stars) if stars in {"3", "4", "5"} else None)


@bp.get("/fairs")
def index():
    """Current and upcoming fairs, then past ones."""
    coming, past = queries.public_fairs()
    return render_template("fairs/index.html", coming=coming, past=past)


@bp.get("/fairs/<slug>")
def fair(slug: str):
    """A fair: its booths and the products for sale at each, filtered, with the outlets that
    sell each and how much they have."""
    found = _fair(slug)
    everything = queries.shown_products(found.id)
    chosen = _filters()
    shown = queries.shown_products(found.id, chosen) if chosen != CatalogQuery() else everything
    return render_template(
        "fairs/fair.html", fair=found, entries=queries.by_booth(found.id, shown),
        description=render_markdown(found.description), chosen=chosen,
        groups=sorted({p.group.slug: p.group for p in everything}.values(),
                      key=lambda g: g.code),
        provinces=sorted({p.producer.province.slug: p.producer.province
                          for p in everything}.values(), key=lambda p: p.name),
        count=len(shown), offers=offers_by_product(p.id for p in shown))


@bp.get("/fairs/<slug>/catalog.pdf")
def catalog_pdf(slug: str):
    """The fair's printable catalog (A4 PDF)."""
    found = _fair(slug)
    pdf = catalog.catalog_pdf(
        found, queries.shown_products(found.id), queries.booth_codes(found.id),
        lambda product: absolute_url("catalog.product", slug=product),
        current_app.config["MEDIA_ROOT"], str(get_locale() or "vi"))
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{found.slug}.pdf"'})

"""The resolver: GS1 Digital Link and short trace URLs answer people and machines.

A person (HTML) gets the trace page and the scan is counted; a machine asking for
`?linkType=all` or `Accept: application/linkset+json` gets an RFC 9264 linkset; a
`?linkType=<type>` redirects to that link.
"""

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request
from flask_babel import gettext as _

from shop.core import clock, gs1
from shop.core.urls import absolute_path
from shop.database import write_transaction
from shop.extensions import db
from shop.trace import queries
from shop.trace.linkset import LINKSET_TYPE, link_targets, linkset, product_links
from shop.trace.models import Lot
from shop.trace.pages import lot_parts
from shop.trace.queries import LotRef
from shop.trace.report import unit_notice
from shop.trace.runs import lot_label_image
from shop.trace.scans import peek_unit, record_scan
from shop.trace.views.label_responses import label_response, requested_size

bp = Blueprint("trace", __name__)


def _wants_linkset() -> bool:
    if request.args.get("linkType") == "all":
        return True
    return request.accept_mimetypes.best_match(["text/html", LINKSET_TYPE]) == LINKSET_TYPE


def _raw_path() -> str:
    """The request path still %-encoded, so a lot holding "/" (allowed by GS1) survives."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or request.path
    return raw.split("?", 1)[0]


def _linkset_response(body: dict) -> Response:
    response = current_app.response_class(
        current_app.json.dumps(body), mimetype=LINKSET_TYPE)
    response.vary.add("Accept")
    return response


def _answer(ref: LotRef | None, anchor: str, serial: str | None, missing: str):
    """Redirect, linkset or trace page for a resolved lot (and maybe a unit's serial)."""
    if ref is None:
        abort(404, missing)
    link_type = request.args.get("linkType")
    if link_type or _wants_linkset():
        targets = link_targets(queries.load_lot(ref.id))
        if link_type in targets:
            return redirect(targets[link_type], 307)
        if _wants_linkset():
            return _linkset_response(linkset(anchor, targets))
        # An unknown link type falls back to the default link, the trace page (as GS1
        # resolvers do).
    return _trace_page(ref, anchor, serial)


def _counts_scan() -> bool:
    """Whether this request is a person's view of a trace page, counted as a scan."""
    return request.method == "GET" and current_app.config["SCAN_LOGGING"]


def _lock_if_counting() -> None:
    """Take the write lock before the lookup when the answer will count a scan (SQLite waits
    for its turn then, instead of refusing the write after the read)."""
    if _counts_scan() and "linkType" not in request.args and not _wants_linkset():
        write_transaction()


def _trace_page(ref: LotRef, anchor: str, serial: str | None):
    """The page a person sees; a GET counts as a scan of the lot (or of the unit)."""
    if _counts_scan():
        check = record_scan(ref.id, serial)
        # Committed before rendering: the write lock is held for the two statements only.
        db.session.commit()
    else:
        check = peek_unit(ref.id, serial) if serial is not None else None
    html = render_template("trace/page.html", parts=lot_parts(ref, clock.today()), unit=check,
                           unit_notice=unit_notice(check))
    response = current_app.make_response(html)
    response.headers["Link"] = f'<{anchor}?linkType=all>; rel="linkset"; type="{LINKSET_TYPE}"'
    response.vary.add("Accept")
    response.cache_control.no_store = True  # every view is a counted check
    return response


@bp.get("/01/<path:_rest>")
def resolve(_rest: str):
    """Resolve /01/{gtin}[/10/{lot}][/21/{serial}] (GS1 Digital Link)."""
    try:
        link = gs1.parse_path(_raw_path(), request.args.to_dict())
    except gs1.GS1Error as error:
        abort(400, _("This is not a valid GS1 Digital Link: %(reason)s", reason=error))
    anchor = absolute_path(link.path())
    if link.lot is None and link.serial is None:
        return _answer_product(link.gtin, anchor)
    _lock_if_counting()
    if link.lot is not None:
        return _answer(queries.lot_ref_by_gtin(link.gtin, link.lot), anchor, link.serial,
                       _("No lot %(lot)s of the product with GTIN %(gtin)s is on record.",
                         lot=link.lot, gtin=link.gtin))
    return _answer(queries.lot_ref_by_serial(link.gtin, link.serial), anchor, link.serial,
                   _("Serial number %(serial)s is not on record: this may not be a genuine "
                     "code.", serial=link.serial))


def _answer_product(gtin14: str, anchor: str):
    """A GTIN alone: the product's links; a person goes to the product page."""
    product = queries.product_by_gtin(gtin14)
    if product is None:
        abort(404, _("No product with GTIN %(gtin)s is on record.", gtin=gtin14))
    targets = product_links(product)
    if _wants_linkset():
        return _linkset_response(linkset(anchor, targets))
    return redirect(targets.get(request.args.get("linkType"), targets["gs1:pip"]), 307)


@bp.get("/t/<token>")
@bp.get("/t/<token>/<serial>")
def resolve_token(token: str, serial: str | None = None):
    """Resolve the short trace URL of a product without a GTIN."""
    if serial is not None:
        try:
            gs1.validate_serial(serial)
        except gs1.GS1Error as error:
            abort(400, str(error))
    anchor = absolute_path(request.path)
    _lock_if_counting()
    return _answer(queries.lot_ref_by_token(token), anchor, serial,
                   _("This trace code is not on record."))


def _public_lot(lot_id: int) -> Lot:
    """A lot whose label may be handed out; a recalled one is gone (410), with the reason."""
    lot = queries.load_lot_for_label(lot_id)
    if lot is None:
        abort(404, _("No such lot."))
    if lot.recalled:
        abort(410, _("Lot %(code)s was recalled: %(reason)s Its labels can no longer be "
                     "printed.", code=lot.code, reason=lot.recall_reason))
    return lot


@bp.get("/labels/lots/<int:lot_id>.png")
def lot_label_png(lot_id: int):
    """A lot's public label (one code for the whole lot) as PNG; serialised labels are private."""
    return label_response(lot_label_image(_public_lot(lot_id), "png", requested_size()),
                          public=True)


@bp.get("/labels/lots/<int:lot_id>.svg")
def lot_label_svg(lot_id: int):
    """A lot's public label as SVG."""
    return label_response(lot_label_image(_public_lot(lot_id), "svg", requested_size()),
                          public=True)

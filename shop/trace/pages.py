"""The trace page in two parts: the lot's, rendered once and cached, and the unit's, live.

Most of the page (product, certificate status, zones, journey) is the same for every scan of
a lot on a given day, so it is cached (shop.web.page_cache) under the lot, the language and
the date, while none of the rows it shows changes: a recall, a revocation, a zone's or a
province's new name start afresh; a scan does not. Only the scanned unit's check is live.
"""

from datetime import date

from flask import render_template
from flask_babel import gettext as _
from markupsafe import Markup

from shop.catalog.page_cache import SHOWN as CATALOG_SHOWN
from shop.trace.linkset import link_targets
from shop.trace.models import Lot, LotInput, Zone
from shop.trace.queries import LotRef, load_lot
from shop.trace.report import build_report
from shop.web import page_cache
from shop.web.i18n import localized

NAMESPACE = "trace"


def register() -> None:
    """Tell the page cache what a lot's trace page shows: the lot, its harvests and zones, and
    everything a catalog page shows of its product."""
    page_cache.register(NAMESPACE, Lot, LotInput, Zone, *CATALOG_SHOWN)


def lot_parts(ref: LotRef, today: date) -> dict:
    """The cached parts of a lot's trace page: title (text), notices, head and body (HTML)."""

    def render() -> dict:
        lot = load_lot(ref.id)
        report = build_report(lot, today)
        context = {"report": report, "epcis_url": link_targets(lot)["gs1:epcis"]}
        return {
            "title": _("Trace: %(name)s, lot %(lot)s", name=localized(lot.product, "name"),
                       lot=lot.code),
            "notices": Markup(render_template("trace/_notices.html", notices=report.notices)),
            "head": Markup(render_template("trace/_head.html", **context)),
            "body": Markup(render_template("trace/_body.html", **context)),
        }

    return page_cache.cached(NAMESPACE, (ref.id, today.isoformat()), render)

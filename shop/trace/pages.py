"""The trace page in two parts: the lot's, rendered once and cached, and the unit's, live.

Most of the page (product, certificate status, zones, journey) is the same for every scan of
a lot on a given day, so it is cached under a key holding everything it depends on: the
lot's stamp (see queries.LotRef: it changes on any edit, recall or revocation), the language
and the date. Only the scanned unit's check is rendered per request.
"""

from datetime import date

from flask import render_template
from flask_babel import gettext as _
from markupsafe import Markup

from shop.i18n import localized
from shop.page_parts import cached_parts
from shop.trace.linkset import link_targets
from shop.trace.queries import LotRef, load_lot
from shop.trace.report import build_report

# Bump when the templates of the cached parts change shape.
RENDER_VERSION = 1
# An upper bound on staleness for what the stamp does not see (a product photo replaced).
PAGE_TTL = 600


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

    return cached_parts("trace-page", (RENDER_VERSION, ref.stamp, today.isoformat()), render,
                        PAGE_TTL)

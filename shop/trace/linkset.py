"""RFC 9264 linksets for the resolver, with GS1's link types (https://gs1.org/voc/)."""

from flask import current_app
from flask_babel import gettext as _

from shop.catalog.models import Product
from shop.core.urls import absolute_path, absolute_url
from shop.trace.links import lot_path
from shop.trace.models import Lot

LINKSET_TYPE = "application/linkset+json"
GS1_VOCABULARY = "https://gs1.org/voc/"
DEFAULT_LINK = "gs1:traceability"
# What each link type's target is, for its `type` member.
_MEDIA_TYPES = {"gs1:pip": "text/html", "gs1:traceability": "text/html",
                "gs1:certificationInfo": "text/html", "gs1:epcis": "application/ld+json"}


def product_links(product: Product) -> dict[str, str]:
    """Link type → URL for a product (a GTIN without a lot)."""
    page = absolute_url("catalog.product", slug=product.slug)
    return {"gs1:pip": page, "gs1:certificationInfo": page + "#certificate"}


def link_targets(lot: Lot) -> dict[str, str]:
    """Link type → URL for a lot; `lot.product` must be loaded."""
    return product_links(lot.product) | {
        "gs1:traceability": absolute_path(lot_path(lot)),
        "gs1:epcis": absolute_url("api_lots.get_lot_epcis", lot_id=lot.id),
    }


def _titles() -> dict[str, str]:
    return {"gs1:pip": _("Product information"), "gs1:traceability": _("Trace of this lot"),
            "gs1:certificationInfo": _("OCOP certificate"),
            "gs1:epcis": _("Traceability events (EPCIS 2.0)")}


def linkset(anchor: str, targets: dict[str, str]) -> dict:
    """The linkset document: one context object for `anchor`, one member per link type."""
    titles = _titles()
    context: dict[str, object] = {"anchor": anchor}
    for link_type, href in targets.items():
        context[GS1_VOCABULARY + link_type.removeprefix("gs1:")] = [{
            "href": href, "title": titles[link_type], "type": _MEDIA_TYPES[link_type],
            "hreflang": list(current_app.config["LANGUAGES"]),
        }]
    default = DEFAULT_LINK if DEFAULT_LINK in targets else "gs1:pip"
    context[GS1_VOCABULARY + "defaultLink"] = [{"href": targets[default]}]
    return {"linkset": [context]}

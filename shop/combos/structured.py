"""A combo's schema.org Product / Offer, as JSON-LD for search engines' shopping results."""

import json

from shop.combos.queries import ComboCard
from shop.combos.selling import ComboOffer
from shop.core.urls import absolute_url
from shop.web.i18n import localized

IN_STOCK = "https://schema.org/InStock"
OUT_OF_STOCK = "https://schema.org/OutOfStock"


def combo_jsonld(card: ComboCard) -> dict:
    """The combo as a schema.org Product: its price in VND and each component's OCOP
    certificate as an award; the offer's availability is added by `with_availability`."""
    combo = card.combo
    url = absolute_url("combos.combo", slug=combo.slug)
    awards = [f"OCOP {c.product.certificate.stars}★ — {localized(c.product, 'name')} "
              f"({c.product.certificate.number})" for c in combo.components]
    document = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": localized(combo, "name") or combo.name_vi,
        "sku": combo.slug,
        "url": url,
        "award": awards,
        "isRelatedTo": [{"@type": "Product", "name": localized(c.product, "name"),
                         "url": absolute_url("catalog.product", slug=c.product.slug)}
                        for c in combo.components],
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": combo.price_vnd,
            "priceCurrency": "VND",
        },
    }
    if combo.images:
        document["image"] = [absolute_url("media.media", path=image.path)
                             for image in combo.images]
    return document


def with_availability(document: dict, offers: list[ComboOffer]) -> str:
    """The document with availability from the outlets' stock now, as the text of a
    `<script type="application/ld+json">` (no "</" can close the element early)."""
    offer = {**document["offers"], "availability": IN_STOCK if offers else OUT_OF_STOCK,
             "offerCount": len(offers)}
    text = json.dumps({**document, "offers": offer}, ensure_ascii=False)
    return text.replace("</", "<\\/")

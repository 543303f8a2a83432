"""A combo's schema.org Product / Offer, as JSON-LD for search engines' shopping results."""

from shop.combos.queries import ComboCard
from shop.core.urls import absolute_url
from shop.web.i18n import localized
from shop.web.structured_data import offer


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
        "offers": offer(url, combo.price_vnd),
    }
    if combo.images:
        document["image"] = [absolute_url("media.media", path=image.path)
                             for image in combo.images]
    return document

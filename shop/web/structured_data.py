"""schema.org JSON-LD for the shop's pages (products, combos): what search engines' shopping
results read. Documents are built once (cacheable); availability is added live."""

import json
from collections.abc import Sized

IN_STOCK = "https://schema.org/InStock"
OUT_OF_STOCK = "https://schema.org/OutOfStock"


def offer(url: str, price_vnd: int) -> dict:
    """A schema.org Offer at a price in đồng (VND has no minor unit)."""
    return {"@type": "Offer", "url": url, "price": price_vnd, "priceCurrency": "VND"}


def with_availability(document: dict, offers: Sized) -> str:
    """The document with availability from the outlets that can sell it now, as the text of
    a `<script type="application/ld+json">` (no "</" can close the element early)."""
    found = {**document["offers"], "availability": IN_STOCK if len(offers) else OUT_OF_STOCK,
             "offerCount": len(offers)}
    text = json.dumps({**document, "offers": found}, ensure_ascii=False)
    return text.replace("</", "<\\/")

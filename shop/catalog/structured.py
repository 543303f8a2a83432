"""A product's schema.org Product / Offer, as JSON-LD for search engines' shopping results."""

from shop.catalog.models import Product
from shop.core.urls import absolute_url
from shop.web.i18n import localized
from shop.web.structured_data import offer


def product_jsonld(product: Product) -> dict:
    """The listed product (producer, certificate and photos loaded) as a schema.org Product:
    its price in VND, its GTIN, its producer as the brand and its OCOP certificate as an
    award; the offer's availability is added live by `with_availability`."""
    url = absolute_url("catalog.product", slug=product.slug)
    certificate = product.certificate
    document = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": localized(product, "name") or product.name_vi,
        "sku": product.slug,
        "url": url,
        "brand": {"@type": "Brand", "name": product.producer.name},
        "award": f"OCOP {certificate.stars}★ ({certificate.number})",
        "offers": offer(url, product.price_vnd),
    }
    if product.gtin:
        document["gtin14"] = product.gtin
    if product.images:
        document["image"] = [absolute_url("media.media", path=image.path)
                             for image in product.images]
    return document

"""ORM objects to API documents; needs a request context for absolute URLs."""

from datetime import date

from flask import url_for

from shop.api import schemas
from shop.catalog.models import Product, ProductImage
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.ocop.rules import status_on
from shop.places.models import Province
from shop.producers.models import Producer


def _image_url(image: ProductImage) -> str:
    return url_for("media.media", path=image.path, _external=True)


def group_ref(group: ProductGroup | ProductSubgroup) -> schemas.GroupRef:
    """A group or sub-group by slug and bilingual name."""
    return schemas.GroupRef(slug=group.slug, name_vi=group.name_vi, name_en=group.name_en)


def province_ref(province: Province) -> schemas.ProvinceRef:
    """A province by slug and name."""
    return schemas.ProvinceRef(slug=province.slug, name=province.name)


def producer(item: Producer) -> schemas.Producer:
    """A producer with its kind and province."""
    return schemas.Producer(slug=item.slug, name=item.name, kind=item.kind,
                            province=province_ref(item.province))


def certificate(cert: Certificate, today: date) -> schemas.Certificate:
    """A live certificate with its status on `today`."""
    return schemas.Certificate(
        number=cert.number, level=cert.level, authority=cert.authority, stars=cert.stars,
        score=cert.score, recognized_on=cert.recognized_on, expires_on=cert.expires_on,
        status=status_on(cert, today).value,
    )


def _product_fields(product: Product, today: date) -> dict:
    cert = product.certificate
    return {
        "slug": product.slug,
        "name": product.name_vi,
        "name_vi": product.name_vi,
        "name_en": product.name_en,
        "price_vnd": product.price_vnd,
        "unit_vi": product.unit_vi,
        "unit_en": product.unit_en,
        "stars": cert.stars,
        "group": group_ref(product.group),
        "producer": schemas.ProducerRef(slug=product.producer.slug, name=product.producer.name,
                                        province=province_ref(product.producer.province)),
        "certificate": certificate(cert, today),
        "url": url_for("catalog.product", slug=product.slug, _external=True),
        "image_url": _image_url(product.images[0]) if product.images else None,
        "gtin": product.gtin,
    }


def product_summary(product: Product, today: date) -> schemas.ProductSummary:
    """A listed product as lists show it (images, group, producer and certificate loaded)."""
    return schemas.ProductSummary(**_product_fields(product, today))


def product_detail(product: Product, today: date) -> schemas.ProductDetail:
    """A listed product with its sub-group, stories and every photo."""
    return schemas.ProductDetail(
        **_product_fields(product, today),
        subgroup=group_ref(product.subgroup) if product.subgroup else None,
        story_vi=product.story_vi,
        story_en=product.story_en,
        image_urls=[_image_url(image) for image in product.images],
    )

"""ORM objects to API documents; absolute URLs are on PUBLIC_HOST (shop.core.urls)."""

from datetime import UTC, date

from shop.api import schemas
from shop.catalog.models import Product, ProductImage
from shop.core.urls import absolute_path, absolute_url
from shop.ocop.listing_rule import status_on
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.places.models import Province
from shop.producers.models import Producer
from shop.trace.links import lot_path, lot_url
from shop.trace.models import Lot, LotInput, Zone
from shop.trace.report import TraceReport


def _image_url(image: ProductImage) -> str:
    return absolute_url("media.media", path=image.path)


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
        "url": absolute_url("catalog.product", slug=product.slug),
        # Lists and the product query load the cover (catalog.listing.with_cover).
        "image_url": (absolute_url("media.media", path=product.cover_path)
                      if product.cover_path else None),
        "gtin": product.gtin,
    }


def product_summary(product: Product, today: date) -> schemas.ProductSummary:
    """A listed product as lists show it (cover, group, producer and certificate loaded)."""
    return schemas.ProductSummary(**_product_fields(product, today))


def product_detail(product: Product, today: date, lots: list[Lot], lot_count: int
                   ) -> schemas.ProductDetail:
    """A listed product with its sub-group, stories, every photo and its newest `lots`."""
    return schemas.ProductDetail(
        **_product_fields(product, today),
        subgroup=group_ref(product.subgroup) if product.subgroup else None,
        story_vi=product.story_vi,
        story_en=product.story_en,
        image_urls=[_image_url(image) for image in product.images],
        lots=[product_lot(lot) for lot in lots],
        lot_count=lot_count,
    )


def _labels(lot: Lot) -> dict[str, str]:
    return {"label_png": absolute_url("trace.lot_label_png", lot_id=lot.id),
            "label_svg": absolute_url("trace.lot_label_svg", lot_id=lot.id)}


def product_lot(lot: Lot) -> schemas.ProductLot:
    """A lot as its product lists it; `lot.product` must be loaded (for the Digital Link)."""
    return schemas.ProductLot(
        id=lot.id, code=lot.code, produced_on=lot.produced_on, expires_on=lot.expires_on,
        recalled=lot.recalled, digital_link=lot_url(lot), **_labels(lot),
        url=absolute_url("api_lots.get_lot", lot_id=lot.id),
    )


def _trace_certificate(cert: Certificate, report: TraceReport) -> schemas.TraceCertificate:
    return schemas.TraceCertificate(
        number=cert.number, level=cert.level, authority=cert.authority, stars=cert.stars,
        recognized_on=cert.recognized_on, expires_on=cert.expires_on,
        status=report.certificate_status, revoked_on=cert.revoked_on,
    )


def _trace_product(report: TraceReport) -> schemas.TraceProduct:
    product, cert = report.product, report.certificate
    return schemas.TraceProduct(
        slug=product.slug, name=product.name_vi, name_vi=product.name_vi,
        name_en=product.name_en, gtin=product.gtin, stars=cert.stars if cert else None,
        listed=report.listed,
        certificate=_trace_certificate(cert, report) if cert else None,
        url=absolute_url("catalog.product", slug=product.slug),
        image_url=_image_url(product.images[0]) if product.images else None,
    )


def _zone(zone: Zone) -> schemas.RawMaterialZone:
    return schemas.RawMaterialZone(
        code=zone.code, name=zone.name, crop=zone.crop, variety=zone.variety,
        area_ha=float(zone.area_ha), commune=zone.commune, district=zone.district,
        province=province_ref(zone.province),
        latitude=float(zone.latitude) if zone.latitude is not None else None,
        longitude=float(zone.longitude) if zone.longitude is not None else None,
        standard=zone.standard, standard_certificate=zone.standard_certificate or None,
        standard_expires_on=zone.standard_expires_on,
    )


def _trace_input(item: LotInput) -> schemas.TraceInput:
    return schemas.TraceInput(zone=_zone(item.zone), harvested_on=item.harvested_on,
                              quantity_kg=item.quantity_kg)


def _trace_lot(report: TraceReport) -> schemas.TraceLot:
    lot = report.lot
    recalled_at = lot.recalled_at
    if recalled_at is not None and recalled_at.tzinfo is None:
        recalled_at = recalled_at.replace(tzinfo=UTC)  # SQLite drops the offset of UTC values
    return schemas.TraceLot(
        id=lot.id, code=lot.code, produced_on=lot.produced_on, expires_on=lot.expires_on,
        expired=report.lot_expired, quantity=lot.quantity, unit=lot.unit,
        recalled=lot.recalled, recalled_at=recalled_at,
        recall_reason=lot.recall_reason if lot.recalled else None,
        digital_link=lot_url(lot), trace_url=absolute_path(lot_path(lot)), **_labels(lot),
        epcis_url=absolute_url("api_lots.get_lot_epcis", lot_id=lot.id),
    )


def _trace_producer(maker: Producer) -> schemas.TraceProducer:
    return schemas.TraceProducer(slug=maker.slug, name=maker.name, address=maker.address,
                                 province=province_ref(maker.province))


def lot_trace(report: TraceReport) -> schemas.LotTrace:
    """A lot's trace (see trace.report.build_report) with its product, producer and zones."""
    return schemas.LotTrace(
        as_of=report.today,
        lot=_trace_lot(report),
        product=_trace_product(report),
        producer=_trace_producer(report.product.producer),
        inputs=[_trace_input(item) for item in report.lot.inputs],
        notices=[schemas.Notice(kind=n.kind, severity=n.severity, message=n.message)
                 for n in report.notices],
        journey=[schemas.JourneyStep(on=s.on, kind=s.kind, title=s.title)
                 for s in report.journey],
    )

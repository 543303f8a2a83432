"""Demo producers and products with their stories, GTINs and drawn images."""

from pathlib import Path
from random import Random
from typing import NamedTuple

from shop.catalog.models import Product, ProductImage
from shop.core.text import slugify
from shop.demo.gtin import demo_gtin
from shop.demo.images import draw_product_image, label_for
from shop.demo.kinds import KINDS
from shop.demo.producers_north import NORTH
from shop.demo.producers_south import SOUTH
from shop.demo.reference import full_name
from shop.demo.rows import ProducerRow, ProductRow
from shop.demo.stories import StoryFacts, commune_in_english, compose_story
from shop.extensions import db
from shop.ocop.models import ProductGroup, ProductSubgroup
from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind

PRODUCERS: tuple[ProducerRow, ...] = NORTH + SOUTH
GTIN_SHARE = 0.6  # the share of packaged goods (groups 1–4) that carry a barcode
SECOND_IMAGE_SHARE = 0.4
_NAME_PREFIXES = ("Công ty TNHH ", "HTX ", "Tổ hợp tác ", "Hộ kinh doanh ")
_PHONE_PREFIXES = ("0912", "0903", "0983", "0977", "0868", "0888", "0915", "0945", "0336")


class SeededProduct(NamedTuple):
    """A product just created with the producer row it came from."""

    product: Product
    origin: ProducerRow


def seed_producers(provinces: dict[str, Province], rng: Random) -> list[Producer]:
    """Create every demo producer in its province, in the order of PRODUCERS."""
    producers = []
    for index, row in enumerate(PRODUCERS):
        province = provinces[row.province]
        handle = slugify(_short_name(row.name)).replace("-", ".")
        producer = Producer(
            slug=slugify(row.name), name=row.name, kind=row.kind,
            registration_number=_registration_number(row.kind, province.code, index, rng),
            address=f"{row.hamlet}, {row.commune}, {full_name(row.province)}",
            province=province, phone=_phone(rng), email=f"{handle}@example.vn",
        )
        db.session.add(producer)
        producers.append(producer)
    db.session.flush()
    return producers


def seed_products(producers: list[Producer], groups: dict[int, ProductGroup],
                  subgroups: dict[str, ProductSubgroup], media_root: Path,
                  rng: Random) -> list[SeededProduct]:
    """Create every demo product with its story, price, GTIN and one or two images."""
    seeded = []
    for producer_index, (producer, row) in enumerate(zip(producers, PRODUCERS, strict=True)):
        for item_index, item in enumerate(row.products):
            product = _product(producer, row, item, groups, subgroups, rng)
            if KINDS[item.kind].group <= 4 and rng.random() < GTIN_SHARE:
                product.gtin = demo_gtin(10_000 + producer_index * 379, item_index + 1)
            product.images = _images(product, item, media_root, rng)
            db.session.add(product)
            seeded.append(SeededProduct(product, row))
    db.session.flush()
    return seeded


def _product(producer: Producer, row: ProducerRow, item: ProductRow,
             groups: dict[int, ProductGroup], subgroups: dict[str, ProductSubgroup],
             rng: Random) -> Product:
    kind = KINDS[item.kind]
    facts = StoryFacts(item.name_vi, item.name_en, row.name, row.commune,
                       commune_in_english(row.commune), row.province, kind.group)
    story_vi, story_en = compose_story(facts, rng)
    return Product(
        slug=slugify(item.name_vi), name_vi=item.name_vi, name_en=item.name_en,
        producer=producer, group=groups[kind.group], subgroup=subgroups[kind.subgroup],
        price_vnd=_price(kind.price_low, kind.price_high, rng),
        unit_vi=kind.unit_vi, unit_en=kind.unit_en, story_vi=story_vi, story_en=story_en,
    )


def _images(product: Product, item: ProductRow, media_root: Path,
            rng: Random) -> list[ProductImage]:
    kind = KINDS[item.kind]
    count = 2 if rng.random() < SECOND_IMAGE_SHARE else 1
    label = label_for(item.name_vi, item.name_en)
    images = []
    for variant in range(count):
        relative = f"products/{product.slug}-{variant + 1}.jpg"
        draw_product_image(media_root / relative, kind.group, kind.icon, label, variant)
        suffix_vi, suffix_en = ("", "") if variant == 0 else (" (họa tiết)", " (pattern)")
        images.append(ProductImage(
            path=relative, position=variant,
            alt_vi=f"Hình minh họa {item.name_vi}{suffix_vi}"[:200],
            alt_en=f"Illustration of {item.name_en}{suffix_en}"[:200],
        ))
    return images


def _price(low: int, high: int, rng: Random) -> int:
    """A price in the range, rounded as shops round: to 1.000 đ under 100.000 đ, else 5.000 đ."""
    price = rng.randrange(low, high + 1, 1_000)
    return price if price < 100_000 else price - price % 5_000


def _short_name(name: str) -> str:
    for prefix in _NAME_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _registration_number(kind: ProducerKind, province_code: str, index: int,
                         rng: Random) -> str:
    """Numbers shaped like Vietnamese registrations; unique through `index`."""
    if kind is ProducerKind.HOUSEHOLD:
        return f"{province_code}A8{index:03d}{rng.randint(100, 999)}"
    if kind is ProducerKind.COOPERATIVE_GROUP:
        return f"{index:03d}/{rng.randint(2016, 2022)}/HĐHT-UBND"
    prefix = "07" if kind is ProducerKind.COOPERATIVE else "01"
    return f"{province_code}{prefix}{index:03d}{rng.randint(100, 999)}"


def _phone(rng: Random) -> str:
    return f"{rng.choice(_PHONE_PREFIXES)} {rng.randint(100, 999)} {rng.randint(100, 999)}"

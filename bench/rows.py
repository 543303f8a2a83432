"""The rows of the bench data set, drawn from one seed and inserted in bulk with Core.

Producers and products are modelled on the demo's (names, kinds, places, stories, zones),
with a qualifier and a village added so names vary; every product has a current 3–5★
certificate, so all are listed. Ids are assigned here, then the sequences are moved past them.
"""

from collections import Counter
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from random import Random
from typing import NamedTuple

from sqlalchemy import text

from shop.catalog.indexing import search_text
from shop.catalog.models import Product, ProductImage
from shop.core import gs1
from shop.core.text import fold, slugify
from shop.demo.catalog import PRODUCERS
from shop.demo.gtin import demo_gtin
from shop.demo.kinds import KINDS
from shop.demo.reference import full_name
from shop.demo.rows import ProducerRow, ProductRow
from shop.demo.seed import seed_groups, seed_provinces
from shop.demo.stories import StoryFacts, commune_in_english, compose_story
from shop.demo.zones_data import KIND_RULES, ZONES, KindRule, ZoneRow
from shop.extensions import db
from shop.ocop.models import Certificate, Level
from shop.ocop.rules import STAR_BANDS, expiry_for, level_for
from shop.places.models import Province
from shop.producers.models import Producer
from shop.trace.labels import LabelSize
from shop.trace.lots import TOKEN_ALPHABET, TOKEN_LENGTH
from shop.trace.models import LabelRun, Lot, LotInput, Standard, Unit, Zone, ZoneStatus

PRODUCTS_PER_PRODUCER = 10
STAR_WEIGHTS = {3: 55, 4: 35, 5: 10}
GTIN_SHARE = 0.6
UPGRADED_SHARE = 0.1  # products whose older, lower certificate is kept as superseded
# The oldest current certificate: 36 months of validity leave it a month or more to run,
# so the data set stays fully listed while it is reused (bench.dataset.REUSE_DAYS).
OLDEST_CERTIFICATE_DAYS = 1060
DEFAULT_RULE = KindRule(1.0, 365, 30)
QUALIFIERS = (
    ("", ""), ("", ""), ("loại đặc biệt", "premium grade"), ("hữu cơ", "organic"),
    ("truyền thống", "traditional"), ("hộp quà Tết", "Tết gift box"), ("cao cấp", "deluxe"),
    ("nguyên chất", "pure"), ("gia truyền", "family recipe"), ("thượng hạng", "top grade"),
    ("mùa mới", "new season"), ("phiên bản giới hạn", "limited edition"),
)
VILLAGES = (
    "Đông Xá", "Yên Thế", "Phú Lộc", "Tân Hòa", "An Phú", "Bình Minh", "Thanh Sơn", "Mỹ Lợi",
    "Quang Minh", "Hưng Long", "Đại Đồng", "Nghĩa Đô", "Cẩm Lý", "Hòa Tiến", "Xuân Lạc",
    "Trường Sơn", "Vĩnh Hảo", "Tiên Phong", "Đức Thắng", "Lạc Sơn", "Ngọc Lặc", "Khánh Bình",
    "Phước Hải", "Tam Nông", "Bảo Lộc", "Sơn Trà", "Hồng Lĩnh", "Kim Bôi", "Mường Lò",
    "Ea Kar", "Châu Đốc", "Bến Lức", "Cái Bè", "Năm Căn", "Đồng Hới", "Quỳnh Lưu", "Hải Hậu",
    "Thạch Thất", "Yên Châu", "Lục Yên",
)
STANDARD_WEIGHTS = {Standard.VIETGAP: 45, Standard.GLOBALGAP: 10, Standard.ORGANIC: 15,
                    Standard.NONE: 30}
ZONE_TEMPLATES: tuple[ZoneRow, ...] = tuple(row for entry in ZONES.values() for row in entry.zones)


class _Made(NamedTuple):
    """A product generated, with what its lots need."""

    id: int
    producer: int
    unit_vi: str
    rule: KindRule


def utc(day: date, seconds: int = 0) -> datetime:
    """An instant `seconds` after midnight UTC on `day`."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=seconds)


def generate(size, today: date, seed: int) -> str:
    """Insert the whole data set (flushes, never commits); returns what was made."""
    rng = Random(seed)
    provinces = seed_provinces()
    groups, subgroups = seed_groups()
    producer_count = max(1, size.products // PRODUCTS_PER_PRODUCER)
    producers = _producers(producer_count, provinces, rng)
    products = _products(size.products, producers, groups, subgroups, provinces, today, rng)
    zones = _zones(producers, provinces, today, rng)
    lots = _lots(size.lots, products, zones, today, rng)
    units = _units(lots, size.serialised_lots, size.units_per_lot, today, rng)
    for table in ("producers", "products", "product_images", "certificates", "zones", "lots",
                  "lot_inputs", "label_runs", "units"):
        db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"coalesce((SELECT max(id) FROM {table}), 1))"))
    return (f"{len(provinces)} provinces, {len(producers)} producers, {len(products)} products, "
            f"{sum(len(z) for z in zones.values())} zones, {len(lots)} lots, {units} units")


def _insert(model, rows: list[dict]) -> None:
    """COPY `rows` into the model's table, inside the session's transaction."""
    if not rows:
        return
    table = model.__table__
    columns = [column.name for column in table.columns]
    missing = set(columns) - set(rows[0])
    if missing:
        raise ValueError(f"{table.name}: no value for {sorted(missing)}")
    cursor = db.session.connection().connection.dbapi_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in columns])


@contextmanager
def _gin_indexes_deferred(table: str):
    """Drop the table's GIN indexes and build them again after the load: one bulk build is
    far faster than maintaining a trigram index (fastupdate off) row by row."""
    definitions = db.session.execute(text(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = :table "
        "AND indexdef LIKE '% USING gin %'"), {"table": table}).all()
    for name, _definition in definitions:
        db.session.execute(text(f'DROP INDEX "{name}"'))
    yield
    for _name, definition in definitions:
        db.session.execute(text(definition))


class _Producer(NamedTuple):
    id: int
    row: ProducerRow
    name: str


def _producers(count: int, provinces: dict[str, Province], rng: Random) -> list[_Producer]:
    """`count` producers, each a demo producer's trade in another village."""
    pairs = [(t, v) for t in range(len(PRODUCERS)) for v in range(len(VILLAGES))]
    chosen = rng.sample(pairs, count) if count <= len(pairs) else [
        pairs[i % len(pairs)] for i in range(count)]
    made, rows = [], []
    for index, (template, village) in enumerate(chosen, start=1):
        row = PRODUCERS[template]
        suffix = VILLAGES[village] + ("" if count <= len(pairs) else f" {index}")
        name = f"{row.name} {suffix}"
        province = provinces[row.province]
        rows.append({
            "id": index, "slug": slugify(name, 120), "name": name, "kind": row.kind,
            "registration_number": f"{province.code}{index:07d}",
            "address": f"{row.hamlet}, {row.commune}, {full_name(row.province)}",
            "province_id": province.id,
            "phone": f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            "email": f"lienhe{index}@example.vn",
            "created_at": utc(date(2023, 1, 1)), "updated_at": utc(date(2023, 1, 1)),
        })
        made.append(_Producer(index, row, name))
    _insert(Producer, rows)
    return made


def _products(count: int, producers: list[_Producer], groups, subgroups,
              provinces: dict[str, Province], today: date, rng: Random) -> list[_Made]:
    """Products with stories, search text, prices, GTINs, images and current certificates."""
    product_rows, image_rows, certificate_rows, made = [], [], [], []
    items_of: Counter[int] = Counter()
    for index in range(1, count + 1):
        producer = producers[(index - 1) % len(producers)]
        item: ProductRow = rng.choice(producer.row.products)
        kind = KINDS[item.kind]
        qualifier_vi, qualifier_en = rng.choice(QUALIFIERS)
        name_vi = f"{item.name_vi} {qualifier_vi}".strip()
        name_en = f"{item.name_en} {qualifier_en}".strip()
        province = provinces[producer.row.province]
        commune = producer.row.commune
        story_vi, story_en = compose_story(StoryFacts(
            name_vi, name_en, producer.name, commune, commune_in_english(commune),
            producer.row.province, kind.group), rng)
        slug = f"{slugify(name_vi, 100)}-{index}"
        gtin = None
        if kind.group <= 4 and rng.random() < GTIN_SHARE:
            items_of[producer.id] += 1
            gtin = demo_gtin(10_000 + producer.id, items_of[producer.id])
        created = utc(today - timedelta(days=rng.randint(0, 1000)), rng.randint(0, 86_399))
        # The same text the before-flush hook of catalog.indexing computes.
        indexed = search_text(Product(name_vi=name_vi, name_en=name_en, story_vi=story_vi,
                                      story_en=story_en),
                              Producer(name=producer.name), province)
        product_rows.append({
            "id": index, "slug": slug, "name_vi": name_vi, "name_en": name_en,
            "producer_id": producer.id, "group_id": groups[kind.group].id,
            "subgroup_id": subgroups[kind.subgroup].id, "price_vnd": _price(kind, rng),
            "unit_vi": kind.unit_vi, "unit_en": kind.unit_en, "gtin": gtin,
            "story_vi": story_vi, "story_en": story_en, "name_key": fold(name_vi)[:200],
            "search_text": indexed, "created_at": created, "updated_at": created,
        })
        image_rows += _images(index, slug, name_vi, name_en, len(image_rows), rng)
        certificate_rows += _certificates(index, producer.row, province, today, rng,
                                          len(certificate_rows))
        made.append(_Made(index, producer.id, kind.unit_vi,
                          KIND_RULES.get(item.kind, DEFAULT_RULE)))
    with _gin_indexes_deferred(Product.__tablename__):
        _insert(Product, product_rows)
    _insert(ProductImage, image_rows)
    _insert(Certificate, certificate_rows)
    return made


def _price(kind, rng: Random) -> int:
    price = rng.randrange(kind.price_low, kind.price_high + 1, 1_000)
    return price if price < 100_000 else price - price % 5_000


def _images(product_id: int, slug: str, name_vi: str, name_en: str, made: int,
            rng: Random) -> list[dict]:
    """None, one or two photo rows (the files are not drawn: pages only link to them)."""
    count = rng.choices((0, 1, 2), weights=(10, 60, 30))[0]
    return [{"id": made + n + 1, "product_id": product_id, "path": f"products/{slug}-{n + 1}.jpg",
             "alt_vi": f"Hình {name_vi}"[:200], "alt_en": f"Photo of {name_en}"[:200],
             "position": n} for n in range(count)]


def _certificates(product_id: int, row: ProducerRow, province: Province, today: date,
                  rng: Random, made: int) -> list[dict]:
    """The live, current certificate; for some products an older, superseded one too."""
    stars = rng.choices(list(STAR_WEIGHTS), weights=list(STAR_WEIGHTS.values()))[0]
    recognized = today - timedelta(days=rng.randint(1, OLDEST_CERTIFICATE_DAYS))
    rows = [_certificate(product_id, stars, recognized, province, False, rng)]
    if stars > 3 and rng.random() < UPGRADED_SHARE:
        older = recognized - timedelta(days=rng.randint(400, 900))
        rows.append(_certificate(product_id, stars - 1, older, province, True, rng))
    for n, certificate in enumerate(rows):
        certificate["id"] = made + n + 1
    return rows


def _certificate(product_id: int, stars: int, recognized: date, province: Province,
                 superseded: bool, rng: Random) -> dict:
    level = level_for(stars, recognized)
    serial = rng.randint(120, 3900)
    if level is Level.NATIONAL:
        number, authority = f"{serial}/QĐ-BNNMT", "Bộ Nông nghiệp và Môi trường"
    else:
        number, authority = f"{serial}/QĐ-UBND", f"UBND {full_name(province.name)}"
    return {"product_id": product_id, "number": number, "authority": authority, "level": level,
            "score": rng.randint(*STAR_BANDS[stars]), "score_a": None, "score_b": None,
            "score_c": None, "stars": stars, "recognized_on": recognized,
            "expires_on": expiry_for(recognized), "superseded": superseded, "revoked_on": None,
            "revocation_number": None, "revocation_reason": None, "recorded_by_id": None,
            "revoked_at": None, "created_at": utc(recognized), "updated_at": utc(recognized)}


def _zones(producers: list[_Producer], provinces: dict[str, Province], today: date,
           rng: Random) -> dict[int, list[int]]:
    """One to three zones per producer, from its demo model's zones (or any demo zone)."""
    rows, by_producer = [], {}
    for producer in producers:
        entry = ZONES.get(producer.row.name)
        templates = entry.zones if entry else rng.sample(ZONE_TEMPLATES, 3)
        province = provinces[producer.row.province]
        ids = []
        for sequence, template in enumerate(templates[:rng.randint(1, 3)], start=1):
            place = template.at
            standard = rng.choices(list(STANDARD_WEIGHTS),
                                   weights=list(STANDARD_WEIGHTS.values()))[0]
            latitude = place.latitude if place else (entry.latitude if entry else None)
            longitude = place.longitude if place else (entry.longitude if entry else None)
            zone_id = len(rows) + 1
            rows.append({
                "id": zone_id, "producer_id": producer.id,
                "code": (f"VN-{province.code}-{int(province.code) * 10 + rng.randint(0, 9):03d}-"
                         f"{producer.id:05d}-{sequence:02d}-{rng.randint(20, 25):02d}"),
                "name": template.name, "crop": template.crop, "variety": template.variety,
                "cycle": template.cycle, "area_ha": Decimal(template.area_ha),
                "commune": place.commune if place else producer.row.commune,
                "district": place.district if place else producer.row.district,
                "province_id": province.id,
                "latitude": None if latitude is None else _near(latitude, rng),
                "longitude": None if longitude is None else _near(longitude, rng),
                "standard": standard,
                "standard_certificate": "" if standard is Standard.NONE
                else f"{standard.value.upper()}-{province.code}-{rng.randint(1, 9999):04d}",
                "standard_expires_on": None if standard is Standard.NONE
                else today + timedelta(days=rng.randint(200, 900)),
                "expected_yield_kg": template.yield_kg * 20, "seasons_per_year": template.seasons,
                "status": ZoneStatus.ACTIVE, "created_at": utc(date(2023, 6, 1)),
                "updated_at": utc(date(2023, 6, 1)),
            })
            ids.append(zone_id)
        by_producer[producer.id] = ids
    _insert(Zone, rows)
    return by_producer


def _near(degrees: float, rng: Random) -> Decimal:
    return Decimal(f"{degrees + rng.uniform(-0.015, 0.015):.6f}")


class _Lot(NamedTuple):
    id: int
    produced_on: date
    quantity: int


def _lots(count: int, products: list[_Made], zones: dict[int, list[int]], today: date,
          rng: Random) -> list[_Lot]:
    """`count` lots spread over the products at random, each drawing on one or two zones."""
    lot_rows, input_rows, made, tokens = [], [], [], set()
    numbers: Counter[int] = Counter()
    for lot_id, owner in enumerate(rng.choices(range(len(products)), k=count), start=1):
        product = products[owner]
        rule = product.rule
        # Made recently enough that none has expired, as the demo's listed lots.
        produced = today - timedelta(days=rng.randint(1, max(1, min(330, rule.shelf_days * 3
                                                                    // 4))))
        numbers[product.id] += 1
        token = _token(rng)
        while token in tokens:
            token = _token(rng)
        tokens.add(token)
        quantity = rng.randint(200, 5_000)
        created = utc(produced, rng.randint(25_000, 60_000))
        lot_rows.append({
            "id": lot_id, "product_id": product.id,
            "code": f"L{produced:%y%m%d}{numbers[product.id]:02d}", "token": token,
            "produced_on": produced, "expires_on": produced + timedelta(days=rule.shelf_days),
            "quantity": quantity, "unit": product.unit_vi, "created_by_id": None,
            "recalled_at": None, "recall_reason": "", "recalled_by_id": None,
            "created_at": created, "updated_at": created,
        })
        sources = rng.sample(zones[product.producer],
                             min(len(zones[product.producer]), rng.choice((1, 1, 2))))
        for zone_id in sources:
            input_rows.append({
                "id": len(input_rows) + 1, "lot_id": lot_id, "zone_id": zone_id,
                "harvested_on": produced - timedelta(days=rng.randint(0, rule.lag_days)),
                "quantity_kg": max(1, round(quantity * rule.kg_per_unit / len(sources))),
            })
        made.append(_Lot(lot_id, produced, quantity))
    _insert(Lot, lot_rows)
    _insert(LotInput, input_rows)
    return made


def _token(rng: Random) -> str:
    return "".join(rng.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def _units(lots: list[_Lot], lot_count: int, per_lot: int, today: date, rng: Random) -> int:
    """Serialised label runs on `lot_count` lots on shelves, `per_lot` units each."""
    shelved = [lot for lot in lots if lot.produced_on <= today - timedelta(days=15)]
    run_rows, unit_rows = [], []
    for run_id, lot in enumerate(rng.sample(shelved, min(lot_count, len(shelved))), start=1):
        run_rows.append({"id": run_id, "lot_id": lot.id, "size": LabelSize.MEDIUM.value,
                         "count": per_lot, "serialised": True, "created_by_id": None,
                         "created_at": utc(lot.produced_on, 70_000)})
        serials: set[str] = set()
        while len(serials) < min(per_lot, lot.quantity):
            serials.add("".join(rng.choice(gs1.SERIAL_ALPHABET)
                                for _ in range(gs1.SERIAL_LENGTH)))
        unit_rows += [{"id": len(unit_rows) + n + 1, "lot_id": lot.id, "run_id": run_id,
                       "serial": serial, "scan_count": 0, "first_scanned_at": None,
                       "last_scanned_at": None} for n, serial in enumerate(sorted(serials))]
    _insert(LabelRun, run_rows)
    _insert(Unit, unit_rows)
    return len(unit_rows)

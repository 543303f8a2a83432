"""The demo's traceability data: zones, lots within their zones' yields, serials and scans."""

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shop.accounts.models import User
from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.demo.catalog import PRODUCERS
from shop.demo.seed import seed
from shop.demo.zones_data import ZONES
from shop.extensions import db
from shop.ocop.models import Certificate
from shop.places.models import Province
from shop.trace.models import LabelRun, Lot, LotInput, Scan, Standard, Unit, Zone, ZoneStatus
from shop.trace.zones import MINIMUM_AREA_HA, season_of

TODAY = date(2026, 3, 16)
CODE_SHAPE = re.compile(r"VN-(\d{2})-\d{3}-\d{5}-\d{2}-(\d{2})")


@pytest.fixture
def seeded(app):
    return seed(Path(app.config["MEDIA_ROOT"]), TODAY)


def test_the_demo_traces_lots_back_to_zones_that_could_grow_them(seeded, app):
    zones = {z.id: z for z in db.session.scalars(select(Zone))}
    lots = {lot.id: lot for lot in db.session.scalars(select(Lot))}
    inputs = db.session.scalars(select(LotInput)).all()
    check_zones(zones)
    check_inputs(zones, lots, inputs)
    check_special_lots(lots)
    check_units_and_scans(app.config["SUSPICIOUS_SCAN_COUNT"])
    check_demo_producer(zones, lots)
    trace = seeded.trace
    assert (trace.zones, trace.lots) == (len(zones), len(lots))
    assert trace.units == db.session.scalar(select(func.count(Unit.id)))
    assert trace.scans == db.session.scalar(select(func.count(Scan.id)))


def test_every_zone_row_names_a_demo_producer_and_products_it_makes():
    producers = {row.name: row for row in PRODUCERS}
    assert set(ZONES) <= set(producers)
    for name, entry in ZONES.items():
        products = [item.name_vi for item in producers[name].products]
        for zone in entry.zones:
            assert all(any(fragment in product for product in products)
                       for fragment in zone.supplies), zone.name


def check_zones(zones: dict[int, Zone]):
    assert len(zones) >= 80
    codes = [z.code for z in zones.values()]
    assert len(set(codes)) == len(codes)
    province_codes = dict(db.session.execute(select(Province.id, Province.code)).all())
    for zone in zones.values():
        shape = CODE_SHAPE.fullmatch(zone.code)
        assert shape and shape[1] == province_codes[zone.province_id], zone.code
        assert 20 <= int(shape[2]) <= TODAY.year % 100, zone.code
        assert zone.area_ha >= MINIMUM_AREA_HA[zone.cycle], zone.code
        assert 8.3 <= zone.latitude <= 23.4 and 102.1 <= zone.longitude <= 109.5, zone.code
        assert zone.commune and zone.district and zone.crop and zone.variety
        assert zone.expected_yield_kg > 0 and 1 <= zone.seasons_per_year <= 4
        if zone.standard is Standard.NONE:
            assert not zone.standard_certificate and zone.standard_expires_on is None
        else:
            assert zone.standard_certificate and zone.standard_expires_on
    statuses = Counter(z.status for z in zones.values())
    assert statuses[ZoneStatus.ACTIVE] > 0.9 * len(zones)
    assert statuses[ZoneStatus.SUSPENDED] and statuses[ZoneStatus.CANCELLED]
    assert {z.standard for z in zones.values()} == set(Standard)


def check_inputs(zones: dict[int, Zone], lots: dict[int, Lot], inputs: list[LotInput]):
    producer_of = dict(db.session.execute(select(Product.id, Product.producer_id)).all())
    by_lot = defaultdict(list)
    drawn = Counter()
    for item in inputs:
        zone, lot = zones[item.zone_id], lots[item.lot_id]
        by_lot[lot.id].append(item)
        assert zone.producer_id == producer_of[lot.product_id], lot.code
        assert zone.status is ZoneStatus.ACTIVE, zone.code
        assert item.harvested_on <= lot.produced_on
        if zone.standard_expires_on:
            assert item.harvested_on <= zone.standard_expires_on
        drawn[(zone.id, *season_of(item.harvested_on, zone.seasons_per_year))] += \
            item.quantity_kg
    assert set(by_lot) == set(lots)  # every lot has inputs
    for (zone_id, _year, _season), kilograms in drawn.items():
        assert kilograms <= zones[zone_id].expected_yield_kg, zones[zone_id].code
    listed = set(db.session.scalars(listed_products(TODAY).with_only_columns(Product.id)))
    with_lots = {lot.product_id for lot in lots.values()}
    assert len(listed & with_lots) > len(listed) / 2
    per_product = Counter(lot.product_id for lot in lots.values() if lot.product_id in listed)
    assert max(per_product.values()) <= 5 and len(set(per_product.values())) >= 3
    assert all(lot.quantity > 0 and lot.unit and lot.expires_on >= lot.produced_on
               and lot.produced_on <= TODAY for lot in lots.values())


def check_special_lots(lots: dict[int, Lot]):
    recalled = [lot for lot in lots.values() if lot.recalled_at is not None]
    assert len(recalled) == 1 and "nấm mốc" in recalled[0].recall_reason
    assert recalled[0].recalled_by_id is not None
    assert any(lot.expires_on < TODAY for lot in lots.values())
    revoked = dict(db.session.execute(
        select(Certificate.product_id, Certificate.revoked_on)
        .where(Certificate.revoked_on.is_not(None))).all())
    assert any(lot.product_id in revoked and lot.produced_on < revoked[lot.product_id]
               for lot in lots.values())


def check_units_and_scans(threshold: int):
    units = db.session.scalars(select(Unit)).all()
    assert len(units) >= 100 and len({(u.lot_id, u.serial) for u in units}) == len(units)
    runs = db.session.scalars(select(LabelRun)).all()
    assert sum(r.count for r in runs if r.serialised) == len(units)
    assert any(not r.serialised for r in runs)
    scans = defaultdict(list)
    for scan in db.session.scalars(select(Scan)):
        scans[scan.unit_id].append(scan.scanned_at)
    assert scans.pop(None)  # a made-up serial was tried
    scanned = [u for u in units if u.scan_count]
    assert len(scanned) >= 5 and {u.id for u in scanned} == set(scans)
    for unit in scanned:
        assert unit.scan_count == len(scans[unit.id])
        assert (unit.first_scanned_at, unit.last_scanned_at) == (min(scans[unit.id]),
                                                                 max(scans[unit.id]))
    assert len([u for u in scanned if u.scan_count > threshold]) == 1


def check_demo_producer(zones: dict[int, Zone], lots: dict[int, Lot]):
    member = db.session.scalar(select(User).where(User.email == "producer@ocop.example.vn"))
    own_zones = [z for z in zones.values() if z.producer_id == member.producer_ids[0]]
    assert len(own_zones) >= 5
    assert {z.status for z in own_zones} == set(ZoneStatus)
    own_products = set(db.session.scalars(
        select(Product.id).where(Product.producer_id == member.producer_ids[0])))
    own_lots = [lot for lot in lots.values() if lot.product_id in own_products]
    assert len(own_lots) >= 8 and all(lot.created_by_id == member.id for lot in own_lots)
    assert any(lot.recalled_at for lot in own_lots)
    assert any(lot.expires_on < TODAY for lot in own_lots)
    own_units = db.session.scalar(select(func.count(Unit.id)).where(
        Unit.lot_id.in_([lot.id for lot in own_lots])))
    assert own_units > 0

"""Traceability demo data: zones, lots drawn from them, serialised labels and their scans.

Everything but the scans (a shopper's web action) goes through the trace services, so every
rule a producer meets in the portal holds here too: code shape, minimum area, mass balance.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from random import Random
from typing import NamedTuple

from flask import current_app
from sqlalchemy import insert, select

from shop.accounts.models import Role, User
from shop.catalog.models import Product
from shop.core import gs1
from shop.core.clock import SHOP_ZONE
from shop.demo.catalog import SeededProduct
from shop.demo.certificates import HIDDEN_FATES, Fate
from shop.demo.zones_data import KIND_RULES, ZONES, At, KindRule, ZoneRow
from shop.extensions import db
from shop.ocop.models import Certificate
from shop.places.models import Province
from shop.trace.labels import LabelSize
from shop.trace.lots import HarvestInput, LotData, create_lot, recall_lot
from shop.trace.models import Lot, Scan, Standard, Unit, Zone, ZoneStatus
from shop.trace.runs import print_run
from shop.trace.zones import ZoneInput, create_zone, season_of

STANDARD_WEIGHTS = {Standard.VIETGAP: 45, Standard.GLOBALGAP: 10, Standard.ORGANIC: 15,
                    Standard.NONE: 30}
LOT_COUNT_WEIGHTS = {1: 3, 2: 4, 3: 2, 4: 1}
SERIALISED_OWN, SERIALISED_OTHERS, PLAIN_RUNS = 3, 6, 4
RECALL_REASON = ("Kiểm tra mẫu lưu cho thấy độ ẩm vượt ngưỡng cho phép, có nguy cơ nhiễm nấm "
                 "mốc. Đề nghị khách hàng ngừng sử dụng và liên hệ HTX để được đổi sản phẩm.")
Actors = Callable[[int], User]
Zones = dict[int, list[tuple[Zone, ZoneRow]]]


@dataclass(frozen=True)
class TraceSummary:
    """What the traceability seed created, for the command to print."""

    zones: int
    lots: int
    expired: int
    units: int
    scans: int
    # Recalled by recall_demo_lot once outlets hold it, as recalls happen in life.
    to_recall: int


class _Plan(NamedTuple):
    """A product that can have lots: its kind's rule, the zones feeding it, its fate."""

    product: Product
    rule: KindRule
    suppliers: list[Zone]
    fate: Fate


def seed_trace(seeded: list[SeededProduct], fates: list[Fate], users: dict[Role, User],
               today: date, rng: Random) -> TraceSummary:
    """Create zones, lots (one to recall, one expired, one of a since-revoked product), serials."""
    member = users[Role.PRODUCER]

    def actor_of(producer_id: int) -> User:
        # The demo producer's own member records its data, so its portal shows who did.
        return member if producer_id == member.producer_ids[0] else users[Role.ADMIN]

    zones = seed_zones(seeded, actor_of, today, rng)
    plans = _plans(seeded, fates, zones)
    maker = _LotMaker(actor_of, today, rng)
    own = [p for p in plans if p.product.producer_id == member.producer_ids[0]]
    # The special lots come first, while every season still has room for them.
    if None in (_expired_lot(maker, [p for p in own if p.fate not in HIDDEN_FATES]),
                _revoked_lot(maker, [p for p in plans if p.fate is Fate.REVOKED])):
        raise RuntimeError("a special demo lot found no harvest left to draw on")
    ordinary = _listed_lots(maker, plans, member.producer_ids[0])
    serialised = _pick_serialised(ordinary, member.producer_ids[0], today, rng)
    units = _print_labels(serialised, ordinary, actor_of, rng)
    scans = _log_scans(serialised, units, today, rng)
    # The demo producer's own lot, so its member's portal shows the recall.
    return TraceSummary(zones=sum(len(z) for z in zones.values()), lots=len(maker.lots),
                        expired=sum(lot.expires_on < today for lot in maker.lots),
                        units=len(units), scans=scans, to_recall=serialised[0][0].id)


def recall_demo_lot(lot_id: int, users: dict[Role, User]) -> None:
    """Recall the demo's one recalled lot, by the demo producer's member who made it."""
    recall_lot(lot_id, RECALL_REASON, users[Role.PRODUCER])


def seed_zones(seeded: list[SeededProduct], actor_of: Actors, today: date,
               rng: Random) -> Zones:
    """Register the zones of zones_data.ZONES; return them with their rows by producer id."""
    codes = _Codes(today, rng)
    zones: Zones = defaultdict(list)
    producers = {product.producer_id: (product.producer, origin) for product, origin in seeded}
    for producer_id, (producer, origin) in producers.items():
        entry = ZONES.get(origin.name)
        for row in entry.zones if entry else ():
            place = row.at or At(origin.commune, origin.district, entry.latitude,
                                 entry.longitude)
            data = _zone_input(row, place, producer.province, codes.new(producer.province.code,
                                                                        place), today, rng)
            zones[producer_id].append((create_zone(producer_id, data, actor_of(producer_id)),
                                       row))
    return zones


class _Codes:
    """Planting-area codes: a number per district and per commune, a sequence per commune."""

    def __init__(self, today: date, rng: Random) -> None:
        self.today, self.rng = today, rng
        self.numbers: dict[tuple[str, ...], int] = {}
        self.sequence: Counter[int] = Counter()

    def new(self, province_code: str, place: At) -> str:
        """The next code in `place`, issued in a recent year."""
        # National lists number districts and communes roughly in province order (Cà Mau,
        # code 96, has districts 964–973 and communes near 32000); imitate that.
        base = int(province_code)
        district = self._number((province_code, place.district), base * 10, 9)
        commune = self._number((province_code, place.district, place.commune), base * 335, 330)
        self.sequence[commune] += 1
        year = self.rng.randint(20, self.today.year % 100)
        return (f"VN-{province_code}-{district:03d}-{commune:05d}-"
                f"{self.sequence[commune]:02d}-{year:02d}")

    def _number(self, key: tuple[str, ...], low: int, spread: int) -> int:
        if key not in self.numbers:
            number, taken = low + self.rng.randint(0, spread), set(self.numbers.values())
            while number in taken:  # two places never share a number
                number += 1
            self.numbers[key] = number
        return self.numbers[key]


def _zone_input(row: ZoneRow, place: At, province: Province, code: str, today: date,
                rng: Random) -> ZoneInput:
    standard = row.standard or rng.choices(list(STANDARD_WEIGHTS),
                                           weights=list(STANDARD_WEIGHTS.values()))[0]
    certificate, expires_on = _standard_papers(standard, province.code, row.status, today, rng)
    return ZoneInput(
        code=code, name=row.name, crop=row.crop, variety=row.variety, cycle=row.cycle,
        area_ha=Decimal(row.area_ha), commune=place.commune, district=place.district,
        province_id=province.id, latitude=_near(place.latitude, rng),
        longitude=_near(place.longitude, rng), standard=standard,
        standard_certificate=certificate, standard_expires_on=expires_on,
        expected_yield_kg=row.yield_kg, seasons_per_year=row.seasons, status=row.status)


def _near(degrees: float, rng: Random) -> Decimal:
    """A point within about 1.5 km of `degrees`, to six decimals as the column stores."""
    return Decimal(f"{degrees + rng.uniform(-0.015, 0.015):.6f}")


def _standard_papers(standard: Standard, province_code: str, status: ZoneStatus, today: date,
                     rng: Random) -> tuple[str, date | None]:
    """A certificate number shaped like the standard's, and its expiry."""
    if standard is Standard.NONE:
        return "", None
    if status is ZoneStatus.SUSPENDED:  # suspended because the certificate lapsed
        expires_on = today - timedelta(days=rng.randint(10, 90))
    else:  # GlobalGAP certificates last a year, the others two or three
        expires_on = today + timedelta(days=rng.randint(
            30, 330 if standard is Standard.GLOBALGAP else 900))
    if standard is Standard.VIETGAP:
        number = (f"VietGAP-TT-{rng.randint(11, 45)}-{rng.randint(1, 12):02d}-{province_code}-"
                  f"{rng.randint(1, 999):04d}")
    elif standard is Standard.GLOBALGAP:
        number = f"GGN {4063061000000 + rng.randint(100_000, 999_999)}"
    else:
        number = f"TCVN 11041-{(expires_on.year - 2) % 100:02d}-{rng.randint(1, 9999):04d}"
    return number, expires_on


def _plans(seeded: list[SeededProduct], fates: list[Fate], zones: Zones) -> list[_Plan]:
    """The products of a kind that has lots and with an active zone to draw on."""
    plans = []
    for (product, origin), fate in zip(seeded, fates, strict=True):
        kind = next(item.kind for item in origin.products if item.name_vi == product.name_vi)
        suppliers = [zone for zone, row in zones.get(product.producer_id, ())
                     if zone.status is ZoneStatus.ACTIVE
                     and any(fragment in product.name_vi for fragment in row.supplies)]
        if kind in KIND_RULES and suppliers:
            plans.append(_Plan(product, KIND_RULES[kind], suppliers, fate))
    return plans


class _LotMaker:
    """Records lots through the service, keeping each zone's seasons within their yield."""

    def __init__(self, actor_of: Actors, today: date, rng: Random) -> None:
        self.actor_of, self.today, self.rng = actor_of, today, rng
        self.used: dict[tuple[int, int, int], int] = defaultdict(int)
        self.lots: list[Lot] = []

    def make(self, plan: _Plan, produced_on: date, number: int) -> Lot | None:
        """A lot made on `produced_on` from one or two zones; None when their seasons are spent."""
        rule, rng = plan.rule, self.rng
        inputs = []
        for zone in rng.sample(plan.suppliers, min(len(plan.suppliers), rng.choice((1, 1, 2)))):
            harvested_on = produced_on - timedelta(days=rng.randint(0, rule.lag_days))
            season = (zone.id, *season_of(harvested_on, zone.seasons_per_year))
            wanted = round(zone.expected_yield_kg * rng.uniform(0.03, 0.15))
            kilograms = min(wanted, zone.expected_yield_kg - self.used[season])
            if kilograms >= rule.kg_per_unit * 10:
                self.used[season] += kilograms
                inputs.append(HarvestInput(zone.id, harvested_on, kilograms))
        if not inputs:
            return None
        product = plan.product
        lot = create_lot(LotData(
            product_id=product.id, code=f"L{produced_on:%y%m%d}{number:02d}",
            produced_on=produced_on, expires_on=produced_on + timedelta(days=rule.shelf_days),
            quantity=max(1, round(sum(i.quantity_kg for i in inputs) / rule.kg_per_unit)),
            unit=product.unit_vi, inputs=tuple(inputs),
        ), self.actor_of(product.producer_id), today=self.today)
        self.lots.append(lot)
        return lot


def _expired_lot(maker: _LotMaker, plans: list[_Plan]) -> Lot | None:
    plan = maker.rng.choice(plans)
    produced_on = maker.today - timedelta(days=plan.rule.shelf_days + maker.rng.randint(20, 90))
    return maker.make(plan, produced_on, 91)


def _revoked_lot(maker: _LotMaker, plans: list[_Plan]) -> Lot | None:
    """A lot made while the product was certified, before its certificate was revoked."""
    by_product = {plan.product.id: plan for plan in plans}
    certificate = db.session.scalars(select(Certificate).where(
        Certificate.product_id.in_(by_product), Certificate.revoked_on.is_not(None))
        .order_by(Certificate.revoked_on, Certificate.id)).first()
    if certificate is None:
        raise RuntimeError("no revoked demo product has a zone to draw on")
    produced_on = max(certificate.revoked_on - timedelta(days=maker.rng.randint(20, 60)),
                      certificate.recognized_on)
    return maker.make(by_product[certificate.product_id], produced_on, 92)


def _listed_lots(maker: _LotMaker, plans: list[_Plan], own_id: int) -> list[tuple[Lot, Product]]:
    """One to four current lots of each listed product (two to four for the demo producer)."""
    rng, made = maker.rng, []
    for plan in plans:
        if plan.fate in HIDDEN_FATES:
            continue
        own = plan.product.producer_id == own_id
        count = rng.randint(2, 4) if own else rng.choices(
            list(LOT_COUNT_WEIGHTS), weights=list(LOT_COUNT_WEIGHTS.values()))[0]
        # Made recently enough that none has expired: the demo has one expired lot on purpose.
        newest = max(1, min(330, plan.rule.shelf_days * 3 // 4))
        for number in range(1, count + 1):
            produced_on = maker.today - timedelta(days=rng.randint(1, newest))
            lot = maker.make(plan, produced_on, number)
            if lot is not None:
                made.append((lot, plan.product))
    return made


def _pick_serialised(ordinary: list[tuple[Lot, Product]], own_id: int, today: date,
                     rng: Random) -> list[tuple[Lot, Product]]:
    """A few lots on shelves long enough to be scanned: the demo producer's first."""
    shelved = [(lot, p) for lot, p in ordinary if lot.produced_on <= today - timedelta(days=15)]
    own = [item for item in shelved if item[1].producer_id == own_id]
    others = [item for item in shelved if item[1].producer_id != own_id]
    if len(own) < 2:
        raise RuntimeError("the demo producer has too few lots on shelves to serialise")
    return (rng.sample(own, min(SERIALISED_OWN, len(own)))
            + rng.sample(others, min(SERIALISED_OTHERS, len(others))))


def _print_labels(serialised: list[tuple[Lot, Product]], ordinary: list[tuple[Lot, Product]],
                  actor_of: Actors, rng: Random) -> list[Unit]:
    """Print serialised runs of the chosen lots and plain runs of a few others; return units."""
    for lot, product in serialised:
        count = min(lot.quantity, rng.choice((24, 48, 96)))
        print_run(lot.id, LabelSize.MEDIUM, count, True, actor_of(product.producer_id))
    chosen = {lot.id for lot, _ in serialised}
    plain = [item for item in ordinary if item[0].id not in chosen]
    for lot, product in rng.sample(plain, min(PLAIN_RUNS, len(plain))):
        print_run(lot.id, LabelSize.MEDIUM, rng.choice((40, 80)), False,
                  actor_of(product.producer_id))
    return list(db.session.scalars(
        select(Unit).where(Unit.lot_id.in_(chosen)).order_by(Unit.id)))


def _log_scans(serialised: list[tuple[Lot, Product]], units: list[Unit], today: date,
               rng: Random) -> int:
    """Scan one unit of each serialised lot a few times, and one far too often; count scans."""
    by_lot: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        by_lot[unit.lot_id].append(unit)
    lots = {lot.id: lot for lot, _ in serialised}
    scanned = [(rng.choice(by_lot[lot_id]), rng.randint(1, 4)) for lot_id in lots]
    # The demo producer's second lot (the first is recalled) has a label copied many times.
    suspect_lot = serialised[1][0]
    suspect = next(u for u in by_lot[suspect_lot.id] if u is not scanned[1][0])
    scanned.append((suspect, current_app.config["SUSPICIOUS_SCAN_COUNT"] + 4))
    rows = []
    for unit, count in scanned:
        times = _scan_times(lots[unit.lot_id].produced_on, count, today, rng)
        unit.scan_count, unit.first_scanned_at, unit.last_scanned_at = count, times[0], times[-1]
        rows += [{"lot_id": unit.lot_id, "unit_id": unit.id, "unknown_serial": None,
                  "scanned_at": t} for t in times]
    # Someone also tried a made-up serial on that lot: kept to spot counterfeits.
    fake = "".join(rng.choice(gs1.SERIAL_ALPHABET) for _ in range(gs1.SERIAL_LENGTH))
    rows.append({"lot_id": suspect_lot.id, "unit_id": None, "unknown_serial": fake,
                 "scanned_at": _scan_times(suspect_lot.produced_on, 1, today, rng)[0]})
    db.session.flush()
    db.session.execute(insert(Scan), rows)
    return len(rows)


def _scan_times(produced_on: date, count: int, today: date, rng: Random) -> list[datetime]:
    """`count` daytime instants (UTC) from a week after production until yesterday, in order."""
    start = produced_on + timedelta(days=7)
    span = max((today - start).days - 1, 0)
    return sorted(
        datetime.combine(start + timedelta(days=rng.randint(0, span)),
                         time(rng.randint(7, 21), rng.randint(0, 59)), SHOP_ZONE).astimezone(UTC)
        for _ in range(count))

"""Raw-material zones: the planting-area code rules, and a producer registering its zones."""

import re
from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, select

from shop.accounts.models import User
from shop.core import clock
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.core.text import check_text
from shop.database import refused_if_taken, write_transaction
from shop.extensions import db
from shop.places.models import Province
from shop.trace.models import CropCycle, Standard, Zone, ZoneStatus

# VN-{province}-{district}-{commune}-{facility sequence}-{year}, Decision 3156/QĐ-BNN-TT (2022).
# Only the shape is checked: administrative codes change, so the parts are not looked up.
CODE_PATTERN = re.compile(r"VN-\d{2}-\d{3}-\d{5}-\d{2,3}-\d{2}", re.ASCII)
CODE_EXAMPLE = "VN-24-213-07573-01-22"
MINIMUM_AREA_HA = {CropCycle.PERENNIAL: Decimal("1"), CropCycle.ANNUAL: Decimal("0.1")}
MAX_SEASONS_PER_YEAR = 4
# Far beyond any real zone, and within what the columns hold (Numeric(10, 2), INTEGER).
MAX_AREA_HA = Decimal("100000")
MAX_YIELD_KG = 1_000_000_000
# What a zone's page shows as typed: no hidden or direction-changing characters.
TEXT_FIELDS = ("name", "crop", "variety", "commune", "district", "standard_certificate")
CYCLE_LABELS = {CropCycle.PERENNIAL: _l("perennial"), CropCycle.ANNUAL: _l("annual")}
STANDARD_LABELS = {Standard.VIETGAP: "VietGAP", Standard.GLOBALGAP: "GlobalGAP",
                   Standard.ORGANIC: _l("Organic"), Standard.NONE: _l("No standard")}
ZONE_STATUS_LABELS = {ZoneStatus.ACTIVE: _l("Active"), ZoneStatus.SUSPENDED: _l("Suspended"),
                      ZoneStatus.CANCELLED: _l("Cancelled")}


@dataclass(frozen=True)
class ZoneInput:
    """What a producer enters to register or change a raw-material zone."""

    code: str
    name: str
    crop: str
    cycle: CropCycle
    area_ha: Decimal
    commune: str
    province_id: int
    expected_yield_kg: int
    variety: str = ""
    district: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    standard: Standard = Standard.NONE
    standard_certificate: str = ""
    standard_expires_on: date | None = None
    seasons_per_year: int = 1
    status: ZoneStatus = ZoneStatus.ACTIVE


def normalize_code(code: str) -> str:
    """A planting-area code as stored: trimmed and upper-case."""
    return code.strip().upper()


def validate_zone(data: ZoneInput) -> None:
    """Raise InvalidInput naming the first field that breaks a zone rule."""
    if not CODE_PATTERN.fullmatch(normalize_code(data.code)):
        raise InvalidInput(_("A planting-area code looks like %(example)s: VN, then the "
                             "province, district and commune codes, a sequence number and "
                             "the year of issue.", example=CODE_EXAMPLE), "code")
    for name in TEXT_FIELDS:
        check_text(getattr(data, name), name)
    for name in ("name", "crop", "commune"):
        if not getattr(data, name).strip():
            raise InvalidInput(_("This field is required."), name)
    minimum = MINIMUM_AREA_HA[data.cycle]
    if data.area_ha < minimum:
        raise InvalidInput(
            _("A zone of %(cycle)s crops needs at least %(minimum)s ha.",
              cycle=CYCLE_LABELS[data.cycle], minimum=format_decimal(minimum)), "area_ha")
    if data.area_ha > MAX_AREA_HA:
        raise InvalidInput(_("A zone is at most %(max)s ha.", max=format_decimal(MAX_AREA_HA)),
                           "area_ha")
    if not 0 < data.expected_yield_kg <= MAX_YIELD_KG:
        raise InvalidInput(_("Enter the expected yield per season: 1 to %(max)s kg.",
                             max=format_decimal(MAX_YIELD_KG)), "expected_yield_kg")
    if not 1 <= data.seasons_per_year <= MAX_SEASONS_PER_YEAR:
        raise InvalidInput(_("A zone has 1 to %(max)d seasons a year.",
                             max=MAX_SEASONS_PER_YEAR), "seasons_per_year")
    if (data.latitude is None) != (data.longitude is None):
        raise InvalidInput(_("Enter both latitude and longitude, or neither."), "latitude")
    if data.latitude is not None and not -90 <= data.latitude <= 90:
        raise InvalidInput(_("Latitude is between -90 and 90."), "latitude")
    if data.longitude is not None and not -180 <= data.longitude <= 180:
        raise InvalidInput(_("Longitude is between -180 and 180."), "longitude")
    if data.standard is not Standard.NONE:
        if not data.standard_certificate.strip():
            raise InvalidInput(_("Enter the number of the %(standard)s certificate.",
                                 standard=STANDARD_LABELS[data.standard]),
                               "standard_certificate")
        if data.standard_expires_on is None:
            raise InvalidInput(_("Enter when the %(standard)s certificate expires.",
                                 standard=STANDARD_LABELS[data.standard]),
                               "standard_expires_on")
    if db.session.get(Province, data.province_id) is None:
        raise InvalidInput(_("Choose a province."), "province_id")


def _require_member(actor: User, producer_id: int) -> None:
    if not actor.is_member_of(producer_id):
        raise Forbidden(_("Only members of this producer may change its zones."))


def _ensure_code_free(code: str, zone_id: int | None) -> None:
    taken = db.session.scalar(select(Zone.id).where(func.upper(Zone.code) == code))
    if taken is not None and taken != zone_id:
        raise InvalidInput(_code_taken(code), "code")


def _code_taken(code: str) -> str:
    return _("The planting-area code %(code)s is already registered.", code=code)


def _apply(zone: Zone, data: ZoneInput) -> None:
    for field in fields(ZoneInput):
        value = getattr(data, field.name)
        # Only plain text is trimmed: the enums are str subclasses and must stay members.
        setattr(zone, field.name, value.strip() if type(value) is str else value)
    zone.code = normalize_code(data.code)
    if data.standard is Standard.NONE:
        zone.standard_certificate, zone.standard_expires_on = "", None


def create_zone(producer_id: int, data: ZoneInput, actor: User) -> Zone:
    """Register a zone for a producer; its planting-area code must be new."""
    write_transaction()  # two registrations of one code take turns checking it is free
    _require_member(actor, producer_id)
    validate_zone(data)
    code = normalize_code(data.code)
    _ensure_code_free(code, None)
    zone = Zone(producer_id=producer_id)
    with refused_if_taken(_code_taken(code), "code"):
        _apply(zone, data)
        db.session.add(zone)
    return zone


def update_zone(zone_id: int, data: ZoneInput, actor: User) -> Zone:
    """Change a zone's record (its status too: suspended or cancelled zones supply no lot)."""
    write_transaction()
    zone = get_zone(zone_id, actor)
    validate_zone(data)
    code = normalize_code(data.code)
    _ensure_code_free(code, zone.id)
    with refused_if_taken(_code_taken(code), "code"):
        _apply(zone, data)
    return zone


def get_zone(zone_id: int, actor: User) -> Zone:
    """A zone the acting producer member may see and change."""
    zone = db.session.get(Zone, zone_id)
    if zone is None:
        raise NotFound(_("No such zone."))
    _require_member(actor, zone.producer_id)
    return zone


def producer_zones(producer_id: int) -> list[Zone]:
    """A producer's zones, active first, then by code."""
    order = (Zone.status != ZoneStatus.ACTIVE, Zone.code)
    return list(db.session.scalars(
        select(Zone).where(Zone.producer_id == producer_id).order_by(*order)))


def active_zones(producer_id: int) -> list[Zone]:
    """A producer's zones that may supply a lot now, by code."""
    return list(db.session.scalars(
        select(Zone).where(Zone.producer_id == producer_id, Zone.status == ZoneStatus.ACTIVE)
        .order_by(Zone.code)))


@dataclass(frozen=True)
class ZoneCounts:
    """How many zones a producer has, and how many of them are active."""

    total: int
    active: int


def zone_counts(producer_id: int) -> ZoneCounts:
    """A producer's zones counted, all and active (one query)."""
    total, active = db.session.execute(
        select(func.count(Zone.id), func.count(case((Zone.status == ZoneStatus.ACTIVE, 1))))
        .where(Zone.producer_id == producer_id)).one()
    return ZoneCounts(total, active)


def season_of(day: date, seasons_per_year: int) -> tuple[int, int]:
    """The (year, season number from 1) of a harvest: seasons split the calendar year evenly."""
    return day.year, (day.month - 1) * seasons_per_year // 12 + 1


def season_bounds(year: int, season: int, seasons_per_year: int) -> tuple[date, date]:
    """First and last day of a season, for summing a zone's harvests in it."""
    months = 12 // seasons_per_year
    first_month = (season - 1) * months + 1
    last = clock.add_months(date(year, first_month, 1), months) - timedelta(days=1)
    return date(year, first_month, 1), last

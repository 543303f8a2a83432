"""Raw-material zones: planting-area codes, minimum areas, certificates, who may register."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from flask_babel import force_locale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.trace.models import CropCycle, Standard, Zone, ZoneStatus
from shop.trace.zones import (
    CODE_PATTERN,
    MINIMUM_AREA_HA,
    ZoneInput,
    create_zone,
    get_zone,
    season_bounds,
    season_of,
    update_zone,
    validate_zone,
)
from tests.factories import ProducerFactory, UserFactory, ZoneFactory

PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
CODE = "VN-24-213-07573-01-22"


pytestmark = pytest.mark.usefixtures("english")


def zone_input(producer, **changes) -> ZoneInput:
    values = dict(
        code=CODE, name="Vườn bưởi Đoan Hùng", crop="Bưởi", cycle=CropCycle.PERENNIAL,
        area_ha=Decimal("2.5"), commune="Xã Chí Đám", province_id=producer.province_id,
        expected_yield_kg=20_000, variety="Bưởi Sửu", district="Đoan Hùng",
        latitude=Decimal("21.6"), longitude=Decimal("105.2"), standard=Standard.VIETGAP,
        standard_certificate="VG-2025-118", standard_expires_on=date(2027, 6, 30),
        seasons_per_year=1)
    return ZoneInput(**(values | changes))


def refused_field(call, *args, **kwargs) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        call(*args, **kwargs)
    return refused.value


# --- planting-area codes ----------------------------------------------------------------------

def test_a_zone_is_registered_with_its_code_upper_cased_and_fields_trimmed(
        session, producer, member):
    zone = create_zone(producer.id, zone_input(
        producer, code="  vn-24-213-07573-01-22 ", name="  Vườn bưởi  "), actor=member)
    assert zone.id is not None
    assert (zone.code, zone.name, zone.producer_id) == (CODE, "Vườn bưởi", producer.id)
    assert (zone.status, zone.standard, zone.standard_certificate) == (
        ZoneStatus.ACTIVE, Standard.VIETGAP, "VG-2025-118")


@pytest.mark.parametrize("code", [
    "VN-24-213-07573-01-22", "VN-01-001-00001-001-26", "vn-68-672-24835-12-19",
])
def test_a_code_of_the_official_shape_is_accepted(producer, code):
    validate_zone(zone_input(producer, code=code))


@pytest.mark.parametrize("code", [
    "VN-24-213-07573-01-22-01",   # an extra segment
    "VN-24-213-07573-22",         # a missing segment
    "VN-24-213-07573-0001-22",    # a four-digit sequence
    "VN-2-213-07573-01-22",       # a one-digit province
    "VN-24-213-7573-01-22",       # a four-digit commune
    "VN-24-213-07573-01-2022",    # a four-digit year
    "LA-24-213-07573-01-22",      # not Vietnam
    "VN24-213-07573-01-22",
    "VN–24–213–07573–01–22",      # en dashes
    "VN-24-213-07573-01-22.",
    "VN-AB-213-07573-01-22",
    "",
])
def test_a_code_of_another_shape_is_refused_on_the_code_field(producer, code):
    refused = refused_field(validate_zone, zone_input(producer, code=code))
    assert refused.field == "code"
    assert "VN-24-213-07573-01-22" in refused.message


@pytest.mark.parametrize("code", [
    "VN-２４-213-07573-01-22",     # full-width digits (an IME or a PDF copy)
    "VN-24-٢١٣-07573-01-22",       # Arabic-Indic digits
])
def test_a_code_with_non_ascii_digits_is_refused(producer, code):
    """Python's \\d matches any Unicode digit: the stored code would never match a search."""
    assert refused_field(validate_zone, zone_input(producer, code=code)).field == "code"
    assert not CODE_PATTERN.fullmatch(code)


def test_a_code_already_registered_is_refused_whatever_its_case(session, producer, member):
    ZoneFactory(code=CODE)
    refused = refused_field(create_zone, producer.id,
                            zone_input(producer, code=" vn-24-213-07573-01-22"), actor=member)
    assert refused.field == "code"
    assert refused.message == "The planting-area code VN-24-213-07573-01-22 is already registered."
    assert session.scalar(select(func.count()).select_from(Zone)) == 1


def test_updating_a_zone_may_keep_its_own_code_but_not_take_another(session, producer, member):
    zone = ZoneFactory(producer=producer, code=CODE)
    ZoneFactory(producer=producer, code="VN-24-213-07573-02-22")
    updated = update_zone(zone.id, zone_input(producer, code=CODE.lower(), name="Tên mới"),
                          actor=member)
    assert (updated.code, updated.name) == (CODE, "Tên mới")
    refused = refused_field(update_zone, zone.id,
                            zone_input(producer, code="vn-24-213-07573-02-22"), actor=member)
    assert refused.field == "code"


# --- areas, places, yields, seasons ---------------------------------------------------------

@pytest.mark.parametrize(("cycle", "area", "accepted"), [
    (CropCycle.ANNUAL, "0.1", True),
    (CropCycle.ANNUAL, "0.10", True),
    (CropCycle.ANNUAL, "0.09", False),
    (CropCycle.ANNUAL, "0", False),
    (CropCycle.PERENNIAL, "1", True),
    (CropCycle.PERENNIAL, "1.00", True),
    (CropCycle.PERENNIAL, "0.99", False),
    (CropCycle.PERENNIAL, "0.5", False),
])
def test_the_minimum_area_depends_on_the_crop_cycle(producer, cycle, area, accepted):
    data = zone_input(producer, cycle=cycle, area_ha=Decimal(area))
    if accepted:
        validate_zone(data)
    else:
        assert refused_field(validate_zone, data).field == "area_ha"


def test_the_minimum_areas_are_the_decision_3156_ones():
    assert MINIMUM_AREA_HA[CropCycle.PERENNIAL] == Decimal("1")
    assert MINIMUM_AREA_HA[CropCycle.ANNUAL] == Decimal("0.1")
    assert set(MINIMUM_AREA_HA) == set(CropCycle)


def test_the_area_refusal_names_the_cycle_and_minimum(producer):
    refused = refused_field(validate_zone, zone_input(
        producer, cycle=CropCycle.ANNUAL, area_ha=Decimal("0.09")))
    assert refused.message == "A zone of annual crops needs at least 0.1 ha."
    refused = refused_field(validate_zone, zone_input(producer, area_ha=Decimal("0.99")))
    assert refused.message == "A zone of perennial crops needs at least 1 ha."


def test_the_minimum_area_is_written_with_a_vietnamese_decimal_comma(producer):
    """Numbers follow the reader's language (0,1 ha in Vietnamese), as the portal shows them."""
    with force_locale("vi"):
        refused = refused_field(validate_zone, zone_input(
            producer, cycle=CropCycle.ANNUAL, area_ha=Decimal("0.05")))
    assert "0,1" in refused.message
    assert "0.1" not in refused.message


@pytest.mark.parametrize(("changes", "field"), [
    ({"latitude": Decimal("21.6"), "longitude": None}, "latitude"),
    ({"latitude": None, "longitude": Decimal("105.2")}, "latitude"),
    ({"latitude": Decimal("90.000001")}, "latitude"),
    ({"latitude": Decimal("-90.5")}, "latitude"),
    ({"longitude": Decimal("180.1")}, "longitude"),
    ({"longitude": Decimal("-181")}, "longitude"),
    ({"name": "   "}, "name"),
    ({"crop": ""}, "crop"),
    ({"commune": " "}, "commune"),
    ({"expected_yield_kg": 0}, "expected_yield_kg"),
    ({"expected_yield_kg": -5}, "expected_yield_kg"),
    ({"seasons_per_year": 0}, "seasons_per_year"),
    ({"seasons_per_year": 5}, "seasons_per_year"),
    ({"province_id": 987_654}, "province_id"),
])
def test_a_zone_breaking_a_rule_is_refused_on_that_field(producer, changes, field):
    assert refused_field(validate_zone, zone_input(producer, **changes)).field == field


@pytest.mark.parametrize("changes", [
    {"latitude": None, "longitude": None},
    {"latitude": Decimal("90"), "longitude": Decimal("-180")},
    {"latitude": Decimal("-90"), "longitude": Decimal("180")},
    {"seasons_per_year": 4},
    {"expected_yield_kg": 1},
])
def test_values_at_the_limits_are_accepted(producer, changes):
    validate_zone(zone_input(producer, **changes))


@pytest.mark.parametrize("standard", [Standard.VIETGAP, Standard.GLOBALGAP, Standard.ORGANIC])
def test_a_standard_needs_its_certificate_number_and_expiry(producer, standard):
    refused = refused_field(validate_zone, zone_input(
        producer, standard=standard, standard_certificate="  "))
    assert refused.field == "standard_certificate"
    refused = refused_field(validate_zone, zone_input(
        producer, standard=standard, standard_expires_on=None))
    assert refused.field == "standard_expires_on"


def test_the_vietgap_refusal_names_the_standard(producer):
    refused = refused_field(validate_zone, zone_input(producer, standard_certificate=""))
    assert refused.message == "Enter the number of the VietGAP certificate."


def test_a_zone_without_standard_keeps_no_certificate(session, producer, member):
    zone = create_zone(producer.id, zone_input(
        producer, standard=Standard.NONE, standard_certificate="VG-1",
        standard_expires_on=date(2030, 1, 1)), actor=member)
    assert (zone.standard, zone.standard_certificate, zone.standard_expires_on) == (
        Standard.NONE, "", None)


def test_a_saved_zone_holds_its_cycle_standard_and_status_as_such(session, producer, member):
    """The service hands back the zone it saved: its enums stay enums (a StrEnum is a str,
    and trimming it turns it into a plain one), so `zone.status is ZoneStatus.…` holds."""
    zone = create_zone(producer.id, zone_input(producer, cycle=CropCycle.ANNUAL), actor=member)
    assert zone.cycle is CropCycle.ANNUAL
    assert zone.standard is Standard.VIETGAP
    assert zone.status is ZoneStatus.ACTIVE
    update_zone(zone.id, zone_input(producer, status=ZoneStatus.SUSPENDED), actor=member)
    assert zone.status is ZoneStatus.SUSPENDED


# --- who may register and change zones --------------------------------------------------------

def test_a_member_of_another_producer_may_not_create_or_change_this_producers_zones(
        session, producer):
    outsider = UserFactory(role=Role.PRODUCER, producer=ProducerFactory())
    zone = ZoneFactory(producer=producer, code=CODE, name="Trước")
    with pytest.raises(Forbidden):
        create_zone(producer.id, zone_input(producer, code="VN-24-213-07573-09-22"),
                    actor=outsider)
    with pytest.raises(Forbidden):
        update_zone(zone.id, zone_input(producer, name="Sau"), actor=outsider)
    with pytest.raises(Forbidden):
        get_zone(zone.id, outsider)
    assert zone.name == "Trước"
    assert session.scalar(select(func.count()).select_from(Zone)) == 1


@pytest.mark.parametrize("role", [Role.CUSTOMER, Role.OFFICER, Role.OUTLET_STAFF])
def test_people_outside_producers_may_not_register_zones(session, producer, role):
    actor = UserFactory(role=role)
    with pytest.raises(Forbidden):
        create_zone(producer.id, zone_input(producer), actor=actor)
    zone = ZoneFactory(producer=producer)
    with pytest.raises(Forbidden):
        update_zone(zone.id, zone_input(producer), actor=actor)


def test_a_member_removed_from_the_producer_may_no_longer(session, producer, member):
    create_zone(producer.id, zone_input(producer), actor=member)
    member.memberships.clear()
    session.flush()
    with pytest.raises(Forbidden):
        create_zone(producer.id, zone_input(producer, code="VN-68-672-24781-09-25"),
                    actor=member)


def test_the_permission_is_checked_before_the_data(session, producer):
    outsider = UserFactory(role=Role.PRODUCER, producer=ProducerFactory())
    with pytest.raises(Forbidden):
        create_zone(producer.id, zone_input(producer, code="nonsense"), actor=outsider)


def test_an_admin_may_register_a_zone_for_any_producer(session, producer):
    admin = UserFactory(role=Role.ADMIN)
    assert create_zone(producer.id, zone_input(producer), actor=admin).producer_id == producer.id


def test_an_unknown_zone_is_not_found(session, member, producer):
    with pytest.raises(NotFound):
        get_zone(987_654, member)
    with pytest.raises(NotFound):
        update_zone(987_654, zone_input(producer), actor=member)


# --- seasons ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "seasons", "expected"), [
    (date(2026, 1, 1), 1, (2026, 1)),
    (date(2026, 12, 31), 1, (2026, 1)),
    (date(2026, 6, 30), 2, (2026, 1)),
    (date(2026, 7, 1), 2, (2026, 2)),
    (date(2026, 4, 30), 3, (2026, 1)),
    (date(2026, 5, 1), 3, (2026, 2)),
    (date(2026, 8, 31), 3, (2026, 2)),
    (date(2026, 9, 1), 3, (2026, 3)),
    (date(2026, 3, 31), 4, (2026, 1)),
    (date(2026, 4, 1), 4, (2026, 2)),
    (date(2026, 9, 30), 4, (2026, 3)),
    (date(2026, 10, 1), 4, (2026, 4)),
    (date(2025, 12, 31), 4, (2025, 4)),
])
def test_the_season_of_a_harvest(day, seasons, expected):
    assert season_of(day, seasons) == expected


@pytest.mark.parametrize(("year", "season", "seasons", "bounds"), [
    (2026, 1, 1, (date(2026, 1, 1), date(2026, 12, 31))),
    (2026, 1, 2, (date(2026, 1, 1), date(2026, 6, 30))),
    (2026, 2, 2, (date(2026, 7, 1), date(2026, 12, 31))),
    (2026, 1, 3, (date(2026, 1, 1), date(2026, 4, 30))),
    (2026, 2, 3, (date(2026, 5, 1), date(2026, 8, 31))),
    (2026, 3, 3, (date(2026, 9, 1), date(2026, 12, 31))),
    (2028, 1, 4, (date(2028, 1, 1), date(2028, 3, 31))),
    (2028, 4, 4, (date(2028, 10, 1), date(2028, 12, 31))),
])
def test_the_bounds_of_a_season(year, season, seasons, bounds):
    assert season_bounds(year, season, seasons) == bounds


@PROPERTY
@given(day=st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31)),
       seasons=st.integers(min_value=1, max_value=4))
def test_every_day_falls_within_the_bounds_of_its_season(day, seasons):
    year, season = season_of(day, seasons)
    assert year == day.year
    assert 1 <= season <= seasons
    first, last = season_bounds(year, season, seasons)
    assert first <= day <= last


@PROPERTY
@given(year=st.integers(min_value=1901, max_value=9998),
       seasons=st.integers(min_value=1, max_value=4))
def test_the_seasons_of_a_year_cover_it_without_gap_or_overlap(year, seasons):
    bounds = [season_bounds(year, season, seasons) for season in range(1, seasons + 1)]
    assert bounds[0][0] == date(year, 1, 1)
    assert bounds[-1][1] == date(year, 12, 31)
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        assert start == end + timedelta(days=1)
    assert all(first <= last for first, last in bounds)
    # Seasons are as even as the calendar allows: the same number of months each.
    assert all(season_of(first, seasons) == (year, index + 1)
               and season_of(last, seasons) == (year, index + 1)
               for index, (first, last) in enumerate(bounds))

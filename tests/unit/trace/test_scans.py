"""Scans: each check of a code is counted and logged; made-up serials and copied labels show."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from shop.trace.models import Scan, Unit
from shop.trace.scans import UnitCheck, peek_unit, record_scan
from tests.factories import LotFactory, UnitFactory

FIRST = datetime(2026, 3, 16, 3, 0, tzinfo=UTC)  # 10:00 in Hà Nội
LATER = datetime(2026, 4, 2, 12, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(FIRST, tick=False)
    return time_machine


def utc(value: datetime | None) -> datetime | None:
    """A stored instant as aware UTC (SQLite hands them back naive)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def counters(session, unit) -> tuple[int, datetime | None, datetime | None]:
    """What the database holds for a unit: scans, first and last scan."""
    row = session.execute(select(Unit.scan_count, Unit.first_scanned_at, Unit.last_scanned_at)
                          .where(Unit.id == unit.id)).one()
    return row.scan_count, utc(row.first_scanned_at), utc(row.last_scanned_at)


def scans(session) -> list[Scan]:
    return list(session.scalars(select(Scan).order_by(Scan.id)))


@pytest.fixture
def unit():
    return UnitFactory()


def test_the_first_scan_of_a_unit_counts_one_and_dates_it(session, unit):
    check = record_scan(unit.lot_id, unit.serial)
    assert (check.serial, check.genuine, check.scan_count) == (unit.serial, True, 1)
    assert utc(check.first_scanned_at) == FIRST
    assert counters(session, unit) == (1, FIRST, FIRST)
    (scan,) = scans(session)
    assert (scan.lot_id, scan.unit_id, scan.unknown_serial) == (unit.lot_id, unit.id, None)
    assert utc(scan.scanned_at) == FIRST


def test_later_scans_count_up_and_keep_the_first_date(session, unit, frozen):
    record_scan(unit.lot_id, unit.serial)
    frozen.move_to(LATER, tick=False)
    check = record_scan(unit.lot_id, unit.serial)
    check = record_scan(unit.lot_id, unit.serial)
    assert check.scan_count == 3
    assert utc(check.first_scanned_at) == FIRST
    assert counters(session, unit) == (3, FIRST, LATER)
    assert [s.unit_id for s in scans(session)] == [unit.id] * 3


def test_a_serial_never_issued_is_not_genuine_and_is_logged(session, unit):
    check = record_scan(unit.lot_id, "ZZZZZZZZZZZZZ")
    assert check == UnitCheck(serial="ZZZZZZZZZZZZZ", genuine=False)
    assert (check.scan_count, check.first_scanned_at, check.suspicious) == (0, None, False)
    (scan,) = scans(session)
    assert (scan.lot_id, scan.unit_id, scan.unknown_serial) == (
        unit.lot_id, None, "ZZZZZZZZZZZZZ")
    assert counters(session, unit)[0] == 0


def test_a_real_serial_shown_with_another_lots_link_is_not_genuine(session, unit):
    other_lot = LotFactory()
    check = record_scan(other_lot.id, unit.serial)
    assert not check.genuine
    assert counters(session, unit)[0] == 0
    assert scans(session)[0].unknown_serial == unit.serial


def test_a_lot_scan_without_serial_is_logged_but_checks_no_unit(session, unit):
    assert record_scan(unit.lot_id, None) is None
    (scan,) = scans(session)
    assert (scan.lot_id, scan.unit_id, scan.unknown_serial) == (unit.lot_id, None, None)
    assert counters(session, unit)[0] == 0


def test_only_the_scanned_unit_counts(session, unit):
    sibling = UnitFactory(run=unit.run)
    record_scan(unit.lot_id, unit.serial)
    assert counters(session, sibling) == (0, None, None)


def test_peeking_does_not_count(session, unit):
    record_scan(unit.lot_id, unit.serial)
    peeked = peek_unit(unit.lot_id, unit.serial)
    assert (peeked.genuine, peeked.scan_count) == (True, 1)
    assert not peek_unit(unit.lot_id, "NOT-ISSUED").genuine
    assert counters(session, unit)[0] == 1
    assert len(scans(session)) == 1


def test_ten_checks_are_normal_the_eleventh_is_suspicious(session, unit, app):
    assert app.config["SUSPICIOUS_SCAN_COUNT"] == 10
    checks = [record_scan(unit.lot_id, unit.serial) for _ in range(11)]
    assert [c.scan_count for c in checks] == list(range(1, 12))
    assert not any(c.suspicious for c in checks[:10])
    assert checks[10].suspicious


@pytest.mark.parametrize(("count", "suspicious"), [(0, False), (10, False), (11, True),
                                                   (500, True)])
def test_the_suspicious_boundary(count, suspicious):
    assert UnitCheck("S", True, scan_count=count).suspicious is suspicious


def test_the_threshold_is_configurable(app, monkeypatch):
    monkeypatch.setitem(app.config, "SUSPICIOUS_SCAN_COUNT", 2)
    assert not UnitCheck("S", True, scan_count=2).suspicious
    assert UnitCheck("S", True, scan_count=3).suspicious


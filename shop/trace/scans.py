"""Scan logging: count each check of a code, and tell a copied or made-up serial apart."""

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import DateTime, String, bindparam, func, insert, select, text, update

from shop.core.clock import utcnow
from shop.database import write_transaction
from shop.extensions import db
from shop.trace.models import Scan, Unit

_units, _scans = Unit.__table__, Scan.__table__


@dataclass(frozen=True)
class UnitCheck:
    """What a shopper learns about a serialised code when scanning it."""

    serial: str
    genuine: bool
    scan_count: int = 0
    first_scanned_at: datetime | None = None

    @property
    def suspicious(self) -> bool:
        """Checked more often than one package's buyers would: possibly a copied label."""
        return self.scan_count > current_app.config["SUSPICIOUS_SCAN_COUNT"]


# PostgreSQL does it all in one round trip: relax durability for this transaction (a crash
# may lose the last few scans, never corrupt anything, and the page no longer waits on a WAL
# flush), count the unit's scan and read its counters back, and log the scan.
_PG_SCAN = text("""
WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
counted AS (
    UPDATE units SET scan_count = scan_count + 1, last_scanned_at = :now,
                     first_scanned_at = coalesce(first_scanned_at, :now)
    WHERE lot_id = :lot_id AND serial = :serial
    RETURNING id, scan_count, first_scanned_at),
logged AS (
    INSERT INTO scans (lot_id, unit_id, unknown_serial, scanned_at)
    SELECT :lot_id, (SELECT id FROM counted),
           CASE WHEN :serial IS NOT NULL AND NOT EXISTS (SELECT 1 FROM counted)
                THEN :serial END, :now)
SELECT counted.id, counted.scan_count, counted.first_scanned_at
FROM relaxed LEFT JOIN counted ON true
""").bindparams(bindparam("serial", type_=String), bindparam("now", type_=DateTime(True)))


def record_scan(lot_id: int, serial: str | None) -> UnitCheck | None:
    """Log one scan of a lot (or one unit); the caller commits. None when no serial was asked."""
    write_transaction()
    now = utcnow()
    # Core statements on the session's connection: this runs on every scan, and the ORM's
    # bulk-update bookkeeping cost more than the statements themselves.
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        row = connection.execute(_PG_SCAN, {"lot_id": lot_id, "serial": serial,
                                            "now": now}).first()
    else:
        row = _count_and_log(connection, lot_id, serial, now)
    if serial is None:
        return None
    if row is None or row.id is None:
        return UnitCheck(serial=serial, genuine=False)
    return UnitCheck(serial=serial, genuine=True, scan_count=row.scan_count,
                     first_scanned_at=row.first_scanned_at)


def _count_and_log(connection, lot_id: int, serial: str | None, now: datetime):
    """The same as _PG_SCAN in two portable statements (SQLite, for development)."""
    row = None
    if serial is not None:
        # One statement counts the scan and reads the counters back, so concurrent scans of
        # one code never lose a count.
        row = connection.execute(
            update(_units).where(_units.c.lot_id == lot_id, _units.c.serial == serial)
            .values(scan_count=_units.c.scan_count + 1, last_scanned_at=now,
                    first_scanned_at=func.coalesce(_units.c.first_scanned_at, now))
            .returning(_units.c.id, _units.c.scan_count, _units.c.first_scanned_at)).first()
    connection.execute(insert(_scans).values(
        lot_id=lot_id, unit_id=row.id if row else None,
        unknown_serial=serial if serial is not None and row is None else None, scanned_at=now))
    return row


def peek_unit(lot_id: int, serial: str) -> UnitCheck:
    """A unit's counters without counting a scan (for machines asking for links)."""
    row = db.session.execute(
        select(_units.c.scan_count, _units.c.first_scanned_at)
        .where(_units.c.lot_id == lot_id, _units.c.serial == serial)).first()
    if row is None:
        return UnitCheck(serial=serial, genuine=False)
    return UnitCheck(serial=serial, genuine=True, scan_count=row.scan_count,
                     first_scanned_at=row.first_scanned_at)

"""Scan logging: count each check of a code, and tell a copied or made-up serial apart."""

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import func, insert, select, text, update

from shop.clock import utcnow
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


def record_scan(lot_id: int, serial: str | None) -> UnitCheck | None:
    """Log one scan of a lot (or one unit); the caller commits. None when no serial was asked."""
    now = utcnow()
    # Core statements on the session's connection: this runs on every scan, and the ORM's
    # bulk-update bookkeeping cost more than the statements themselves.
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        # Commit scans without waiting for the disk: a crash may lose the last few scans,
        # never corrupt anything, and the page no longer waits on a WAL flush.
        connection.execute(text("SET LOCAL synchronous_commit TO OFF"))
    check = unit_id = unknown = None
    if serial is not None:
        # One statement counts the scan and reads the counters back, so concurrent scans of
        # one code never lose a count.
        row = connection.execute(
            update(_units).where(_units.c.lot_id == lot_id, _units.c.serial == serial)
            .values(scan_count=_units.c.scan_count + 1, last_scanned_at=now,
                    first_scanned_at=func.coalesce(_units.c.first_scanned_at, now))
            .returning(_units.c.id, _units.c.scan_count, _units.c.first_scanned_at)).first()
        if row is None:
            unknown = serial
            check = UnitCheck(serial=serial, genuine=False)
        else:
            unit_id = row.id
            check = UnitCheck(serial=serial, genuine=True, scan_count=row.scan_count,
                              first_scanned_at=row.first_scanned_at)
    connection.execute(insert(_scans).values(lot_id=lot_id, unit_id=unit_id,
                                             unknown_serial=unknown, scanned_at=now))
    return check


def peek_unit(lot_id: int, serial: str) -> UnitCheck:
    """A unit's counters without counting a scan (for machines asking for links)."""
    row = db.session.execute(
        select(_units.c.scan_count, _units.c.first_scanned_at)
        .where(_units.c.lot_id == lot_id, _units.c.serial == serial)).first()
    if row is None:
        return UnitCheck(serial=serial, genuine=False)
    return UnitCheck(serial=serial, genuine=True, scan_count=row.scan_count,
                     first_scanned_at=row.first_scanned_at)

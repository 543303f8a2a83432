"""Scan logging: count each check of a code, and tell a copied or made-up serial apart."""

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import func, insert, select, text, update

from shop.clock import utcnow
from shop.extensions import db
from shop.trace.models import Scan, Unit


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


def _relax_durability() -> None:
    """Commit scans without waiting for the disk on PostgreSQL: a crash may lose the last
    few scans, never corrupt anything, and the page no longer waits on a WAL flush."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SET LOCAL synchronous_commit TO OFF"))


def record_scan(lot_id: int, serial: str | None) -> UnitCheck | None:
    """Log one scan of a lot (or one unit); the caller commits. None when no serial was asked."""
    now = utcnow()
    _relax_durability()
    check = None
    unit_id = unknown = None
    if serial is not None:
        # One statement counts the scan and reads the counters back, so concurrent scans of
        # one code never lose a count.
        row = db.session.execute(
            update(Unit).where(Unit.lot_id == lot_id, Unit.serial == serial)
            .values(scan_count=Unit.scan_count + 1, last_scanned_at=now,
                    first_scanned_at=func.coalesce(Unit.first_scanned_at, now))
            .returning(Unit.id, Unit.scan_count, Unit.first_scanned_at)).first()
        if row is None:
            unknown = serial
            check = UnitCheck(serial=serial, genuine=False)
        else:
            unit_id = row.id
            check = UnitCheck(serial=serial, genuine=True, scan_count=row.scan_count,
                              first_scanned_at=row.first_scanned_at)
    db.session.execute(insert(Scan).values(lot_id=lot_id, unit_id=unit_id,
                                           unknown_serial=unknown, scanned_at=now))
    return check


def peek_unit(lot_id: int, serial: str) -> UnitCheck:
    """A unit's counters without counting a scan (for machines asking for links)."""
    unit = db.session.scalar(select(Unit).where(Unit.lot_id == lot_id, Unit.serial == serial))
    if unit is None:
        return UnitCheck(serial=serial, genuine=False)
    return UnitCheck(serial=serial, genuine=True, scan_count=unit.scan_count,
                     first_scanned_at=unit.first_scanned_at)

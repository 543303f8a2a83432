"""The shop's clock: dates are calendar dates in Vietnam, timestamps are UTC."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from shop.config import SHOP_TIMEZONE

SHOP_ZONE = ZoneInfo(SHOP_TIMEZONE)


def today() -> date:
    """Today's date in Vietnam, where certificates are dated."""
    return datetime.now(SHOP_ZONE).date()


def utcnow() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


def add_months(start: date, months: int) -> date:
    """`start` plus whole months, clamping the day (2024-02-29 + 12 -> 2025-02-28)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, min(start.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def local_date(instant: datetime) -> date:
    """The date in Vietnam of an instant; naive values are UTC (SQLite drops the offset)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(SHOP_ZONE).date()

"""OCOP rules with their numbers (Decisions 148/QĐ-TTg 2023 and 1489/QĐ-TTg 2025)."""

import enum
from datetime import date, timedelta
from typing import Protocol

from flask_babel import lazy_gettext as _l

from shop.clock import add_months
from shop.ocop.models import Level

# Score bands per star, inclusive (Decision 148/QĐ-TTg).
STAR_BANDS: dict[int, tuple[int, int]] = {
    1: (0, 29),
    2: (30, 49),
    3: (50, 69),
    4: (70, 89),
    5: (90, 100),
}
MIN_OCOP_STARS = 3
VALIDITY_MONTHS = 36
EXPIRING_WITHIN = timedelta(days=90)
# Parts of the 100-point score: A community strength, B marketing and story, C quality.
PART_MAXIMUMS = {"score_a": 40, "score_b": 25, "score_c": 35}
# From Decision 1489/QĐ-TTg (6 July 2025) the district level is gone.
LEVEL_REFORM_DATE = date(2025, 7, 6)
_LEVELS_BEFORE_REFORM = {1: Level.DISTRICT, 2: Level.DISTRICT, 3: Level.DISTRICT,
                         4: Level.PROVINCE, 5: Level.NATIONAL}
_LEVELS_FROM_REFORM = {1: Level.PROVINCE, 2: Level.PROVINCE, 3: Level.PROVINCE,
                       4: Level.PROVINCE, 5: Level.NATIONAL}


class Status(enum.StrEnum):
    """Where a certificate stands on a given day."""

    CURRENT = "current"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NOT_YET_VALID = "not_yet_valid"
    SUPERSEDED = "superseded"
    BELOW_OCOP = "below_ocop"


STATUS_LABELS = {
    Status.CURRENT: _l("Current"),
    Status.EXPIRING: _l("Expiring within 90 days"),
    Status.EXPIRED: _l("Expired"),
    Status.REVOKED: _l("Revoked"),
    Status.NOT_YET_VALID: _l("Not yet valid"),
    Status.SUPERSEDED: _l("Superseded"),
    Status.BELOW_OCOP: _l("Below 3 stars"),
}
LEVEL_LABELS = {
    Level.DISTRICT: _l("District level"),
    Level.PROVINCE: _l("Province level"),
    Level.NATIONAL: _l("National level"),
}
LISTABLE_STATUSES = frozenset({Status.CURRENT, Status.EXPIRING})


def stars_for_score(score: int) -> int:
    """The star band a total score falls in."""
    for stars, (low, high) in STAR_BANDS.items():
        if low <= score <= high:
            return stars
    raise ValueError(f"score {score} is outside 0–100")


def level_for(stars: int, recognized_on: date) -> Level:
    """The council level that recognises `stars` under the rules in force on that date."""
    table = _LEVELS_BEFORE_REFORM if recognized_on < LEVEL_REFORM_DATE else _LEVELS_FROM_REFORM
    return table[stars]


def expiry_for(recognized_on: date) -> date:
    """The last day a certificate recognised on `recognized_on` is valid."""
    return add_months(recognized_on, VALIDITY_MONTHS)


class CertificateDates(Protocol):
    """The facts the status of a certificate depends on (a Certificate has them)."""

    stars: int
    recognized_on: date
    expires_on: date
    revoked_on: date | None
    superseded: bool


def status_on(cert: CertificateDates, today: date) -> Status:
    """The status of a certificate on `today`; mirrors the SQL in catalog.listing."""
    if cert.revoked_on is not None:
        return Status.REVOKED
    if cert.superseded:
        return Status.SUPERSEDED
    if cert.stars < MIN_OCOP_STARS:
        return Status.BELOW_OCOP
    if cert.recognized_on > today:
        return Status.NOT_YET_VALID
    if cert.expires_on < today:
        return Status.EXPIRED
    if cert.expires_on - today <= EXPIRING_WITHIN:
        return Status.EXPIRING
    return Status.CURRENT

"""OCOP rules with their numbers (Decisions 148/QĐ-TTg 2023 and 1489/QĐ-TTg 2025)."""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l

from shop.core.clock import add_months
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


LEVEL_LABELS = {
    Level.DISTRICT: _l("District level"),
    Level.PROVINCE: _l("Province level"),
    Level.NATIONAL: _l("National level"),
}


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

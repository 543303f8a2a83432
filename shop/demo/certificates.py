"""Certificates for the demo products, recorded through the registry so every rule holds.

Most products get a current certificate; a few are planned to show what the listing rule
hides (expired, revoked, below three stars) and what it still shows (expiring soon, and a
product re-evaluated upwards whose older certificate is superseded).
"""

import enum
from datetime import date, timedelta
from random import Random

from shop.accounts.models import User
from shop.catalog.models import Product
from shop.core.clock import add_months
from shop.demo.catalog import SeededProduct
from shop.demo.reference import full_name
from shop.demo.rows import ProducerRow
from shop.ocop.models import Certificate, Level
from shop.ocop.rules import PART_MAXIMUMS, STAR_BANDS, VALIDITY_MONTHS, level_for
from shop.registry.services import (
    CertificateInput,
    RevocationInput,
    record_certificate,
    revoke_certificate,
)


class Fate(enum.StrEnum):
    """What the demo does with a product's certificates."""

    CURRENT = "current"
    EXPIRING = "expiring"
    UPGRADED = "upgraded"
    EXPIRED = "expired"
    REVOKED = "revoked"
    LOW_STARS = "low_stars"


# How many products get each special fate; the rest are simply current.
FATE_COUNTS = {Fate.EXPIRED: 7, Fate.REVOKED: 6, Fate.LOW_STARS: 7, Fate.EXPIRING: 10,
               Fate.UPGRADED: 5}
HIDDEN_FATES = frozenset({Fate.EXPIRED, Fate.REVOKED, Fate.LOW_STARS})
LISTED_STAR_WEIGHTS = {3: 55, 4: 35, 5: 10}
PROVINCE_MERGER_DATE = date(2025, 7, 1)
# The Ministry of Agriculture and Rural Development became Agriculture and Environment.
MINISTRY_MERGER_DATE = date(2025, 3, 1)
REVOCATION_REASONS = (
    "Không đạt yêu cầu khi đánh giá lại định kỳ.",
    "Vi phạm quy định về an toàn thực phẩm qua kiểm tra đột xuất.",
    "Không duy trì hồ sơ truy xuất nguồn gốc theo cam kết.",
    "Chủ thể đã ngừng sản xuất sản phẩm.",
    "Sử dụng nhãn OCOP ghi sai hạng sao trên bao bì.",
)


def plan_fates(count: int, rng: Random) -> list[Fate]:
    """A fate for each of `count` products, special fates at seeded random positions."""
    fates = [Fate.CURRENT] * count
    special = rng.sample(range(count), sum(FATE_COUNTS.values()))
    for fate, n in FATE_COUNTS.items():
        for index in special[:n]:
            fates[index] = fate
        special = special[n:]
    return fates


def certify(seeded: list[SeededProduct], officer: User, today: date,
            rng: Random) -> list[Fate]:
    """Record (and where planned, revoke) each product's certificates; return the fates."""
    fates = plan_fates(len(seeded), rng)
    oldest_current = add_months(today, -VALIDITY_MONTHS) + timedelta(days=95)
    for (product, origin), fate in zip(seeded, fates, strict=True):
        issue = _Issuer(product, origin, officer, today, rng)
        if fate is Fate.CURRENT:
            issue(_listed_stars(rng), today - timedelta(days=rng.randint(
                1, (today - oldest_current).days)))
        elif fate is Fate.EXPIRING:
            ends = today + timedelta(days=rng.randint(5, 80))
            issue(_listed_stars(rng), add_months(ends, -VALIDITY_MONTHS))
        elif fate is Fate.UPGRADED:
            issue(3, today - timedelta(days=rng.randint(700, 1000)))
            issue(4, today - timedelta(days=rng.randint(10, 300)))
        elif fate is Fate.EXPIRED:
            issue(_listed_stars(rng), add_months(today, -VALIDITY_MONTHS)
                  - timedelta(days=rng.randint(10, 300)))
        elif fate is Fate.REVOKED:
            certificate = issue(_listed_stars(rng), today - timedelta(days=rng.randint(120, 900)))
            _revoke(certificate, origin, officer, today, rng)
        else:
            issue(rng.choice((1, 2)), today - timedelta(days=rng.randint(30, 700)))
    return fates


def _listed_stars(rng: Random) -> int:
    return rng.choices(list(LISTED_STAR_WEIGHTS), weights=list(LISTED_STAR_WEIGHTS.values()))[0]


class _Issuer:
    """Records certificates for one product as the authority of the day would issue them."""

    def __init__(self, product: Product, origin: ProducerRow, officer: User, today: date,
                 rng: Random) -> None:
        self.product, self.origin, self.officer = product, origin, officer
        self.today, self.rng = today, rng

    def __call__(self, stars: int, recognized_on: date) -> Certificate:
        level = level_for(stars, recognized_on)
        score = self.rng.randint(*STAR_BANDS[stars])
        score_a, score_b, score_c = _parts(score, self.rng)
        number, authority = _decision(self.origin, level, recognized_on, self.rng)
        return record_certificate(CertificateInput(
            product_id=self.product.id, number=number, authority=authority, level=level,
            score=score, stars=stars, recognized_on=recognized_on,
            score_a=score_a, score_b=score_b, score_c=score_c,
        ), self.officer, self.today)


def _parts(score: int, rng: Random) -> tuple[int, int, int]:
    """Split a total into parts A (≤40), B (≤25) and C (≤35) roughly in proportion."""
    max_a, max_b, max_c = PART_MAXIMUMS.values()
    a = round(score * max_a / 100 + rng.uniform(-3, 3))
    a = min(max(a, score - max_b - max_c, 0), max_a, score)
    rest = score - a
    b = round(rest * max_b / (max_b + max_c) + rng.uniform(-2, 2))
    b = min(max(b, rest - max_c, 0), max_b, rest)
    return a, b, rest - b


def _decision(origin: ProducerRow, level: Level, on: date, rng: Random) -> tuple[str, str]:
    """The decision number and issuing authority for a recognition at `level` on `on`."""
    serial = rng.randint(120, 3900)
    if level is Level.NATIONAL:
        if on < MINISTRY_MERGER_DATE:
            return f"{serial}/QĐ-BNN-VPĐP", "Bộ Nông nghiệp và Phát triển nông thôn"
        return f"{serial}/QĐ-BNNMT", "Bộ Nông nghiệp và Môi trường"
    if level is Level.DISTRICT:
        return f"{serial}/QĐ-UBND", f"UBND {origin.district}"
    province = origin.former_province if on < PROVINCE_MERGER_DATE else origin.province
    return f"{serial}/QĐ-UBND", f"UBND {full_name(province)}"


def _revoke(certificate: Certificate, origin: ProducerRow, officer: User, today: date,
            rng: Random) -> None:
    revoked_on = certificate.recognized_on + timedelta(
        days=rng.randint(30, (today - certificate.recognized_on).days - 1))
    number, _authority = _decision(origin, Level.PROVINCE, revoked_on, rng)
    revoke_certificate(certificate.id, RevocationInput(
        number=number, revoked_on=revoked_on, reason=rng.choice(REVOCATION_REASONS),
    ), officer, today)

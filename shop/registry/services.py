"""The certificate registry: record, revoke and list certificates, with every rule checked."""

import math
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from shop.accounts.models import Role, User
from shop.catalog.models import Product
from shop.core import clock
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.extensions import db
from shop.ocop.listing_rule import Status, status_expression
from shop.ocop.models import Certificate, Level
from shop.ocop.rules import (
    LEVEL_LABELS,
    PART_MAXIMUMS,
    STAR_BANDS,
    expiry_for,
    level_for,
)
from shop.producers.models import Producer


@dataclass(frozen=True)
class CertificateInput:
    """What an officer enters to record a certificate."""

    product_id: int
    number: str
    authority: str
    level: Level
    score: int
    stars: int
    recognized_on: date
    score_a: int | None = None
    score_b: int | None = None
    score_c: int | None = None


@dataclass(frozen=True)
class RevocationInput:
    """What an officer enters to revoke a certificate."""

    number: str
    revoked_on: date
    reason: str


def _require_officer(actor: User) -> None:
    if not actor.has_role(Role.OFFICER):
        raise Forbidden(_("Only a trade promotion officer may change the certificate registry."))


def validate_certificate(data: CertificateInput, today: date) -> None:
    """Raise InvalidInput naming the first field that breaks an OCOP rule."""
    if not data.number.strip():
        raise InvalidInput(_("Enter the decision number."), "number")
    if not data.authority.strip():
        raise InvalidInput(_("Enter the issuing authority."), "authority")
    if data.stars not in STAR_BANDS:
        raise InvalidInput(_("Stars must be between 1 and 5."), "stars")
    low, high = STAR_BANDS[data.stars]
    if not low <= data.score <= high:
        raise InvalidInput(
            _("A %(stars)d-star product scores %(low)d to %(high)d points, not %(score)d.",
              stars=data.stars, low=low, high=high, score=data.score), "score")
    parts = {name: getattr(data, name) for name in PART_MAXIMUMS}
    for name, value in parts.items():
        if value is not None and not 0 <= value <= PART_MAXIMUMS[name]:
            raise InvalidInput(_("This part scores 0 to %(max)d points.",
                                 max=PART_MAXIMUMS[name]), name)
    if all(v is not None for v in parts.values()) and sum(parts.values()) != data.score:
        raise InvalidInput(_("Parts A, B and C add up to %(sum)d, not the total %(score)d.",
                             sum=sum(parts.values()), score=data.score), "score")
    if data.recognized_on > today:
        raise InvalidInput(_("The recognition date cannot be in the future."), "recognized_on")
    expected = level_for(data.stars, data.recognized_on)
    if data.level != expected:
        raise InvalidInput(
            _("On %(date)s a %(stars)d-star product is recognised at %(level)s.",
              date=data.recognized_on.isoformat(), stars=data.stars, level=LEVEL_LABELS[expected]),
            "level")


def record_certificate(data: CertificateInput, actor: User, today: date | None = None
                       ) -> Certificate:
    """Record a validated certificate; it becomes the product's live one, superseding the last."""
    _require_officer(actor)
    today = today or clock.today()
    validate_certificate(data, today)
    product = db.session.get(Product, data.product_id)
    if product is None:
        raise InvalidInput(_("Choose an existing product."), "product_id")
    previous = db.session.scalar(select(Certificate).where(
        Certificate.product_id == product.id, Certificate.superseded.is_(False)))
    if previous is not None:
        if previous.recognized_on > data.recognized_on:
            raise InvalidInput(
                _("A newer certificate (recognised %(date)s) is already recorded.",
                  date=previous.recognized_on.isoformat()), "recognized_on")
        previous.superseded = True
        db.session.flush()  # the partial unique index allows one live certificate
    certificate = Certificate(
        product_id=product.id, number=data.number.strip(), authority=data.authority.strip(),
        level=data.level, score=data.score, score_a=data.score_a, score_b=data.score_b,
        score_c=data.score_c, stars=data.stars, recognized_on=data.recognized_on,
        expires_on=expiry_for(data.recognized_on), recorded_by_id=actor.id,
    )
    db.session.add(certificate)
    db.session.flush()
    return certificate


def _ensure_not_revoked(certificate: Certificate) -> None:
    if certificate.revoked_on is not None:
        raise InvalidState(_("This certificate was already revoked on %(date)s.",
                             date=certificate.revoked_on.isoformat()))


def revoke_certificate(certificate_id: int, data: RevocationInput, actor: User,
                       today: date | None = None) -> Certificate:
    """Revoke a certificate by decision; its product leaves the catalog at once."""
    _require_officer(actor)
    today = today or clock.today()
    certificate = db.session.get(Certificate, certificate_id, with_for_update=True)
    if certificate is None:
        raise NotFound(_("No such certificate."))
    _ensure_not_revoked(certificate)
    if not data.number.strip():
        raise InvalidInput(_("Enter the revocation decision number."), "number")
    if data.revoked_on > today:
        raise InvalidInput(_("The revocation date cannot be in the future."), "revoked_on")
    if data.revoked_on < certificate.recognized_on:
        raise InvalidInput(_("The revocation date cannot be before the recognition date."),
                           "revoked_on")
    if len(data.reason.strip()) < 5:
        raise InvalidInput(_("Give the reason for the revocation."), "reason")
    certificate.revoked_on = data.revoked_on
    certificate.revocation_number = data.number.strip()
    certificate.revocation_reason = data.reason.strip()
    certificate.revoked_at = clock.utcnow()
    db.session.flush()
    return certificate


def registry_query(status: Status | None, today: date | None = None) -> Select:
    """Certificates with product and producer, optionally of one status, soonest expiry first."""
    today = today or clock.today()
    stmt = (
        select(Certificate, status_expression(today).label("status"))
        .join(Certificate.product)
        .options(joinedload(Certificate.product).joinedload(Product.producer)
                 .joinedload(Producer.province))
        .order_by(Certificate.expires_on, Certificate.id)
    )
    if status is not None:
        stmt = stmt.where(status_expression(today) == status.value)
    return stmt


@dataclass(frozen=True)
class RegistryPage:
    """One page of the registry: (certificate, status) rows, the total, and every status's count."""

    rows: list[tuple[Certificate, Status]]
    page: int
    per_page: int
    total: int
    counts: dict[Status, int]

    @property
    def pages(self) -> int:
        """How many pages the certificates fill (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))


def status_counts(today: date | None = None) -> dict[Status, int]:
    """How many certificates have each status today (every Status, zero when none)."""
    status = status_expression(today or clock.today())
    rows = db.session.execute(select(status, func.count(Certificate.id)).group_by(status))
    counts = dict.fromkeys(Status, 0)
    counts.update({Status(value): count for value, count in rows})
    return counts


def registry_page(status: Status | None, page: int, per_page: int,
                  today: date | None = None) -> RegistryPage:
    """One page of certificates of `status` (None: all) and the status counts: two queries."""
    today = today or clock.today()
    counts = status_counts(today)
    total = counts[status] if status is not None else sum(counts.values())
    rows = db.session.execute(
        registry_query(status, today).limit(per_page).offset((page - 1) * per_page))
    return RegistryPage(rows=[(certificate, Status(value)) for certificate, value in rows],
                        page=page, per_page=per_page, total=total, counts=counts)


def product_choices() -> list[Product]:
    """Every product with its producer, by name: what an officer picks a certificate for."""
    return list(db.session.scalars(
        select(Product).options(joinedload(Product.producer))
        .order_by(Product.name_key, Product.id)))


def certificate_to_revoke(certificate_id: int) -> Certificate:
    """A certificate that can still be revoked, with its product and producer loaded."""
    certificate = db.session.scalar(
        select(Certificate).where(Certificate.id == certificate_id)
        .options(joinedload(Certificate.product).joinedload(Product.producer)))
    if certificate is None:
        raise NotFound(_("No such certificate."))
    _ensure_not_revoked(certificate)
    return certificate

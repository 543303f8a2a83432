"""The certificate registry: record, revoke and list certificates, with every rule checked."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.orm import contains_eager, joinedload

from shop.accounts.models import Role, User
from shop.accounts.offices import NATIONAL, in_scope, officer_scope
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

Scope = frozenset[int] | None


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


def require_officer(actor: User) -> Scope:
    """The provinces `actor` keeps the registry for (None: all); Forbidden for a non-officer."""
    if not actor.has_role(Role.OFFICER):
        raise Forbidden(_("Only a trade promotion officer may change the certificate registry."))
    return officer_scope(actor)


def other_province_message() -> str:
    """Why an officer may not act on a producer of a province outside their scope."""
    return _("This product is from another province: only that province's officers and "
             "national officers may change its certificates.")


def scope_filter(stmt: Select, scope: Scope) -> Select:
    """`stmt` (which joins Producer) narrowed to the producers of `scope`'s provinces."""
    if scope is NATIONAL:
        return stmt
    return stmt.where(Producer.province_id.in_(scope))


def validate_decision(number: str, authority: str, recognized_on: date, today: date) -> None:
    """Raise InvalidInput naming the field of a decision's number, authority or date at fault."""
    if not number.strip():
        raise InvalidInput(_("Enter the decision number."), "number")
    if not authority.strip():
        raise InvalidInput(_("Enter the issuing authority."), "authority")
    if recognized_on > today:
        raise InvalidInput(_("The recognition date cannot be in the future."), "recognized_on")


def validate_certificate(data: CertificateInput, today: date) -> None:
    """Raise InvalidInput naming the first field that breaks an OCOP rule."""
    validate_decision(data.number, data.authority, data.recognized_on, today)
    if data.stars not in STAR_BANDS:
        raise InvalidInput(_("Stars must be between 1 and 5."), "stars")
    low, high = STAR_BANDS[data.stars]
    if not low <= data.score <= high:
        raise InvalidInput(
            _("%(score)d is not in the %(stars)d-star band (%(low)d–%(high)d).",
              stars=data.stars, low=low, high=high, score=data.score), "score")
    parts = {name: getattr(data, name) for name in PART_MAXIMUMS}
    for name, value in parts.items():
        if value is not None and not 0 <= value <= PART_MAXIMUMS[name]:
            raise InvalidInput(_("This part scores 0 to %(max)d points.",
                                 max=PART_MAXIMUMS[name]), name)
    if all(v is not None for v in parts.values()) and sum(parts.values()) != data.score:
        raise InvalidInput(_("Parts A, B and C add up to %(sum)d, not the total %(score)d.",
                             sum=sum(parts.values()), score=data.score), "score")
    expected = level_for(data.stars, data.recognized_on)
    if data.level != expected:
        raise InvalidInput(
            _("On %(date)s a %(stars)d-star product is recognised at %(level)s.",
              date=data.recognized_on.isoformat(), stars=data.stars, level=LEVEL_LABELS[expected]),
            "level")


def record_certificate(data: CertificateInput, actor: User, today: date | None = None
                       ) -> Certificate:
    """Record a validated certificate; it becomes the product's live one, superseding the last."""
    require_officer(actor)
    today = today or clock.today()
    validate_certificate(data, today)
    product = db.session.get(Product, data.product_id)
    if product is None:
        raise InvalidInput(_("Choose an existing product."), "product_id")
    return record_certificates([(product, data)], actor, today)[0]


def ensure_supersedes(previous: Certificate, recognized_on: date) -> None:
    """InvalidInput on recognized_on unless a certificate recognised then may replace the live
    one: not when that one is newer, nor when it was revoked after that day."""
    if previous.recognized_on > recognized_on:
        raise InvalidInput(
            _("A newer certificate (recognised %(date)s) is already recorded.",
              date=previous.recognized_on.isoformat()), "recognized_on")
    # An older decision must not bring back a product revoked since.
    if previous.revoked_on is not None and previous.revoked_on > recognized_on:
        raise InvalidInput(
            _("The live certificate was revoked on %(date)s, after this recognition date.",
              date=previous.revoked_on.isoformat()), "recognized_on")


def live_certificates(product_ids: Sequence[int]) -> dict[int, Certificate]:
    """The live (not superseded) certificate of each of these products that has one."""
    if not product_ids:
        return {}
    return {c.product_id: c for c in db.session.scalars(select(Certificate).where(
        Certificate.product_id.in_(product_ids), Certificate.superseded.is_(False)))}


def record_certificates(entries: Sequence[tuple[Product, CertificateInput]], actor: User,
                        today: date | None = None) -> list[Certificate]:
    """Record certificates for flushed products, all checked by the registry's rules first;
    each supersedes its product's live one. One form or a whole decision: the same path."""
    scope = require_officer(actor)
    today = today or clock.today()
    if not entries:
        return []
    for _product, data in entries:
        validate_certificate(data, today)
    producer_ids = {product.producer_id for product, _data in entries}
    provinces = dict(db.session.execute(
        select(Producer.id, Producer.province_id).where(Producer.id.in_(producer_ids))).all())
    if not all(in_scope(scope, provinces[product.producer_id]) for product, _data in entries):
        raise InvalidInput(other_province_message(), "product_id")
    live = live_certificates([product.id for product, _data in entries])
    for product, data in entries:
        if product.id in live:
            ensure_supersedes(live[product.id], data.recognized_on)
    if live:
        # The partial unique index allows one live certificate: supersede before adding.
        db.session.execute(update(Certificate).where(
            Certificate.id.in_([c.id for c in live.values()])).values(superseded=True))
    now = clock.utcnow()
    # One INSERT of many rows (no unit of work to track): a decision of thousands of rows
    # writes its certificates in about the time of one.
    return list(db.session.scalars(insert(Certificate).returning(Certificate), [dict(
        product_id=product.id, number=data.number.strip(), authority=data.authority.strip(),
        level=data.level, score=data.score, score_a=data.score_a, score_b=data.score_b,
        score_c=data.score_c, stars=data.stars, recognized_on=data.recognized_on,
        expires_on=expiry_for(data.recognized_on), recorded_by_id=actor.id, superseded=False,
        created_at=now, updated_at=now,
    ) for product, data in entries]))


def _ensure_not_revoked(certificate: Certificate) -> None:
    if certificate.revoked_on is not None:
        raise InvalidState(_("This certificate was already revoked on %(date)s.",
                             date=certificate.revoked_on.isoformat()))


def _product_province(certificate: Certificate) -> int:
    return db.session.scalar(select(Producer.province_id).join(Product.producer)
                             .where(Product.id == certificate.product_id))


def revoke_certificate(certificate_id: int, data: RevocationInput, actor: User,
                       today: date | None = None) -> Certificate:
    """Revoke a certificate by decision; its product leaves the catalog at once."""
    scope = require_officer(actor)
    today = today or clock.today()
    certificate = db.session.get(Certificate, certificate_id, with_for_update=True)
    if certificate is None:
        raise NotFound(_("No such certificate."))
    if not in_scope(scope, _product_province(certificate)):
        raise Forbidden(other_province_message())
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


def registry_query(status: Status | None, today: date | None = None,
                   scope: Scope = NATIONAL) -> Select:
    """Certificates with product, producer and province, optionally of one status, of the
    producers of `scope`'s provinces, soonest expiry first."""
    today = today or clock.today()
    stmt = (
        select(Certificate, status_expression(today).label("status"))
        .join(Certificate.product).join(Product.producer).join(Producer.province)
        .options(contains_eager(Certificate.product).contains_eager(Product.producer)
                 .contains_eager(Producer.province))
        .order_by(Certificate.expires_on, Certificate.id)
    )
    if status is not None:
        stmt = stmt.where(status_expression(today) == status.value)
    return scope_filter(stmt, scope)


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows, its number and size, and the total of every page."""

    rows: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages the rows fill (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))


@dataclass(frozen=True)
class RegistryPage(Page):
    """One page of the registry: (certificate, status) rows, and every status's count."""

    counts: dict[Status, int]


def status_counts(today: date | None = None, scope: Scope = NATIONAL) -> dict[Status, int]:
    """How many certificates of `scope` have each status today (every Status, zero when none)."""
    status = status_expression(today or clock.today())
    stmt = select(status, func.count(Certificate.id)).group_by(status)
    if scope is not NATIONAL:
        stmt = scope_filter(stmt.join(Certificate.product).join(Product.producer), scope)
    counts = dict.fromkeys(Status, 0)
    counts.update({Status(value): count for value, count in db.session.execute(stmt)})
    return counts


def registry_page(status: Status | None, page: int, per_page: int, actor: User,
                  today: date | None = None) -> RegistryPage:
    """One page of the certificates `actor` keeps, of `status` (None: all), and the status
    counts: two queries."""
    scope = require_officer(actor)
    today = today or clock.today()
    counts = status_counts(today, scope)
    total = counts[status] if status is not None else sum(counts.values())
    rows = db.session.execute(
        registry_query(status, today, scope).limit(per_page).offset((page - 1) * per_page))
    return RegistryPage(rows=[(certificate, Status(value)) for certificate, value in rows],
                        page=page, per_page=per_page, total=total, counts=counts)


def registry_rows(status: Status | None, actor: User, today: date | None = None):
    """Every certificate `actor` keeps of `status` (None: all), as (certificate, status) rows
    in the page's order, fetched in batches (for the exports)."""
    query = registry_query(status, today, require_officer(actor))
    return db.session.execute(query.execution_options(yield_per=1000))


def product_choices(actor: User) -> list[Product]:
    """The products `actor` may certify, with their producer, by name."""
    stmt = (select(Product).join(Product.producer).options(contains_eager(Product.producer))
            .order_by(Product.name_key, Product.id))
    return list(db.session.scalars(scope_filter(stmt, require_officer(actor))))


def certificate_to_revoke(certificate_id: int, actor: User) -> Certificate:
    """A certificate `actor` may still revoke, with its product and producer loaded."""
    scope = require_officer(actor)
    certificate = db.session.scalar(
        select(Certificate).where(Certificate.id == certificate_id)
        .options(joinedload(Certificate.product).joinedload(Product.producer)))
    if certificate is None:
        raise NotFound(_("No such certificate."))
    if not in_scope(scope, certificate.product.producer.province_id):
        raise Forbidden(other_province_message())
    _ensure_not_revoked(certificate)
    return certificate

"""The rule that defines the shop, in one place: where a certificate stands on a day, and
whether its product may be sold.

A product is listed only while its live certificate is current: 3★ or more, recognised on or
before today, not past its expiry day, not revoked. This module states it three ways — the
status names, the Python form for one certificate (`status_on`, `is_listable`) and the SQL
forms for queries (`certificate_is_current`, `status_expression`) — and a test holds them in
agreement. Everything else imports them; nothing restates them.
"""

import enum
from datetime import date
from typing import Protocol

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, case

from shop.ocop.models import Certificate
from shop.ocop.rules import EXPIRING_WITHIN, MIN_OCOP_STARS


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
# The statuses under which a product is for sale.
LISTABLE_STATUSES = frozenset({Status.CURRENT, Status.EXPIRING})
# Their names in order, for documents that enumerate them (the API's schema).
LISTABLE_STATUS_NAMES = tuple(sorted(status.value for status in LISTABLE_STATUSES))


class CertificateDates(Protocol):
    """The facts the status of a certificate depends on (a Certificate has them)."""

    stars: int
    recognized_on: date
    expires_on: date
    revoked_on: date | None
    superseded: bool


def status_on(cert: CertificateDates, today: date) -> Status:
    """The status of one certificate on `today`."""
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


def is_listable_status(status: Status | None) -> bool:
    """True when a certificate of this status lets its product be sold."""
    return status in LISTABLE_STATUSES


def is_listable(cert: CertificateDates | None, today: date) -> bool:
    """True when this certificate lets its product be sold on `today`."""
    return cert is not None and is_listable_status(status_on(cert, today))


def certificate_is_current(today: date) -> ColumnElement[bool]:
    """SQL: the certificate is the live one, 3★+, recognised, unexpired and unrevoked today."""
    return and_(
        Certificate.superseded.is_(False),
        Certificate.revoked_on.is_(None),
        Certificate.stars >= MIN_OCOP_STARS,
        Certificate.recognized_on <= today,
        Certificate.expires_on >= today,
    )


def status_expression(today: date) -> ColumnElement[str]:
    """SQL: a certificate's Status (its value) on `today`."""
    return case(
        (Certificate.revoked_on.is_not(None), Status.REVOKED.value),
        (Certificate.superseded.is_(True), Status.SUPERSEDED.value),
        (Certificate.stars < MIN_OCOP_STARS, Status.BELOW_OCOP.value),
        (Certificate.recognized_on > today, Status.NOT_YET_VALID.value),
        (Certificate.expires_on < today, Status.EXPIRED.value),
        (Certificate.expires_on <= today + EXPIRING_WITHIN, Status.EXPIRING.value),
        else_=Status.CURRENT.value,
    )

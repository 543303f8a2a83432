"""What a trace tells a shopper: the lot's origin, its journey, and every warning, in words."""

import enum
from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_decimal
from flask_babel import gettext as _

from shop.catalog.listing import is_for_sale
from shop.catalog.models import Product
from shop.core.clock import local_date
from shop.ocop.listing_rule import Status, status_on
from shop.ocop.models import Certificate
from shop.trace.models import Lot, LotInput
from shop.trace.scans import UnitCheck
from shop.web.i18n import medium_date


class Severity(enum.StrEnum):
    """How loudly a notice is shown: danger (do not use) or warning (take care)."""

    DANGER = "danger"
    WARNING = "warning"


@dataclass(frozen=True)
class Notice:
    """One warning on a trace: `kind` is a stable code for machines, `message` for people."""

    kind: str
    severity: Severity
    message: str


@dataclass(frozen=True)
class Step:
    """One step of a lot's journey, dated."""

    on: date
    kind: str  # harvest, production, recall (later: shipped, received)
    title: str


@dataclass(frozen=True)
class TraceReport:
    """A lot (or one unit of it) as the trace page and the API present it, on one day."""

    lot: Lot
    today: date
    certificate_status: Status | None
    lot_expired: bool
    unit: UnitCheck | None = None
    notices: list[Notice] = field(default_factory=list)
    journey: list[Step] = field(default_factory=list)

    @property
    def listed(self) -> bool:
        """True while the product is for sale (its certificate lets it be listed today, and it
        has a price)."""
        return is_for_sale(self.lot.product, self.certificate_status)

    @property
    def product(self) -> Product:
        """The lot's product."""
        return self.lot.product

    @property
    def certificate(self) -> Certificate | None:
        """The product's live certificate, whatever its status."""
        return self.lot.product.certificate


def _certificate_notice(certificate: Certificate | None, status: Status | None,
                        lot: Lot) -> Notice | None:
    if certificate is None:
        return Notice("no_certificate", Severity.WARNING,
                      _("No OCOP certificate is on record for this product."))
    if status is Status.REVOKED:
        when = (_("after this lot was made") if certificate.revoked_on >= lot.produced_on
                else _("before this lot was made"))
        return Notice("certificate_revoked", Severity.DANGER,
                      _("The product's OCOP certificate was revoked on %(date)s, %(when)s: "
                        "it is no longer an OCOP product.",
                        date=medium_date(certificate.revoked_on), when=when))
    if status is Status.EXPIRED:
        return Notice("certificate_expired", Severity.WARNING,
                      _("The product's OCOP certificate expired on %(date)s.",
                        date=medium_date(certificate.expires_on)))
    if status is Status.BELOW_OCOP:
        return Notice("below_ocop", Severity.WARNING,
                      _("The product is rated below 3 stars: it is not an OCOP product."))
    return None


def unit_notice(unit: UnitCheck | None) -> Notice | None:
    """The warning about one scanned unit: never issued, or checked suspiciously often."""
    if unit is None:
        return None
    if not unit.genuine:
        return Notice("not_genuine", Severity.DANGER,
                      _("Serial number %(serial)s was never issued for this lot: this is not "
                        "a genuine code.", serial=unit.serial))
    if unit.suspicious:
        return Notice("suspicious", Severity.WARNING,
                      _("This code has been checked %(count)s times. A genuine package is "
                        "usually checked once or twice: the label may have been copied.",
                        count=format_decimal(unit.scan_count)))
    return None


def _notices(lot: Lot, status: Status | None, unit: UnitCheck | None, expired: bool
             ) -> list[Notice]:
    notices = []
    if lot.recalled:
        notices.append(Notice("recalled", Severity.DANGER,
                              _("This lot was recalled on %(date)s: %(reason)s. Do not use it; "
                                "return it to the seller.",
                                date=medium_date(local_date(lot.recalled_at)),
                                reason=lot.recall_reason)))
    notices += [n for n in (unit_notice(unit),
                            _certificate_notice(lot.product.certificate, status, lot)) if n]
    if expired:
        notices.append(Notice("lot_expired", Severity.WARNING,
                              _("This lot is past its expiry date (%(date)s).",
                                date=medium_date(lot.expires_on))))
    return notices


def _harvest_step(item: LotInput) -> Step:
    return Step(item.harvested_on, "harvest",
                _("Harvested %(kg)s kg in zone %(code)s, %(name)s",
                  kg=format_decimal(item.quantity_kg), code=item.zone.code, name=item.zone.name))


def _journey(lot: Lot) -> list[Step]:
    steps = [_harvest_step(item) for item in lot.inputs]
    steps.append(Step(lot.produced_on, "production",
                      _("Produced as lot %(code)s: %(quantity)s %(unit)s",
                        code=lot.code, quantity=format_decimal(lot.quantity), unit=lot.unit)))
    if lot.recalled:
        steps.append(Step(local_date(lot.recalled_at), "recall",
                          _("Recalled: %(reason)s", reason=lot.recall_reason)))
    return sorted(steps, key=lambda step: step.on)


def build_report(lot: Lot, today: date, unit: UnitCheck | None = None) -> TraceReport:
    """The trace of a loaded lot (see queries.load_lot) as of `today`."""
    certificate = lot.product.certificate
    status = status_on(certificate, today) if certificate else None
    expired = lot.expires_on < today
    return TraceReport(lot=lot, today=today, certificate_status=status, lot_expired=expired,
                       unit=unit, notices=_notices(lot, status, unit, expired),
                       journey=_journey(lot))

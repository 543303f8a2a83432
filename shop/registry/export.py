"""The registry's columns, shared by its page and its XLSX and CSV exports."""

from collections.abc import Iterable, Iterator
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from shop.ocop.listing_rule import STATUS_LABELS, Status
from shop.ocop.models import Certificate
from shop.ocop.rules import LEVEL_LABELS
from shop.web.i18n import localized

# The page's columns, in its order; the exports write the same, one value each.
REGISTRY_COLUMNS = (
    _l("Product"), _l("Producer"), _l("Province"), _l("Stars"), _l("Score"), _l("Decision"),
    _l("Authority"), _l("Level"), _l("Recognised on"), _l("Valid until"), _l("Status"),
)
# Widths of the XLSX columns, in characters.
REGISTRY_WIDTHS = (40, 36, 20, 6, 6, 18, 30, 16, 14, 14, 30)


def status_text(certificate: Certificate, status: Status) -> str:
    """The status as the page writes it, with the revocation decision when there is one."""
    label = str(STATUS_LABELS[status])
    if certificate.revoked_on is None:
        return label
    return _("%(status)s (%(number)s, %(date)s)", status=label,
             number=certificate.revocation_number, date=certificate.revoked_on.isoformat())


def registry_values(certificate: Certificate, status: Status) -> list[str | int | date]:
    """One certificate's row: a value for each of REGISTRY_COLUMNS."""
    product = certificate.product
    return [localized(product, "name"), product.producer.name, product.producer.province.name,
            certificate.stars, certificate.score, certificate.number, certificate.authority,
            str(LEVEL_LABELS[certificate.level]), certificate.recognized_on,
            certificate.expires_on, status_text(certificate, status)]


def registry_rows(rows: Iterable[tuple[Certificate, str]], dates_as_text: bool
                  ) -> Iterator[list]:
    """The rows of an export; CSV writes dates as YYYY-MM-DD, XLSX as dates."""
    for certificate, value in rows:
        values = registry_values(certificate, Status(value))
        yield [v.isoformat() if dates_as_text and isinstance(v, date) else v for v in values]

"""The shapes of an import's preview: the decision, each row's plan and errors, the plan."""

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from shop.catalog.models import Product
from shop.ocop.models import Certificate, Level
from shop.places.models import Province
from shop.producers.models import Producer, ProducerKind
from shop.registry.decisions.columns import Header
from shop.registry.services import CertificateInput


class Outcome(enum.StrEnum):
    """What applying a row does."""

    NEW_PRODUCER = "new_producer"
    NEW_PRODUCT = "new_product"
    NEW_CERTIFICATE = "new_certificate"
    SUPERSEDES = "supersedes"
    UNCHANGED = "unchanged"


OUTCOME_LABELS = {
    Outcome.NEW_PRODUCER: _l("New producer, new product, new certificate"),
    Outcome.NEW_PRODUCT: _l("New product, new certificate"),
    Outcome.NEW_CERTIFICATE: _l("New certificate"),
    Outcome.SUPERSEDES: _l("New certificate superseding the current one"),
    Outcome.UNCHANGED: _l("Unchanged"),
}


@dataclass(frozen=True)
class Decision:
    """The decision the officer entered once for the whole file."""

    number: str
    decided_on: date
    authority: str
    level: Level
    province_id: int


@dataclass(frozen=True)
class CellError:
    """What is wrong, on which row and in which column (named as the file names it)."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(line)d, column %(column)s: %(message)s", line=self.line,
                 column=self.column, message=self.message)


@dataclass(frozen=True)
class NewProducer:
    """A producer the import adds."""

    key: str
    name: str
    registration_number: str
    address: str
    kind: ProducerKind
    province_id: int


@dataclass(frozen=True)
class NewProduct:
    """A product the import adds."""

    name: str
    group_id: int
    gtin: str | None


@dataclass
class RowPlan:
    """One row: what it says, what it matched, and what applying it does (or its errors)."""

    line: int
    product_name: str
    producer_name: str
    province: Province | None = None
    stars: int | None = None
    score: int | None = None
    errors: list[CellError] = field(default_factory=list)
    producer: Producer | None = None
    new_producer: NewProducer | None = None
    product: Product | None = None
    new_product: NewProduct | None = None
    previous: Certificate | None = None
    certificate: CertificateInput | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Plan:
    """Every row of a file, planned against the registry as it is now."""

    header: Header
    rows: list[RowPlan]

    @property
    def errors(self) -> list[CellError]:
        """Every error of every row, in row order."""
        return [error for row in self.rows for error in row.errors]

    def counts(self) -> Counter:
        """How many rows will have each outcome."""
        return Counter(row.outcome for row in self.rows if row.outcome is not None)

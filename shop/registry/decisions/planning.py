"""The preview of an import: what each row of an annex will do, or why it cannot.

Each row is checked by the registry's own rules (`validate_certificate`, `ensure_supersedes`,
the officer's scope) and matched to what is on record: a producer by registration number,
else by folded name within the province; a product by GTIN, else by folded name among its
producer's products. More than one match is an error naming the candidates, never a guess.
"""

import re
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from shop.accounts.offices import in_scope
from shop.core.errors import InvalidInput
from shop.core.gs1 import GS1Error, normalize_gtin, short_gtin
from shop.core.text import text_problem
from shop.ocop.models import Certificate
from shop.ocop.rules import stars_for_score
from shop.places.models import Province
from shop.registry.decisions.columns import BY_KEY, Header
from shop.registry.decisions.matching import (
    Places,
    Registry,
    kind_for,
    name_key,
    registration_key,
)
from shop.registry.decisions.plans import (
    CellError,
    Decision,
    NewProducer,
    NewProduct,
    Outcome,
    Plan,
    RowPlan,
)
from shop.registry.decisions.reading import Table
from shop.registry.services import (
    CertificateInput,
    Scope,
    ensure_supersedes,
    other_province_message,
    validate_certificate,
)

_STARS = re.compile(r"^\s*(\d+)")
_LIMITS = {"product": 200, "producer": 200, "address": 300, "registration_number": 40}


@dataclass
class _Cells:
    registration: str = ""
    address: str = ""
    group: str = ""
    gtin: str | None = None


def plan_import(table: Table, header: Header, decision: Decision, scope: Scope,
                today: date) -> Plan:
    """The plan of every row below the header, checked and matched; changes nothing."""
    planner = _Planner(header, decision, scope, today, Places())
    parsed = [planner.parse(line, values) for line, values in table.rows if line > header.line]
    registry = Registry(
        province_ids={row.province.id for row, _cells in parsed if row.province},
        registration_numbers=[cells.registration for _row, cells in parsed if cells.registration],
        gtins=[cells.gtin for _row, cells in parsed if cells.gtin])
    for row, cells in parsed:
        planner.resolve(row, cells, registry)
    return Plan(header, [row for row, _cells in parsed])


class _Planner:
    """Reads and matches rows one by one, remembering what earlier rows of the file said."""

    def __init__(self, header: Header, decision: Decision, scope: Scope, today: date,
                 places: Places):
        self.header, self.decision, self.scope, self.today = header, decision, scope, today
        self.places = places
        self.new_producers: dict[str, tuple[int, NewProducer]] = {}
        self.seen: dict[tuple, int] = {}

    # Cells ---------------------------------------------------------------------------

    def _value(self, values: tuple, key: str) -> object:
        index = self.header.positions.get(key)
        return values[index] if index is not None and index < len(values) else None

    def _text(self, values: tuple, key: str) -> str:
        value = self._value(values, key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split()) if value is not None else ""

    def _column(self, key: str) -> str:
        return self.header.names.get(key) or BY_KEY[key].vi

    def _error(self, row: RowPlan, key: str, message: str) -> None:
        row.errors.append(CellError(row.line, self._column(key), message))

    def _checked_text(self, row: RowPlan, values: tuple, key: str, required: bool) -> str:
        text = self._text(values, key)
        if not text:
            if required:
                self._error(row, key, _("This cell is empty."))
        elif len(text) > _LIMITS[key]:
            self._error(row, key, _("At most %(max)d characters.", max=_LIMITS[key]))
        elif (problem := text_problem(text)) is not None:
            self._error(row, key, problem)
        return text

    def _number(self, row: RowPlan, values: tuple, key: str) -> int | None:
        value = self._value(values, key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer():
                return int(value)
        elif isinstance(value, str):
            text = value.strip().replace(",", ".")
            if key == "stars" and "★" in text:
                return text.count("★")
            found = _STARS.match(text) if key == "stars" else None
            if found:
                return int(found.group(1))
            try:
                number = float(text)
            except ValueError:
                number = None
            if number is not None and number.is_integer():
                return int(number)
        if value is None or (isinstance(value, str) and not value.strip()):
            if key == "score":
                self._error(row, key, _("This cell is empty."))
            return None
        self._error(row, key, _("“%(value)s” is not a whole number.", value=value))
        return None

    # Reading a row -------------------------------------------------------------------

    def parse(self, line: int, values: tuple) -> tuple[RowPlan, _Cells]:
        """The row's cells, checked one by one (nothing is matched yet)."""
        row = RowPlan(line, product_name=self._text(values, "product"),
                      producer_name=self._text(values, "producer"))
        self._checked_text(row, values, "product", required=True)
        self._checked_text(row, values, "producer", required=True)
        cells = _Cells(registration=self._registration(row, values),
                       address=self._checked_text(row, values, "address", required=False),
                       group=self._text(values, "group"), gtin=self._gtin(row, values))
        row.province = self._province(row, values)
        self._certificate(row, values)
        return row, cells

    def _registration(self, row: RowPlan, values: tuple) -> str:
        value = self._value(values, "registration_number")
        text = self._checked_text(row, values, "registration_number", required=False)
        # Excel drops the leading zero of a 10-digit tax code typed as a number.
        if isinstance(value, int | float) and len(text) == 9 and text.isdigit():
            return "0" + text
        return text

    def _gtin(self, row: RowPlan, values: tuple) -> str | None:
        text = self._text(values, "gtin")
        if not text:
            return None
        # A GTIN typed as a number loses its leading zeros, which never change its check digit.
        if isinstance(self._value(values, "gtin"), int | float) and text.isdigit():
            text = text.zfill(14)
        try:
            return normalize_gtin(text)
        except GS1Error as error:
            self._error(row, "gtin", str(error))
            return None

    def _province(self, row: RowPlan, values: tuple) -> Province | None:
        written = self._text(values, "province")
        province = (self.places.province(written) if written
                    else self.places.provinces.get(self.decision.province_id))
        if province is None:
            self._error(row, "province", _("No province is called “%(name)s”.", name=written))
        elif not in_scope(self.scope, province.id):
            self._error(row, "province" if written else "product", other_province_message())
        return province

    def _certificate(self, row: RowPlan, values: tuple) -> None:
        row.score = self._number(row, values, "score")
        row.stars = self._number(row, values, "stars")
        if row.score is None:
            return
        if row.stars is None:
            if not 0 <= row.score <= 100:
                self._error(row, "score", _("A score is 0 to 100 points."))
                return
            row.stars = stars_for_score(row.score)
        decision = self.decision
        certificate = CertificateInput(
            product_id=0, number=decision.number, authority=decision.authority,
            level=decision.level, score=row.score, stars=row.stars,
            recognized_on=decision.decided_on)
        try:
            validate_certificate(certificate, self.today)
        except InvalidInput as error:
            # The decision's own fields were checked on the form: a row can break the bands
            # (score, stars) or the level the stars need on the decision's date.
            column = "score" if error.field == "score" else "stars"
            self._error(row, column if column in self.header.positions else "score",
                        error.message)
            return
        row.certificate = certificate

    # Matching a row ------------------------------------------------------------------

    def resolve(self, row: RowPlan, cells: _Cells, registry: Registry) -> None:
        """Match the row's producer and product, and say what applying it does."""
        if any(e.column in (self._column("product"), self._column("producer"),
                            self._column("province")) for e in row.errors) or not row.province:
            return
        if not self._resolve_producer(row, cells, registry):
            return
        if not self._resolve_product(row, cells, registry) or row.errors:
            return
        if row.certificate is None:
            return
        if row.product is None:
            row.outcome = Outcome.NEW_PRODUCER if row.new_producer else Outcome.NEW_PRODUCT
            return
        live = registry.live.get(row.product.id)
        if live is None:
            row.outcome = Outcome.NEW_CERTIFICATE
        elif _same(live, row.certificate):
            row.outcome = Outcome.UNCHANGED
        else:
            try:
                ensure_supersedes(live, self.decision.decided_on)
            except InvalidInput as error:
                self._error(row, "product", error.message)
                return
            row.previous, row.outcome = live, Outcome.SUPERSEDES

    def _resolve_producer(self, row: RowPlan, cells: _Cells, registry: Registry) -> bool:
        province, number = row.province, cells.registration
        named = registry.producers_named(province.id, row.producer_name)
        if number:
            producer = registry.by_registration.get(registration_key(number))
            if producer is not None and producer.province_id != province.id:
                self._error(row, "registration_number", _(
                    "“%(producer)s”, registration number %(number)s, is a producer of "
                    "%(province)s, not of %(row_province)s.", producer=producer.name,
                    number=number, province=self.places.provinces[producer.province_id].name,
                    row_province=province.name))
                return False
            if producer is None and named:
                self._error(row, "registration_number", _(
                    "“%(producer)s” of %(province)s is on record with registration number "
                    "%(number)s, not %(given)s.", producer=named[0].name, province=province.name,
                    number=named[0].registration_number, given=number))
                return False
        elif len(named) > 1:
            self._error(row, "producer", _(
                "Several producers of %(province)s are called “%(name)s” (registration numbers "
                "%(numbers)s): give the registration number of the one meant.",
                province=province.name, name=row.producer_name,
                numbers=", ".join(p.registration_number for p in named)))
            return False
        else:
            producer = named[0] if named else None
        if producer is not None:
            row.producer = producer
            return True
        return self._plan_producer(row, cells)

    def _plan_producer(self, row: RowPlan, cells: _Cells) -> bool:
        number, province = cells.registration, row.province
        if not number:
            self._error(row, "registration_number", _(
                "“%(name)s” is not on record in %(province)s: give its registration number "
                "to add it.", name=row.producer_name, province=province.name))
            return False
        key = registration_key(number)
        if key in self.new_producers:
            line, planned = self.new_producers[key]
            if name_key(planned.name) != name_key(row.producer_name):
                self._error(row, "registration_number", _(
                    "Row %(line)d gives this registration number to “%(name)s”.",
                    line=line, name=planned.name))
                return False
            row.new_producer = planned
            return True
        if not cells.address:
            self._error(row, "address", _("Give the address of the new producer."))
            return False
        row.new_producer = NewProducer(
            key=key, name=row.producer_name, registration_number=number, address=cells.address,
            kind=kind_for(row.producer_name), province_id=province.id)
        self.new_producers[key] = (row.line, row.new_producer)
        return True

    def _resolve_product(self, row: RowPlan, cells: _Cells, registry: Registry) -> bool:
        product = registry.by_gtin.get(cells.gtin) if cells.gtin else None
        if product is not None and (row.producer is None
                                    or product.producer_id != row.producer.id):
            self._error(row, "gtin", _(
                "GTIN %(gtin)s is that of “%(product)s” by “%(producer)s”.",
                gtin=short_gtin(cells.gtin), product=product.name_vi,
                producer=registry.producers[product.producer_id].name))
            return False
        if product is None and row.producer is not None:
            named = registry.products_named(row.producer.id, row.product_name)
            if len(named) > 1:
                self._error(row, "product", _(
                    "“%(producer)s” has several products called “%(name)s”: give the GTIN of "
                    "the one meant.", producer=row.producer.name, name=row.product_name))
                return False
            product = named[0] if named else None
            if product is not None and cells.gtin and product.gtin not in (None, cells.gtin):
                self._error(row, "gtin", _("“%(product)s” is on record with GTIN %(gtin)s.",
                                           product=product.name_vi,
                                           gtin=short_gtin(product.gtin)))
                return False
        owner = row.producer.id if row.producer else row.new_producer.key
        keys = [("product", product.id)] if product else [("new", owner,
                                                           name_key(row.product_name))]
        if cells.gtin:
            keys.append(("gtin", cells.gtin))
        for key in keys:
            first = self.seen.setdefault(key, row.line)
            if first != row.line:
                self._error(row, "product", _("Row %(line)d names this product already.",
                                              line=first))
                return False
        if product is not None:
            row.product = product
            return True
        return self._plan_product(row, cells)

    def _plan_product(self, row: RowPlan, cells: _Cells) -> bool:
        if not cells.group:
            self._error(row, "group", _("Give the product group of the new product."))
            return False
        groups = self.places.groups_for(cells.group)
        if len(groups) != 1:
            self._error(row, "group", _(
                "“%(written)s” is not one product group: write one of %(groups)s.",
                written=cells.group,
                groups="; ".join(f"{g.code}. {g.name_vi}" for g in self.places.groups)))
            return False
        row.new_product = NewProduct(name=row.product_name, group_id=groups[0].id,
                                     gtin=cells.gtin)
        return True


def _same(live: Certificate, certificate: CertificateInput) -> bool:
    """True when the live certificate already records this decision for the product (even if
    revoked since: the same decision applied again must not bring a product back)."""
    return (live.number == certificate.number.strip()
            and live.recognized_on == certificate.recognized_on
            and live.authority == certificate.authority.strip()
            and (live.level, live.stars, live.score) == (certificate.level, certificate.stars,
                                                         certificate.score))

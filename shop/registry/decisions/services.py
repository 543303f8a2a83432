"""Decision imports: upload (bad files refused, nothing kept), preview, apply all or nothing
(once per file and decision number), and the list of imports."""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from shop.accounts.models import User
from shop.accounts.offices import NATIONAL, in_scope
from shop.core import clock
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.extensions import db
from shop.ocop.models import Level
from shop.places.models import Province
from shop.registry.decisions.applying import apply_plan
from shop.registry.decisions.columns import Header, find_header
from shop.registry.decisions.models import DecisionFile, DecisionImport
from shop.registry.decisions.planning import plan_import
from shop.registry.decisions.plans import Decision, Outcome, Plan
from shop.registry.decisions.reading import FileRefused, Limits, Table, read_table, too_many_rows
from shop.registry.services import Page, require_officer, validate_decision


@dataclass(frozen=True)
class DecisionInput:
    """The decision an officer enters once for the file: number, date, authority, level and
    the province whose producers it recognises."""

    number: str
    decided_on: date
    authority: str
    level: Level
    province_id: int


def limits(config: Mapping) -> Limits:
    """The import limits the configuration sets (shop.config)."""
    return Limits(max_bytes=config["DECISION_IMPORT_MAX_BYTES"],
                  max_unpacked_bytes=config["DECISION_IMPORT_MAX_UNPACKED_BYTES"],
                  max_rows=config["DECISION_IMPORT_MAX_ROWS"])


def provinces_for(actor: User) -> list[Province]:
    """The provinces `actor` may import a decision for, by name."""
    scope = require_officer(actor)
    stmt = select(Province).order_by(Province.name)
    if scope is not NATIONAL:
        stmt = stmt.where(Province.id.in_(scope))
    return list(db.session.scalars(stmt))


def read_annex(content: bytes, file_name: str, limits: Limits) -> tuple[Table, Header]:
    """The rows of a file and its header row; FileRefused for a bad file or one without rows."""
    table = read_table(content, file_name, limits)
    header = find_header(table)
    rows = sum(1 for line, _values in table.rows if line > header.line)
    if not rows:
        raise FileRefused(_("The file has a header but no rows below it."))
    if rows > limits.max_rows:
        raise too_many_rows(limits)
    return table, header


def upload_decision(content: bytes, file_name: str, data: DecisionInput, actor: User,
                    limits: Limits, today: date | None = None) -> DecisionImport:
    """Check the decision and the file, and keep both for the preview; InvalidInput names the
    field at fault (`file` for the file), and nothing is kept then."""
    scope = require_officer(actor)
    try:
        validate_decision(data.number, data.authority, data.decided_on, today or clock.today())
    except InvalidInput as error:
        field = "decided_on" if error.field == "recognized_on" else error.field
        raise InvalidInput(error.message, field) from None
    if db.session.get(Province, data.province_id) is None:
        raise InvalidInput(_("Choose a province."), "province_id")
    if not in_scope(scope, data.province_id):
        raise InvalidInput(_("You keep the registry of another province: choose yours."),
                           "province_id")
    table, header = read_annex(content, file_name, limits)
    digest = hashlib.sha256(content).hexdigest()
    if db.session.get(DecisionFile, digest) is None:
        db.session.add(DecisionFile(digest=digest, content=content, size=len(content)))
    record = DecisionImport(
        digest=digest, file_name=file_name[-200:], file_format=table.format,
        decision_number=data.number.strip(), decided_on=data.decided_on,
        authority=data.authority.strip(), level=data.level, province_id=data.province_id,
        uploaded_by_id=actor.id, rows=sum(1 for line, _v in table.rows if line > header.line))
    db.session.add(record)
    db.session.flush()
    return record


def import_for(import_id: int, actor: User, lock: bool = False) -> DecisionImport:
    """The import, if `actor` keeps its province's registry (locked to apply it)."""
    scope = require_officer(actor)
    # A row lock takes no outer joins on PostgreSQL: what it locks is loaded alone.
    record = db.session.get(DecisionImport, import_id, with_for_update=lock,
                            options=[] if lock else [joinedload(DecisionImport.province),
                                                     joinedload(DecisionImport.uploaded_by)])
    if record is None:
        raise NotFound(_("No such import."))
    if not in_scope(scope, record.province_id):
        raise Forbidden(_("This import is of another province's decision."))
    return record


def applied_as(record: DecisionImport) -> DecisionImport | None:
    """The import that applied this file under this decision number, if one did."""
    return db.session.scalar(select(DecisionImport).where(
        DecisionImport.digest == record.digest,
        DecisionImport.decision_number == record.decision_number,
        DecisionImport.applied_at.is_not(None)))


def plan_for(record: DecisionImport, actor: User, limits: Limits,
             today: date | None = None) -> Plan:
    """What applying the import would do now, row by row (the file exactly as uploaded)."""
    scope = require_officer(actor)
    content = db.session.scalar(select(DecisionFile.content)
                                .where(DecisionFile.digest == record.digest))
    table, header = read_annex(content, record.file_name, limits)
    decision = Decision(number=record.decision_number, decided_on=record.decided_on,
                        authority=record.authority, level=record.level,
                        province_id=record.province_id)
    return plan_import(table, header, decision, scope, today or clock.today())


def apply_import(import_id: int, actor: User, limits: Limits,
                 today: date | None = None) -> DecisionImport:
    """Apply every row or none: InvalidInput when a row has an error, InvalidState when the
    file was applied under this decision number already."""
    today = today or clock.today()
    record = import_for(import_id, actor, lock=True)
    earlier = applied_as(record)
    if earlier is not None:
        raise InvalidState(_("This file was applied under decision %(number)s already, on "
                             "%(date)s (import %(id)d): nothing changed.",
                             number=record.decision_number, id=earlier.id,
                             date=earlier.applied_at.date().isoformat()))
    plan = plan_for(record, actor, limits, today)
    if plan.errors:
        raise InvalidInput(_("%(count)d rows have errors: nothing was applied. Correct the file "
                             "and upload it again.", count=len({e.line for e in plan.errors})))
    try:
        with db.session.begin_nested():
            counts = apply_plan(plan, actor, today)
            record.applied_at, record.applied_by_id = clock.utcnow(), actor.id
            record.new_producers = len({row.new_producer.key for row in plan.rows
                                        if row.new_producer})
            record.new_products = counts[Outcome.NEW_PRODUCER] + counts[Outcome.NEW_PRODUCT]
            record.unchanged = counts[Outcome.UNCHANGED]
            record.new_certificates = record.rows - record.unchanged
            db.session.flush()
    except IntegrityError:
        # A producer, GTIN or the same import was recorded meanwhile by someone else.
        raise InvalidState(_("The registry changed while the file was being applied: nothing "
                             "was applied. Open the preview again.")) from None
    return record


def imports_page(actor: User, page: int, per_page: int) -> Page:
    """The imports of the provinces `actor` keeps, newest first."""
    scope = require_officer(actor)
    stmt = select(DecisionImport)
    if scope is not NATIONAL:
        stmt = stmt.where(DecisionImport.province_id.in_(scope))
    total = db.session.scalar(stmt.with_only_columns(func.count(DecisionImport.id)))
    rows = db.session.scalars(
        stmt.options(joinedload(DecisionImport.province), joinedload(DecisionImport.uploaded_by))
        .order_by(DecisionImport.id.desc()).limit(per_page).offset((page - 1) * per_page))
    return Page(rows=list(rows), page=page, per_page=per_page, total=total)

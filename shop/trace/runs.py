"""Label runs: printing a lot's labels, issuing one random serial per unit when serialised."""

from dataclasses import dataclass

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import func, insert, select

from shop.accounts.models import Role, User
from shop.core import clock, gs1
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.extensions import db
from shop.ocop.listing_rule import is_listable
from shop.trace.labels import LabelSize, LabelText, cached_png, cached_svg, layout_label
from shop.trace.links import lot_url
from shop.trace.lots import get_lot, lock_lot
from shop.trace.models import LabelRun, Lot, Unit
from shop.trace.queries import load_lot_for_label
from shop.trace.sheets import label_sheet_pdf
from shop.web.i18n import localized

MAX_RUN_LABELS = 2000
# A lot's label as an image: how each format is drawn (through the label cache) and its type.
_LABEL_FORMATS = {"png": (cached_png, "image/png"), "svg": (cached_svg, "image/svg+xml")}


@dataclass(frozen=True)
class LabelImage:
    """A drawn label and its media type."""

    body: bytes | str
    mimetype: str


def issued_serials(lot_id: int) -> int:
    """How many serials have been issued for a lot so far."""
    return db.session.scalar(select(func.count(Unit.id)).where(Unit.lot_id == lot_id))


def ensure_printable(lot: Lot) -> None:
    """Refuse, with InvalidState, to print or hand out the labels of a recalled lot."""
    if lot.recalled:
        raise InvalidState(_("This lot has been recalled; its labels can no longer be printed."))


def printable_lot(lot_id: int, actor: User) -> Lot:
    """A lot the actor manages, with what its label prints loaded; InvalidState if recalled."""
    lot = load_lot_for_label(get_lot(lot_id, actor).id)
    ensure_printable(lot)
    return lot


def lot_label_image(lot: Lot, kind: str, size: LabelSize) -> LabelImage:
    """A lot's label (one code for the lot) drawn as "png" or "svg", from the cache when drawn
    before; `lot` loaded by queries.load_lot_for_label. A recalled lot's is refused."""
    ensure_printable(lot)
    render, mimetype = _LABEL_FORMATS[kind]
    return LabelImage(render(lot_label(lot), size), mimetype)


def lot_runs(lot_id: int) -> list[LabelRun]:
    """A lot's label runs, newest first."""
    return list(db.session.scalars(
        select(LabelRun).where(LabelRun.lot_id == lot_id).order_by(LabelRun.id.desc())))


def get_run(run_id: int) -> LabelRun:
    """A label run by id (who may print it again is its lot's question: printable_lot)."""
    run = db.session.get(LabelRun, run_id)
    if run is None:
        raise NotFound(_("No such label run."))
    return run


def print_run(lot_id: int, size: LabelSize, count: int, serialised: bool, actor: User
              ) -> LabelRun:
    """Record a print of `count` labels; serialised runs issue `count` new random serials."""
    lock_lot(lot_id)  # concurrent runs of one lot take turns counting its serials
    lot = get_lot(lot_id, actor)
    if not actor.has_role(Role.PRODUCER):
        raise Forbidden(_("Only the producer's members print its labels."))
    db.session.refresh(lot, ["recalled_at"])
    ensure_printable(lot)
    if not 1 <= count <= MAX_RUN_LABELS:
        raise InvalidInput(_("Print 1 to %(max)s labels at a time.",
                             max=format_decimal(MAX_RUN_LABELS)), "count")
    if serialised:
        issued = issued_serials(lot.id)
        if issued + count > lot.quantity:
            raise InvalidInput(
                _("The lot has %(quantity)s units and %(issued)s serials are already issued; "
                  "at most %(left)s more can be.",
                  quantity=format_decimal(lot.quantity), issued=format_decimal(issued),
                  left=format_decimal(max(lot.quantity - issued, 0))), "count")
    _ensure_fits(lot.id, LabelSize(size), serialised)
    run = LabelRun(lot_id=lot.id, size=LabelSize(size).value, count=count,
                   serialised=serialised, created_by_id=actor.id)
    db.session.add(run)
    db.session.flush()
    if serialised:
        serials: set[str] = set()
        while len(serials) < count:  # 65 random bits: a repeat is astronomically rare
            serials.add(gs1.new_serial())
        db.session.execute(insert(Unit), [
            {"lot_id": lot.id, "run_id": run.id, "serial": serial, "scan_count": 0}
            for serial in sorted(serials)])
    return run


def _ensure_fits(lot_id: int, size: LabelSize, serialised: bool) -> None:
    """Refuse a label size too small for the lot's code before any serial is issued."""
    sample_serial = "0" * gs1.SERIAL_LENGTH if serialised else None
    try:
        layout_label(lot_label(load_lot_for_label(lot_id), sample_serial), size)
    except ValueError as error:
        raise InvalidInput(str(error), "size") from None


def lot_label(lot: Lot, serial: str | None = None) -> LabelText:
    """The label of a lot, or of one serialised unit; `lot.product.certificate` must be loaded."""
    certificate = lot.product.certificate
    # Stars print only while the certificate stands: a revoked or expired one is not OCOP.
    marked = is_listable(certificate, clock.today())
    return LabelText(url=lot_url(lot, serial), product_name=localized(lot.product, "name"),
                     lot=lot.code, expires_on=lot.expires_on, serial=serial,
                     stars=certificate.stars if marked else None)


def run_labels(run: LabelRun, lot: Lot) -> list[LabelText]:
    """The labels of a run in print order: one lot label repeated, or one per issued serial."""
    if not run.serialised:
        return [lot_label(lot)] * run.count
    serials = db.session.scalars(
        select(Unit.serial).where(Unit.run_id == run.id).order_by(Unit.id))
    return [lot_label(lot, serial) for serial in serials]


def run_sheet_pdf(run: LabelRun, lot: Lot) -> bytes:
    """A run's A4 sheets of labels, the same each time it is downloaded (serials included)."""
    return label_sheet_pdf(run_labels(run, lot), LabelSize(run.size))

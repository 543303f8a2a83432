"""The producers' traceability pages in the portal: zones, lots, label runs, labels, recalls."""

import re
from collections.abc import Callable

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import acting_producer_id, role_required
from shop.accounts.models import Role
from shop.catalog.listings import producer_products
from shop.core import clock
from shop.core.errors import InvalidInput, InvalidState
from shop.core.gs1 import MAX_LOT_LENGTH
from shop.core.pages import requested_page
from shop.extensions import db
from shop.places.services import provinces_by_name
from shop.trace import lots as lot_service
from shop.trace import runs as run_service
from shop.trace import zones as zone_service
from shop.trace.forms import (
    MAX_INPUT_ROWS,
    LabelRunForm,
    LotForm,
    RecallForm,
    ZoneEditForm,
    ZoneForm,
)
from shop.trace.labels import LabelSize
from shop.trace.links import lot_path, lot_url
from shop.trace.models import LabelRun, Lot, Zone
from shop.trace.queries import load_lot
from shop.trace.views.label_responses import label_response, requested_size
from shop.web.audiences import HomePanel, portal
from shop.web.forms import form_status, show_error

LOTS_PER_PAGE = 50
# Characters kept in a download's file name; a lot number may hold quotes and slashes.
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]")


def _home_counts(producer_id: int) -> dict:
    return {"zones": zone_service.zone_counts(producer_id),
            "lots": lot_service.lot_counts(producer_id)}


# The portal home's panels of zones and lots (registered in create_app).
HOME_PANEL = HomePanel("trace/portal/_home_panels.html", _home_counts)


@portal.get("/zones")
@role_required(Role.PRODUCER)
def zones():
    """The producer's raw-material zones, active ones first."""
    return render_template("trace/portal/zones.html", today=clock.today(),
                           zones=zone_service.producer_zones(acting_producer_id()),
                           cycle_labels=zone_service.CYCLE_LABELS,
                           standard_labels=zone_service.STANDARD_LABELS,
                           status_labels=zone_service.ZONE_STATUS_LABELS)


def _zone_form_page(form: ZoneForm, zone: Zone | None = None):
    return render_template("trace/portal/zone_form.html", form=form, zone=zone,
                           code_example=zone_service.CODE_EXAMPLE,
                           minimum_area=zone_service.MINIMUM_AREA_HA,
                           cycle_labels=zone_service.CYCLE_LABELS), form_status(form)


@portal.route("/zones/new", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def new_zone():
    """Register a raw-material zone under its planting-area code."""
    producer_id = acting_producer_id()
    form = ZoneForm(provinces_by_name())
    if form.validate_on_submit():
        try:
            zone = zone_service.create_zone(producer_id, form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Zone %(code)s registered.", code=zone.code), "success")
            return redirect(url_for(".zones"))
    return _zone_form_page(form)


@portal.route("/zones/<int:zone_id>/edit", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def edit_zone(zone_id: int):
    """Change a zone's record, its status included."""
    zone = zone_service.get_zone(zone_id, actor=current_user)
    form = ZoneEditForm(provinces_by_name(), obj=zone)
    if form.validate_on_submit():
        try:
            zone_service.update_zone(zone.id, form.to_input(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Zone %(code)s saved.", code=zone.code), "success")
            return redirect(url_for(".zones"))
    return _zone_form_page(form, zone)


@portal.get("/lots")
@role_required(Role.PRODUCER)
def lots():
    """The producer's lots, newest first, 50 to a page, with their products."""
    page = lot_service.producer_lots(acting_producer_id(), requested_page(request.args),
                                     LOTS_PER_PAGE)
    return render_template("trace/portal/lots.html", page=page)


@portal.route("/lots/new", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def new_lot():
    """Record a lot of one of the producer's products and the zones it drew on."""
    producer_id = acting_producer_id()
    form = LotForm(producer_products(producer_id), zone_service.active_zones(producer_id))
    if "add_row" in request.form:
        # "Add another row" (no JavaScript): the same form again, one row longer.
        return _lot_form_page(form, 200 if form.add_row() else 400)
    if form.validate_on_submit():
        try:
            lot = lot_service.create_lot(form.to_input(), actor=current_user)
        except InvalidInput as error:
            form.show_error(error)
        else:
            db.session.commit()
            flash(_("Lot %(code)s recorded.", code=lot.code), "success")
            return redirect(url_for(".lot", lot_id=lot.id))
    return _lot_form_page(form, form_status(form))


def _lot_form_page(form: LotForm, status: int):
    return render_template("trace/portal/lot_form.html", form=form, max_rows=MAX_INPUT_ROWS,
                           max_lot_length=MAX_LOT_LENGTH), status


def _lot_page(lot_id: int, run_form: LabelRunForm | None = None,
              recall_form: RecallForm | None = None, status: int = 200):
    """A lot's page; officers see it to recall the lot, only producer members print labels."""
    lot = load_lot(lot_service.get_lot(lot_id, actor=current_user).id)
    may_print = current_user.has_role(Role.PRODUCER) and not lot.recalled
    return render_template(
        "trace/portal/lot.html", lot=lot, trace_path=lot_path(lot), digital_link=lot_url(lot),
        may_print=may_print, runs=run_service.lot_runs(lot.id) if may_print else [],
        issued=run_service.issued_serials(lot.id) if may_print else 0,
        size_labels={size.value: size.spec.label for size in LabelSize},
        run_form=run_form or LabelRunForm(formdata=None),
        recall_form=recall_form or RecallForm(formdata=None)), status


@portal.get("/lots/<int:lot_id>")
@role_required(Role.PRODUCER, Role.OFFICER)
def lot(lot_id: int):
    """A lot: its inputs, links, label, label runs and recall."""
    return _lot_page(lot_id)


@portal.post("/lots/<int:lot_id>/recall")
@role_required(Role.PRODUCER, Role.OFFICER)
def recall(lot_id: int):
    """Recall a lot; its trace page tells shoppers at once and its labels no longer print."""
    form = RecallForm()

    def recalled(lot: Lot) -> Response:
        flash(_("Lot %(code)s recalled.", code=lot.code), "success")
        return redirect(url_for(".lot", lot_id=lot_id))

    return _lot_action(lot_id, form, "recall_form", recalled, lambda: lot_service.recall_lot(
        lot_id, form.reason.data, actor=current_user))


@portal.post("/lots/<int:lot_id>/runs")
@role_required(Role.PRODUCER)
def new_run(lot_id: int):
    """Record a label run, then download its sheet of labels."""
    form = LabelRunForm()
    return _lot_action(
        lot_id, form, "run_form", lambda run: redirect(url_for(".run_pdf", run_id=run.id)),
        lambda: run_service.print_run(lot_id, form.size.data, form.count.data,
                                      form.serialised, actor=current_user))


def _lot_action(lot_id: int, form, form_name: str, done: Callable, act: Callable) -> Response:
    """A form posted on a lot's page: `act()` once the form is valid, committed, then
    `done(result)`; a field error shows the page again with it, a refusal (a recalled lot, say)
    goes back to the page with its reason."""
    if form.validate_on_submit():
        try:
            result = act()
        except InvalidInput as error:
            show_error(form, error)
        except InvalidState as error:
            flash(error.message, "error")
            return redirect(url_for(".lot", lot_id=lot_id))
        else:
            db.session.commit()
            return done(result)
    return _lot_page(lot_id, status=400, **{form_name: form})


def _label_download(lot_id: int, render: Callable[[Lot], Response]) -> Response:
    """`render(lot)` for a lot whose labels may print; for a recalled one, back to its page."""
    try:
        lot = run_service.printable_lot(lot_id, actor=current_user)
    except InvalidState as error:
        flash(error.message, "error")
        return redirect(url_for(".lot", lot_id=lot_id))
    return render(lot)


def _label_image(kind: str) -> Callable[[Lot], Response]:
    """How a lot's label is answered as `kind` (png or svg): private, in the size asked for."""
    return lambda lot: label_response(
        run_service.lot_label_image(lot, kind, requested_size()), public=False)


@portal.get("/lots/<int:lot_id>/label.png")
@role_required(Role.PRODUCER)
def label_png(lot_id: int):
    """The lot's label (one code for the lot) as a 300 dpi PNG."""
    return _label_download(lot_id, _label_image("png"))


@portal.get("/lots/<int:lot_id>/label.svg")
@role_required(Role.PRODUCER)
def label_svg(lot_id: int):
    """The lot's label (one code for the lot) as SVG."""
    return _label_download(lot_id, _label_image("svg"))


@portal.get("/runs/<int:run_id>.pdf")
@role_required(Role.PRODUCER)
def run_pdf(run_id: int):
    """A run's sheet of labels as a PDF download; serialised runs hold live serials: no caching."""
    run = run_service.get_run(run_id)
    return _label_download(run.lot_id, lambda lot: _sheet_download(run, lot))


def _sheet_download(run: LabelRun, lot: Lot) -> Response:
    filename = _UNSAFE_FILENAME.sub("_", f"labels-{lot.code}-{run.id}.pdf")
    response = Response(run_service.run_sheet_pdf(run, lot), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response

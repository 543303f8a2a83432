"""Officers' and admins' fair pages: record, curate, give booths, publish, print, export,
and decide producers' applications."""

from collections.abc import Callable

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.catalog.search import CatalogQuery, search
from shop.core.errors import InvalidInput, InvalidState
from shop.database import writes_on_post
from shop.extensions import db
from shop.fairs import applications, exports, queries, services
from shop.fairs.forms import (
    APPLICATION_LABELS,
    AcceptForm,
    BoothForm,
    DeclineForm,
    FairForm,
    PickForm,
)
from shop.fairs.models import Fair
from shop.fairs.services import FairInput
from shop.places.models import Province
from shop.producers.models import Producer
from shop.web.forms import form_status, show_error

bp = Blueprint("fair_office", __name__, url_prefix="/office/fairs")
writes_on_post(bp)


def _provinces() -> list[Province]:
    return list(db.session.scalars(select(Province).order_by(Province.name)))


def _page(fair: Fair, form: FairForm | None = None, booth_form: BoothForm | None = None,
          status: int = 200):
    """The fair's page: its record, booths, picks (flagged) and the catalog search."""
    q = request.args.get("q", "").strip()
    producers = list(db.session.scalars(select(Producer).order_by(Producer.name)))
    return render_template(
        "fairs/office/fair.html", fair=fair, form=form or FairForm(_provinces(), fair),
        booth_form=booth_form or BoothForm(producers, formdata=None),
        booths=queries.booths(fair.id), picks=queries.office_picks(fair), pick_form=PickForm(),
        pending=applications.pending_count(fair.id, current_user),
        q=q, found=search(CatalogQuery(q=q, per_page=20)).items if q else []), status


@bp.get("/")
@role_required(Role.OFFICER)
def index():
    """The fairs of the officer's provinces, drafts included, and those with producers'
    applications awaiting the officer's decision."""
    return render_template("fairs/office/index.html", fairs=services.office_fairs(current_user),
                           pending=applications.pending_counts(current_user))


def _saved(form: FairForm, save: Callable[[FairInput], Fair], message: str):
    if not form.validate_on_submit():
        return None
    try:
        fair = save(form.to_input())
    except InvalidInput as error:
        show_error(form, error)
        return None
    db.session.commit()
    flash(message, "success")
    return redirect(url_for(".edit", fair_id=fair.id))


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def new():
    """Record a fair, as a draft."""
    form = FairForm(_provinces())
    saved = _saved(form, lambda data: services.create_fair(data, current_user), _("Fair saved."))
    return saved or (render_template("fairs/office/new.html", form=form), form_status(form))


@bp.route("/<int:fair_id>/edit", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def edit(fair_id: int):
    """A fair's record, booths and products."""
    fair = services.office_fair(fair_id, current_user)
    form = FairForm(_provinces(), fair)
    saved = _saved(form, lambda data: services.update_fair(fair.id, data, current_user),
                   _("Fair saved."))
    return saved or _page(fair, form, status=form_status(form))


def _act(fair_id: int, action: Callable[[], object], message: str):
    """Run a state change or a pick; its error flashed, the fair's page again."""
    try:
        action()
    except (InvalidInput, InvalidState) as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(message, "success")
    return redirect(url_for(".edit", fair_id=fair_id))


@bp.post("/<int:fair_id>/publish")
@role_required(Role.OFFICER)
def publish(fair_id: int):
    """Put the fair on the public pages."""
    return _act(fair_id, lambda: services.publish_fair(fair_id, current_user),
                _("The fair is published."))


@bp.post("/<int:fair_id>/close")
@role_required(Role.OFFICER)
def close(fair_id: int):
    """Close the fair."""
    return _act(fair_id, lambda: services.close_fair(fair_id, current_user),
                _("The fair is closed."))


@bp.post("/<int:fair_id>/booths")
@role_required(Role.OFFICER)
def add_booth(fair_id: int):
    """Give a booth to a producer."""
    fair = services.office_fair(fair_id, current_user)
    producers = list(db.session.scalars(select(Producer).order_by(Producer.name)))
    form = BoothForm(producers)
    if form.validate_on_submit():
        try:
            booth = services.add_booth(fair.id, form.code.data, form.producer_id.data,
                                       current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Booth %(code)s given.", code=booth.code), "success")
            return redirect(url_for(".edit", fair_id=fair.id))
    return _page(fair, booth_form=form, status=400)


@bp.post("/<int:fair_id>/booths/<int:booth_id>/remove")
@role_required(Role.OFFICER)
def remove_booth(fair_id: int, booth_id: int):
    """Take a booth back (and its producer's products off the fair)."""
    code = services.remove_booth(fair_id, booth_id, current_user)
    db.session.commit()
    flash(_("Booth %(code)s taken back.", code=code), "success")
    return redirect(url_for(".edit", fair_id=fair_id))


@bp.post("/<int:fair_id>/products")
@role_required(Role.OFFICER)
def add_product(fair_id: int):
    """Pick a listed product for the fair."""
    services.office_fair(fair_id, current_user)
    form = PickForm()
    product_id = form.product_id.data if form.validate_on_submit() else None
    product_id = int(product_id) if product_id and str(product_id).isdigit() else None
    return _act(fair_id, lambda: services.add_product(fair_id, product_id, current_user),
                _("Product added to the fair."))


@bp.post("/<int:fair_id>/products/<int:product_id>/remove")
@role_required(Role.OFFICER)
def remove_product(fair_id: int, product_id: int):
    """Take a product off the fair."""
    services.remove_product(fair_id, product_id, current_user)
    db.session.commit()
    flash(_("Product taken off the fair."), "success")
    return redirect(url_for(".edit", fair_id=fair_id))


@bp.get("/<int:fair_id>/floor")
@role_required(Role.OFFICER)
def floor(fair_id: int):
    """The floor list to print: booths by code, their producers and products."""
    fair = services.office_fair(fair_id, current_user)
    return render_template("fairs/office/floor.html", fair=fair,
                           entries=queries.by_booth(fair.id, queries.shown_products(fair.id)),
                           booths=queries.booths(fair.id))


@bp.get("/<int:fair_id>/export.xlsx")
@role_required(Role.OFFICER)
def export(fair_id: int):
    """The fair's products for organisers, as a spreadsheet."""
    fair = services.office_fair(fair_id, current_user)
    return Response(exports.fair_xlsx(fair), mimetype=exports.XLSX_TYPE, headers={
        "Content-Disposition": f'attachment; filename="{fair.slug}.xlsx"'})


def _applications_page(fair_id: int, failed: tuple[int, DeclineForm] | None = None,
                       status: int = 200):
    """The fair's applications in the officer's scope, each pending one with its decisions."""
    fair = applications.fair_for_office(fair_id)
    found = applications.fair_applications(fair.id, current_user)
    decline_forms = {a.id: DeclineForm(prefix=f"decline{a.id}", formdata=None) for a in found}
    if failed:
        decline_forms[failed[0]] = failed[1]
    return render_template(
        "fairs/office/applications.html", fair=fair, applications=found,
        labels=APPLICATION_LABELS, decline_forms=decline_forms,
        accept_forms={a.id: AcceptForm(prefix=f"accept{a.id}", formdata=None) for a in found},
        in_fair_scope=current_user.oversees_province(fair.province_id)), status


@bp.get("/<int:fair_id>/applications")
@role_required(Role.OFFICER)
def applications_of(fair_id: int):
    """Producers' applications to the fair, those of the officer's provinces."""
    return _applications_page(fair_id)


@bp.post("/applications/<int:application_id>/accept")
@role_required(Role.OFFICER)
def accept(application_id: int):
    """Accept an application: its products join the fair, at a booth if one is given."""
    form = AcceptForm(prefix=f"accept{application_id}")
    try:
        application = applications.accept(application_id, applications.Decision(
            booth_code=form.code.data or ""), current_user)
    except (InvalidInput, InvalidState) as error:
        db.session.rollback()
        flash(error.message, "error")
        fair_id = applications.fair_id_of(application_id)
    else:
        db.session.commit()
        flash(_("Application of %(name)s accepted.", name=application.producer.name), "success")
        fair_id = application.fair_id
    return redirect(url_for(".applications_of", fair_id=fair_id))


@bp.post("/applications/<int:application_id>/decline")
@role_required(Role.OFFICER)
def decline(application_id: int):
    """Decline an application, with the reason the producer reads."""
    form = DeclineForm(prefix=f"decline{application_id}")
    fair_id = applications.fair_id_of(application_id)
    if form.validate_on_submit():
        try:
            application = applications.decline(application_id, applications.Decision(
                reason=form.reason.data or ""), current_user)
        except InvalidInput as error:
            show_error(form, error)
        except InvalidState as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(url_for(".applications_of", fair_id=fair_id))
        else:
            db.session.commit()
            flash(_("Application of %(name)s declined.", name=application.producer.name),
                  "success")
            return redirect(url_for(".applications_of", fair_id=fair_id))
    return _applications_page(fair_id, (application_id, form), status=400)

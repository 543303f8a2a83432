"""Officers' and admins' outlet pages: the register of outlets, their records and staff."""

from collections.abc import Callable

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput
from shop.database import writes_on_post
from shop.extensions import db
from shop.outlets import queries, services, staff
from shop.outlets.forms import OutletForm, StaffForm
from shop.outlets.models import Bank, Outlet
from shop.outlets.services import OutletInput
from shop.places.models import Province
from shop.web.forms import form_status, show_error

bp = Blueprint("outlet_office", __name__, url_prefix="/office/outlets")
writes_on_post(bp)


def _form(outlet: Outlet | None = None) -> OutletForm:
    provinces = list(db.session.scalars(select(Province).order_by(Province.name)))
    banks = list(db.session.scalars(select(Bank).order_by(Bank.short_name)))
    return OutletForm(provinces, banks, outlet)


def _form_page(form: OutletForm, outlet: Outlet | None = None,
               staff_form: StaffForm | None = None, status: int = 200):
    members = staff.staff_of(outlet.id) if outlet else []
    return render_template("outlets/office/form.html", form=form, outlet=outlet, staff=members,
                           staff_form=staff_form or StaffForm(formdata=None)), status


@bp.get("/")
@role_required(Role.OFFICER)
def index():
    """Every outlet the officer's office covers, closed ones included."""
    outlets = [o for o in queries.office_outlets() if current_user.oversees_province(o.province_id)]
    return render_template("outlets/office/index.html", outlets=outlets)


def _saved(form: OutletForm, save: Callable[[OutletInput], Outlet],
           message: Callable[[Outlet], str]):
    """Save a valid form through `save`: the redirect to the outlet's record, or None (the
    form is shown again, with the service's error on its field)."""
    if not form.validate_on_submit():
        return None
    try:
        outlet = save(form.to_input())
    except InvalidInput as error:
        form.show_error(error)
        return None
    db.session.commit()
    flash(message(outlet), "success")
    return redirect(url_for(".edit", outlet_id=outlet.id))


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def new():
    """Register an outlet."""
    form = _form()
    saved = _saved(form, lambda data: services.create_outlet(data, current_user),
                   lambda outlet: _("Outlet %(name)s registered.", name=outlet.name_vi))
    return saved or _form_page(form, status=form_status(form))


@bp.route("/<int:outlet_id>/edit", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def edit(outlet_id: int):
    """Change an outlet's record; its staff below."""
    outlet = services.office_outlet(outlet_id, current_user)
    form = _form(outlet)
    saved = _saved(form, lambda data: services.update_outlet(outlet.id, data, current_user),
                   lambda changed: _("Outlet %(name)s saved.", name=changed.name_vi))
    return saved or _form_page(form, outlet, status=form_status(form))


@bp.post("/<int:outlet_id>/staff")
@role_required(Role.OFFICER)
def add_staff(outlet_id: int):
    """Add an existing account to the outlet's staff by its email."""
    outlet = services.office_outlet(outlet_id, current_user)
    staff_form = StaffForm()
    if staff_form.validate_on_submit():
        try:
            person = staff.add_staff(outlet.id, staff_form.email.data, current_user)
        except InvalidInput as error:
            show_error(staff_form, error)
        else:
            db.session.commit()
            flash(_("%(name)s is now on the staff.", name=person.name), "success")
            return redirect(url_for(".edit", outlet_id=outlet.id))
    return _form_page(_form(outlet), outlet, staff_form, status=400)


@bp.post("/<int:outlet_id>/staff/<int:membership_id>/remove")
@role_required(Role.OFFICER)
def remove_staff(outlet_id: int, membership_id: int):
    """Take someone off the staff: their next request no longer opens the console."""
    name = staff.remove_staff(outlet_id, membership_id, current_user)
    db.session.commit()
    flash(_("%(name)s is no longer on the staff.", name=name), "success")
    return redirect(url_for(".edit", outlet_id=outlet_id))

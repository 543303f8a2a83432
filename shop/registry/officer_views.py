"""The administrators' page of officers: who keeps which province's registry.

A blueprint nested in the registry's ("ocop"), under /registry/officers."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import EmailField, SelectChoice, SelectField
from wtforms.validators import InputRequired, Length

from shop.accounts.access import role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.places.models import Province
from shop.registry import officers as services
from shop.web.forms import optional_int, show_error

bp = Blueprint("officers", __name__, url_prefix="/officers")


class AppointForm(FlaskForm):
    """The account to appoint and its office."""

    email = EmailField(_l("Email of the officer's account"),
                       validators=[InputRequired(), Length(max=254)])
    province_id = SelectField(_l("Office"), coerce=optional_int, validate_choice=False)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.province_id.choices = [SelectChoice("", _l("National office (every province)"))] + [
            SelectChoice(p.id, p.name)
            for p in db.session.scalars(select(Province).order_by(Province.name))]


@bp.route("/", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def index():
    """Every officer and their office; appoint one."""
    form = AppointForm()
    if form.validate_on_submit():
        try:
            services.appoint_officer(form.email.data, form.province_id.data, current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("%(email)s is an officer now.", email=form.email.data), "success")
            return redirect(url_for(".index"))
    status = 400 if form.is_submitted() else 200
    return render_template("registry/officers.html", form=form,
                           offices=services.offices(current_user)), status


@bp.post("/<int:membership_id>/dismiss")
@role_required(Role.ADMIN)
def dismiss(membership_id: int):
    """End one office membership."""
    user = services.dismiss_officer(membership_id, current_user)
    db.session.commit()
    flash(_("%(name)s no longer keeps that office's registry.", name=user.name), "success")
    return redirect(url_for(".index"))

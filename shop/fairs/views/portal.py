"""The producers' fair pages in the portal: apply to an upcoming fair, follow the outcome."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import acting_producer_id, role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput, InvalidState
from shop.extensions import db
from shop.fairs import applications
from shop.fairs.forms import APPLICATION_LABELS, ApplyForm
from shop.web.audiences import HomePanel, portal
from shop.web.forms import form_status, show_error

# The portal home's panel of fairs (registered in create_app).
HOME_PANEL = HomePanel("fairs/portal/_home_panel.html")


@portal.get("/fairs")
@role_required(Role.PRODUCER)
def fairs():
    """Upcoming fairs to apply to, and the producer's applications with their outcomes."""
    producer_id = acting_producer_id()
    mine = applications.producer_applications(producer_id)
    return render_template("fairs/portal/fairs.html", fairs=applications.fairs_open_to(),
                           applications=mine, labels=APPLICATION_LABELS,
                           applied={a.fair_id for a in mine
                                    if a.status in applications.OPEN_STATUSES})


@portal.route("/fairs/<int:fair_id>/apply", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def apply_to_fair(fair_id: int):
    """Choose which listed products to bring to the fair, and apply."""
    producer_id = acting_producer_id()
    fair = applications.fair_to_apply_to(fair_id)
    form = ApplyForm(applications.listed_products_of(producer_id))
    if form.validate_on_submit():
        try:
            applications.apply(fair.id, producer_id, form.chosen_ids(), current_user)
        except InvalidInput as error:
            show_error(form, error)
        except InvalidState as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(url_for(".fairs"))
        else:
            db.session.commit()
            flash(_("Application sent: an officer will accept or decline it."), "success")
            return redirect(url_for(".fairs"))
    existing = applications.open_application(fair.id, producer_id)
    return render_template("fairs/portal/apply.html", fair=fair, form=form, existing=existing,
                           labels=APPLICATION_LABELS), form_status(form)

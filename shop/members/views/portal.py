"""The portal's members page: a producer's members invite colleagues and remove members."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from shop.accounts.access import acting_producer_id, role_required
from shop.accounts.models import Role
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.members import invitations, membership
from shop.members.forms import InviteForm
from shop.members.views import join_url
from shop.web.audiences import portal
from shop.web.forms import form_status, show_error
from shop.web.i18n import current_language


def _page(form: InviteForm, producer_id: int, status: int):
    return render_template("members/portal/members.html", form=form,
                           remove_endpoint="portal.remove_member", remove_args={},
                           members=membership.members_of(producer_id),
                           pending=invitations.open_invitations(producer_id)), status


@portal.route("/members", methods=["GET", "POST"])
@role_required(Role.PRODUCER)
def members():
    """The producer's members and open invitations; invite a colleague by email."""
    producer_id = acting_producer_id()
    form = InviteForm()
    if form.validate_on_submit():
        try:
            invitations.invite(producer_id, form.email.data, current_user, current_language(),
                               join_url)
        except InvalidInput as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Invitation sent to %(email)s.", email=form.email.data), "success")
            return redirect(url_for(".members"))
    return _page(form, producer_id, form_status(form))


@portal.post("/members/<int:membership_id>/remove")
@role_required(Role.PRODUCER)
def remove_member(membership_id: int):
    """Remove a member of the producer; their access and open sessions end at once."""
    name = membership.remove_member(membership_id, current_user)
    db.session.commit()
    flash(_("%(name)s is no longer a member.", name=name), "success")
    return redirect(url_for(".members"))

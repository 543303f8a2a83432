"""Following an invitation: create an account (or sign in) and join the producer."""

from datetime import timedelta

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from shop.accounts import sessions
from shop.core.errors import InvalidInput, InvalidState, NotFound
from shop.database import writes_on_post
from shop.extensions import db
from shop.members import invitations
from shop.members.forms import JoinForm
from shop.web.forms import form_status, show_error

bp = Blueprint("members", __name__)
writes_on_post(bp)


def _refused(error: InvalidState | NotFound):
    return render_template("members/join_failed.html", message=error.message), error.status


def _joined(producer_name: str):
    db.session.commit()
    flash(_("You are now a member of %(producer)s.", producer=producer_name), "success")
    return redirect(url_for("portal.home"))


@bp.route("/join/<token>", methods=["GET", "POST"])
def join(token: str):
    """The invitation: a form for a new account, or a button for someone signed in."""
    try:
        invitation = invitations.open_invitation(token)
    except (InvalidState, NotFound) as error:
        return _refused(error)
    form = JoinForm()
    if not current_user.is_authenticated and form.validate_on_submit():
        try:
            user = invitations.sign_up_and_accept(token, form.name.data, form.password.data)
        except InvalidInput as error:
            show_error(form, error)
        else:
            lifetime = timedelta(seconds=current_app.config["REMEMBER_COOKIE_DURATION"])
            sessions.start_session(user, lifetime)
            login_user(user)
            return _joined(invitation.producer.name)
    return render_template("members/join.html", invitation=invitation, form=form,
                           token=token), form_status(form)


@bp.post("/join/<token>/accept")
def accept(token: str):
    """A signed-in person joins the producer the invitation names."""
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.sign_in", next=url_for(".join", token=token)))
    try:
        producer = invitations.accept(token, current_user)
    except (InvalidState, NotFound) as error:
        return _refused(error)
    return _joined(producer.name)

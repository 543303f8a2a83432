"""Sign up, sign in, sign out, and a person's own sessions and password."""

from datetime import timedelta

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from shop.accounts import services, sessions
from shop.accounts.forms import PasswordChangeForm, SignInForm, SignUpForm
from shop.accounts.models import User
from shop.core.errors import Forbidden, InvalidInput, InvalidState
from shop.core.urls import absolute_url, safe_next
from shop.extensions import db, limiter, login_manager
from shop.web.i18n import current_language

bp = Blueprint("accounts", __name__)

login_manager.login_view = "accounts.sign_in"
login_manager.login_message = _l("Please sign in to open this page.")
login_manager.login_message_category = "info"
# Flashed messages are stored in the session cookie, which holds plain strings only.
login_manager.localize_callback = str


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """Flask-Login: the user of a live session (a signed-out or revoked one is nobody)."""
    return sessions.user_for_session(token)


def _sign_in_account_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def _sign_in_address_limit() -> str:
    return current_app.config["SIGN_IN_ADDRESS_RATE_LIMIT"]


def _sign_up_limit() -> str:
    return current_app.config["SIGN_UP_RATE_LIMIT"]


def _account_key() -> str:
    """Attempts on one account count together, whichever address they come from."""
    return "account:" + services.normalize_email(request.form.get("email", ""))[:254]


def _failed(response) -> bool:
    """Only failed attempts count against an account: signing in is not an attempt to guess."""
    return response.status_code != 302


def _too_many_attempts() -> str:
    return _("Too many attempts from your connection. Please wait a few minutes and try again.")


def _too_many_for_account() -> str:
    return _("Too many failed attempts for this account. Please wait a few minutes and try "
             "again.")


def _next_page() -> str:
    """Where to go once signed in: the same-site `next`, else the home page."""
    return safe_next(request.args.get("next"), url_for("catalog.home"))


def _session_lifetime() -> timedelta:
    return timedelta(seconds=current_app.config["REMEMBER_COOKIE_DURATION"])


@bp.route("/sign-in", methods=["GET", "POST"])
# Per address generously (many phones share one address on mobile networks), per account
# strictly: one client cannot lock out everyone behind its address, nor guess one password.
@limiter.limit(_sign_in_address_limit, methods=["POST"], error_message=_too_many_attempts)
@limiter.limit(_sign_in_account_limit, key_func=_account_key, methods=["POST"],
               deduct_when=_failed, error_message=_too_many_for_account,
               scope="sign-in-account")
def sign_in():
    """Sign in with email and password; one message for any mismatch, so emails stay private."""
    if current_user.is_authenticated:
        return redirect(_next_page())
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.Unconfirmed as unconfirmed:
            services.send_confirmation(unconfirmed.user, _mail_links())
            db.session.commit()
            form.form_errors.append(unconfirmed.message)
        except Forbidden as refused:
            form.form_errors.append(refused.message)
        else:
            if user is not None:
                sessions.start_session(user, _session_lifetime())
                db.session.commit()
                login_user(user, remember=form.remember.data)
                flash(_("Welcome back, %(name)s.", name=user.name), "success")
                return redirect(_next_page())
            form.form_errors.append(_("The email or password is incorrect."))
    return render_template("accounts/sign_in.html", form=form, next=request.args.get("next"))


def _mail_links() -> services.MailLinks:
    return services.MailLinks(
        language=current_language(),
        confirm_url=lambda token: absolute_url("accounts.confirm_email", token=token),
        sign_in_url=absolute_url("accounts.sign_in"))


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(_sign_up_limit, methods=["POST"], error_message=_too_many_attempts)
def sign_up():
    """Register a customer and mail a link to confirm the address; the same answer for an
    address that already has an account, so the form tells no one who has one."""
    if current_user.is_authenticated:
        return redirect(_next_page())
    form = SignUpForm()
    if form.validate_on_submit():
        try:
            services.sign_up(form.name.data, form.email.data, form.password.data,
                             _mail_links())
        except InvalidInput as error:
            form[error.field].errors.append(error.message)
        else:
            db.session.commit()
            return render_template("accounts/check_inbox.html", email=form.email.data)
    return render_template("accounts/sign_up.html", form=form, next=request.args.get("next"))


@bp.get("/confirm-email/<token>")
def confirm_email(token: str):
    """Follow the link of a sign-up mail: the address is confirmed and the person signed in."""
    try:
        user = services.confirm_email(token)
    except InvalidState as done:
        flash(done.message, "info")
        return redirect(url_for("accounts.sign_in"))
    except InvalidInput as bad:
        return render_template("accounts/confirm_failed.html", message=bad.message), 400
    sessions.start_session(user, _session_lifetime())
    db.session.commit()
    login_user(user)
    flash(_("Welcome, %(name)s. Your address is confirmed and your account is ready.",
            name=user.name), "success")
    return redirect(url_for("catalog.home"))


@bp.post("/sign-out")
def sign_out():
    """Sign out (POST only, so no link or image can do it): the session ends on the server."""
    if current_user.is_authenticated:
        sessions.end_session(current_user.session_token)
        db.session.commit()
    logout_user()
    flash(_("You have signed out."), "success")
    return redirect(url_for("catalog.home"))


@bp.route("/account/security", methods=["GET", "POST"])
@login_required
def security():
    """Change the password; every other session of the account ends with the old one."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.password.data)
        except InvalidInput as error:
            form[error.field].errors.append(error.message)
        else:
            db.session.commit()
            flash(_("Your password has been changed. Every other device has been signed out."),
                  "success")
            return redirect(url_for("accounts.security"))
    return render_template("accounts/security.html", form=form), 400 if form.errors else 200


@bp.post("/account/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    """End every session of the account, this one included."""
    sessions.end_all_sessions(current_user.id)
    db.session.commit()
    logout_user()
    flash(_("You have been signed out on every device."), "success")
    return redirect(url_for("catalog.home"))

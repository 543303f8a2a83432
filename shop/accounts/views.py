"""Sign up, sign in, sign out."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from shop.accounts import services
from shop.accounts.forms import SignInForm, SignUpForm
from shop.accounts.models import User
from shop.errors import Forbidden, InvalidInput
from shop.extensions import db, limiter, login_manager
from shop.urls import safe_next

bp = Blueprint("accounts", __name__)

login_manager.login_view = "accounts.sign_in"
login_manager.login_message = _l("Please sign in to open this page.")
login_manager.login_message_category = "info"
# Flashed messages are stored in the session cookie, which holds plain strings only.
login_manager.localize_callback = str


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Flask-Login: the signed-in user by id."""
    return db.session.get(User, int(user_id))


def _sign_in_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def _sign_up_limit() -> str:
    return current_app.config["SIGN_UP_RATE_LIMIT"]


def _too_many_attempts() -> str:
    return _("Too many attempts from your connection. Please wait a few minutes and try again.")


def _next_page() -> str:
    """Where to go once signed in: the same-site `next`, else the home page."""
    return safe_next(request.args.get("next"), url_for("catalog.home"))


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"], error_message=_too_many_attempts)
def sign_in():
    """Sign in with email and password; one message for any mismatch, so emails stay private."""
    if current_user.is_authenticated:
        return redirect(_next_page())
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except Forbidden as refused:
            form.form_errors.append(refused.message)
        else:
            if user is not None:
                login_user(user, remember=form.remember.data)
                flash(_("Welcome back, %(name)s.", name=user.name), "success")
                return redirect(_next_page())
            form.form_errors.append(_("The email or password is incorrect."))
    return render_template("accounts/sign_in.html", form=form, next=request.args.get("next"))


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(_sign_up_limit, methods=["POST"], error_message=_too_many_attempts)
def sign_up():
    """Create a customer account, sign it in and go on to `next`."""
    if current_user.is_authenticated:
        return redirect(_next_page())
    form = SignUpForm()
    if form.validate_on_submit():
        try:
            user = services.register_customer(
                form.name.data, form.email.data, form.password.data)
        except InvalidInput as error:
            form[error.field].errors.append(error.message)
        else:
            db.session.commit()
            login_user(user)
            flash(_("Welcome, %(name)s. Your account is ready.", name=user.name), "success")
            return redirect(_next_page())
    return render_template("accounts/sign_up.html", form=form, next=request.args.get("next"))


@bp.post("/sign-out")
def sign_out():
    """Sign out (POST only, so no link or image can do it) and go home."""
    logout_user()
    flash(_("You have signed out."), "success")
    return redirect(url_for("catalog.home"))

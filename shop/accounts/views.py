"""Sign up, sign in, sign out (placeholder until the accounts work lands)."""

from flask import Blueprint, abort

from shop.accounts.models import User
from shop.extensions import db, login_manager

bp = Blueprint("accounts", __name__)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Flask-Login: the signed-in user by id."""
    return db.session.get(User, int(user_id))


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign in."""
    abort(501)


@bp.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    """Sign up."""
    abort(501)


@bp.post("/sign-out")
def sign_out():
    """Sign out."""
    abort(501)

"""Accounts: registering customers and checking credentials."""

import secrets
from functools import cache

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from shop.accounts import sessions
from shop.accounts.models import Role, User
from shop.errors import Forbidden, InvalidInput
from shop.extensions import db

MIN_PASSWORD_LENGTH = 10


def normalize_email(email: str) -> str:
    """The form an email is stored and looked up in: trimmed and lower-case."""
    return email.strip().lower()


def register_customer(name: str, email: str, password: str) -> User:
    """Create an active customer account; InvalidInput names the field at fault."""
    check_new_password(password)
    user = User(name=name.strip(), email=normalize_email(email), role=Role.CUSTOMER, active=True)
    user.set_password(password)
    # The unique constraint decides, so two sign-ups racing for one email cannot both win;
    # the savepoint keeps the caller's transaction usable when it does.
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except IntegrityError:
        raise InvalidInput(_("An account with this email already exists."), field="email") from None
    return user


@cache
def _decoy_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))


def authenticate(email: str, password: str) -> User | None:
    """The user these credentials belong to, else None; Forbidden for a deactivated account."""
    user = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None:
        # Hash anyway, so the response time does not tell which emails have accounts.
        check_password_hash(_decoy_hash(), password)
        return None
    if not user.check_password(password):
        return None
    if not user.active:
        raise Forbidden(_("This account has been deactivated. Please contact us to restore it."))
    return user


def check_new_password(password: str) -> None:
    """InvalidInput on the password field when `password` is too short."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            _("Use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH), field="password")


def change_password(user: User, current: str, new: str) -> None:
    """Replace the password after checking the current one; the account's other sessions end."""
    if not user.check_password(current):
        raise InvalidInput(_("This is not your current password."), field="current")
    check_new_password(new)
    user.set_password(new)
    sessions.end_all_sessions(user.id, keep=user.session_token)

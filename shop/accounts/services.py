"""Accounts: registering customers and checking credentials."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from shop.accounts import sessions
from shop.accounts.models import Role, User
from shop.core.clock import utcnow
from shop.core.errors import Forbidden, InvalidInput, InvalidState
from shop.extensions import db
from shop.mail import enqueue

MIN_PASSWORD_LENGTH = 10
# A confirmation link works for three days; a new sign-in attempt mails a fresh one.
CONFIRMATION_MAX_AGE = int(timedelta(days=3).total_seconds())


def normalize_email(email: str) -> str:
    """The form an email is stored and looked up in: trimmed and lower-case."""
    return email.strip().lower()


class Unconfirmed(Forbidden):
    """The password is right but the address was never confirmed."""

    def __init__(self, user: User):
        super().__init__(_("Please confirm your email address first: we have sent you a new "
                           "link."), field="email")
        self.user = user


@dataclass(frozen=True)
class MailLinks:
    """What the mail of a sign-up needs: the reader's language and the links it gives."""

    language: str
    confirm_url: Callable[[str], str]
    sign_in_url: str


def sign_up(name: str, email: str, password: str, mail: MailLinks) -> None:
    """Register a customer and mail them a link to confirm the address.

    The answer is the same whether or not the address already has an account: then its owner
    is mailed a reminder instead (or, if never confirmed, a new link), so the form cannot be
    used to learn who has an account. InvalidInput names the field at fault.
    """
    check_new_password(password)
    email = normalize_email(email)
    user = User(name=name.strip(), email=email, role=Role.CUSTOMER, active=True)
    # Hash in both cases, so the time taken does not tell the cases apart either.
    user.set_password(password)
    # The unique constraint decides, so two sign-ups racing for one email cannot both win;
    # the savepoint keeps the caller's transaction usable when it does.
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except IntegrityError:
        user = db.session.scalar(select(User).where(User.email == email))
        if user.email_confirmed_at is not None:
            enqueue(user.email, "account_exists", mail.language, name=user.name,
                    sign_in_url=mail.sign_in_url)
            return
    send_confirmation(user, mail)


def _confirmations() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="confirm-email")


def confirmation_token(user: User) -> str:
    """A signed token naming the user and the address it confirms."""
    return _confirmations().dumps([user.id, user.email])


def confirm_email(token: str) -> User:
    """Mark the address a token names as confirmed; InvalidInput when the link is bad or old.

    A link works once: the account it confirms is returned only the first time.
    """
    try:
        user_id, email = _confirmations().loads(token, max_age=CONFIRMATION_MAX_AGE)
    except (BadSignature, ValueError, TypeError):
        raise InvalidInput(_("This confirmation link is invalid or has expired.")) from None
    user = db.session.get(User, user_id)
    if user is None or user.email != email:
        raise InvalidInput(_("This confirmation link is invalid or has expired."))
    if user.email_confirmed_at is not None:
        raise InvalidState(_("This address is already confirmed: please sign in."))
    user.email_confirmed_at = utcnow()
    return user


def send_confirmation(user: User, mail: MailLinks) -> None:
    """Mail a link confirming the address of an account not yet confirmed."""
    enqueue(user.email, "confirm_email", mail.language, name=user.name,
            confirm_url=mail.confirm_url(confirmation_token(user)))


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
    if user.email_confirmed_at is None:
        raise Unconfirmed(user)
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

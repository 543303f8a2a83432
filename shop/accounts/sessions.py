"""Signed-in sessions kept on the server, so that signing out really ends them.

The session cookie and the remember-me cookie hold a random token; the database holds its
SHA-256. Signing out deletes the session, a password change or "sign out everywhere" deletes
all of a person's sessions, so a copied cookie stops working at once.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import joinedload

from shop.accounts.models import User, UserSession
from shop.core.clock import utcnow
from shop.extensions import db


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User, lifetime: timedelta) -> str:
    """Open a session for `user` lasting `lifetime`; its token becomes the user's id."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(UserSession(user_id=user.id, token_hash=_hash(token), created_at=now,
                               expires_at=now + lifetime))
    user.session_token = token
    return token


def user_for_session(token: str) -> User | None:
    """The active user a live session token belongs to, else None."""
    # One query: the session, its user and the user's memberships, which every permission
    # check on the page reads.
    user = db.session.scalars(
        select(User).join(UserSession, UserSession.user_id == User.id)
        .where(UserSession.token_hash == _hash(token), UserSession.expires_at > utcnow())
        .options(joinedload(User.memberships))).unique().first()
    if user is not None:
        user.session_token = token
    return user


def end_session(token: str | None) -> None:
    """End one session (signing out)."""
    if token:
        db.session.execute(delete(UserSession).where(UserSession.token_hash == _hash(token)))


def end_all_sessions(user_id: int, keep: str | None = None) -> None:
    """End every session of a person, except `keep` (the one asking, after a password change)."""
    query = delete(UserSession).where(UserSession.user_id == user_id)
    if keep:
        query = query.where(UserSession.token_hash != _hash(keep))
    db.session.execute(query)


def purge_expired(now: datetime) -> None:
    """Periodic job: forget sessions past their expiry (their cookies no longer sign in)."""
    db.session.execute(delete(UserSession).where(UserSession.expires_at <= now))

"""Invitations to join a producer: mailed by officers or by its members, single use, 7 days.

The link holds a random token; the database only its SHA-256 (as for signed-in sessions), so
a copy of the database opens no invitation.
"""

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from shop.accounts.models import Membership, OrganisationKind, User
from shop.accounts.services import check_new_password, normalize_email
from shop.core.actors import Actor
from shop.core.clock import utcnow
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.database import write_transaction
from shop.extensions import db
from shop.mail import enqueue
from shop.members.models import Invitation
from shop.producers.models import Producer

LIFETIME = timedelta(days=7)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def may_invite(actor: Actor, producer: Producer) -> bool:
    """Its members (and admins) and the officers whose office covers its province invite."""
    return actor.is_member_of(producer.id) or actor.oversees_province(producer.province_id)


def invite(producer_id: int, email: str, actor: Actor, language: str,
           join_url: Callable[[str], str]) -> Invitation:
    """Mail `email` a link to join the producer; `join_url(token)` makes the link."""
    write_transaction()
    producer = db.session.get(Producer, producer_id)
    if producer is None:
        raise NotFound(_("No such producer."))
    if not may_invite(actor, producer):
        raise Forbidden(_("You may not invite people to this producer."))
    email = normalize_email(email or "")
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise InvalidInput(_("Enter an email address like name@example.vn."), "email")
    already = db.session.scalar(
        select(User.name).join(Membership, Membership.user_id == User.id)
        .where(User.email == email, Membership.producer_id == producer.id))
    if already is not None:
        raise InvalidInput(_("%(name)s is already a member.", name=already), "email")
    token = secrets.token_urlsafe(32)
    invitation = Invitation(producer_id=producer.id, email=email, token_hash=_hash(token),
                            invited_by_id=actor.id, created_at=utcnow(),
                            expires_at=utcnow() + LIFETIME)
    db.session.add(invitation)
    enqueue(email, "invitation", language, producer=producer.name, url=join_url(token),
            days=LIFETIME.days)
    db.session.flush()
    return invitation


def open_invitation(token: str) -> Invitation:
    """The unused, unexpired invitation a token opens (its producer loaded); InvalidState
    when it was used or has expired, NotFound for a token no invitation has."""
    invitation = db.session.scalar(
        select(Invitation).where(Invitation.token_hash == _hash(token or ""))
        .options(joinedload(Invitation.producer)))
    if invitation is None:
        raise NotFound(_("This invitation link is not valid."))
    if invitation.accepted_at is not None:
        raise InvalidState(_("This invitation has already been used."))
    expires = invitation.expires_at
    if expires.tzinfo is None:  # SQLite drops the offset: stored values are UTC
        expires = expires.replace(tzinfo=utcnow().tzinfo)
    if expires <= utcnow():
        raise InvalidState(_("This invitation has expired: ask for a new one."))
    return invitation


def accept(token: str, user: User) -> Producer:
    """Make `user` a member of the producer the invitation names; the link then stops working."""
    write_transaction()
    invitation = open_invitation(token)
    # One UPDATE decides, so two people following the same link at once cannot both join.
    used = db.session.execute(
        update(Invitation).where(Invitation.id == invitation.id,
                                 Invitation.accepted_at.is_(None))
        .values(accepted_at=utcnow(), accepted_by_id=user.id)
        .execution_options(synchronize_session=False)).rowcount
    if used != 1:
        raise InvalidState(_("This invitation has already been used."))
    if invitation.producer_id not in user.producer_ids:
        user.memberships.append(Membership(kind=OrganisationKind.PRODUCER,
                                           producer_id=invitation.producer_id))
    db.session.flush()
    return db.session.get(Producer, invitation.producer_id)


def sign_up_and_accept(token: str, name: str, password: str) -> User:
    """Create the account of the invitation's address (confirmed: the link reached it) and
    join; InvalidInput when the address has an account already (sign in instead)."""
    write_transaction()
    invitation = open_invitation(token)
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("Enter your name."), "name")
    check_new_password(password)
    if db.session.scalar(select(User.id).where(User.email == invitation.email)):
        raise InvalidInput(_("This address has an account already: sign in to join."), "name")
    user = User(name=name[:120], email=invitation.email, active=True,
                email_confirmed_at=utcnow())
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    accept(token, user)
    return user


def open_invitations(producer_id: int) -> list[Invitation]:
    """The producer's invitations not yet used nor expired, newest first."""
    return list(db.session.scalars(
        select(Invitation).where(Invitation.producer_id == producer_id,
                                 Invitation.accepted_at.is_(None),
                                 Invitation.expires_at > utcnow())
        .order_by(Invitation.created_at.desc())))

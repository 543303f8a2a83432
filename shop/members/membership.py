"""A producer's members: who they are, and removing one (their sessions end with it)."""

from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import select

from shop.accounts import sessions
from shop.accounts.models import Membership, OrganisationKind, User
from shop.core.actors import Actor
from shop.core.errors import Forbidden, NotFound
from shop.database import write_transaction
from shop.extensions import db
from shop.members.invitations import may_invite
from shop.producers.models import Producer


class Member(NamedTuple):
    """A person belonging to a producer, and the membership that makes them so."""

    membership_id: int
    user_id: int
    name: str
    email: str


def members_of(producer_id: int) -> list[Member]:
    """The producer's members, longest-standing first."""
    rows = db.session.execute(
        select(Membership.id, User.id, User.name, User.email)
        .join(User, User.id == Membership.user_id)
        .where(Membership.producer_id == producer_id).order_by(Membership.id))
    return [Member(*row) for row in rows]


def remove_member(membership_id: int, actor: Actor, producer_id: int | None = None) -> str:
    """End a producer membership (of `producer_id` when given): the person loses its portal at
    their next request, and every session they have open ends, so a stolen or shared cookie
    stops too. Their name."""
    write_transaction()
    membership = db.session.get(Membership, membership_id)
    if (membership is None or membership.kind is not OrganisationKind.PRODUCER
            or producer_id not in (None, membership.producer_id)):
        raise NotFound(_("This person is not a member of the producer."))
    producer = db.session.get(Producer, membership.producer_id)
    if not may_invite(actor, producer):
        raise Forbidden(_("You may not manage this producer's members."))
    user_id = membership.user_id
    name = db.session.scalar(select(User.name).where(User.id == user_id))
    db.session.delete(membership)
    sessions.end_all_sessions(user_id)
    db.session.flush()
    return name

"""An outlet's staff: existing accounts added by email, removed by officers."""

from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import select

from shop.accounts.models import Membership, OrganisationKind, User
from shop.accounts.services import normalize_email
from shop.core.actors import Actor
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.database import refused_if_taken, write_transaction
from shop.extensions import db
from shop.outlets.models import Outlet
from shop.outlets.services import office_outlet


class StaffMember(NamedTuple):
    """A person on an outlet's staff, and the membership that makes them so."""

    membership_id: int
    name: str
    email: str


def staff_of(outlet_id: int) -> list[StaffMember]:
    """The outlet's staff, longest-serving first."""
    rows = db.session.execute(
        select(Membership.id, User.name, User.email).join(User, User.id == Membership.user_id)
        .where(Membership.outlet_id == outlet_id).order_by(Membership.id))
    return [StaffMember(*row) for row in rows]


def add_staff(outlet_id: int, email: str, actor: Actor) -> User:
    """Make the account with this email one of the outlet's staff."""
    write_transaction()
    outlet = office_outlet(outlet_id, actor)
    user = db.session.scalar(select(User).where(User.email == normalize_email(email or "")))
    if user is None:
        raise InvalidInput(_("No account uses this address: ask them to sign up first, then "
                             "add them."), "email")
    if outlet.id in user.outlet_ids:
        raise InvalidInput(_("%(name)s is already on this outlet's staff.", name=user.name),
                           "email")
    with refused_if_taken(_("%(name)s is already on this outlet's staff.", name=user.name),
                          "email"):
        user.memberships.append(Membership(kind=OrganisationKind.OUTLET, outlet_id=outlet.id))
    return user


def remove_staff(outlet_id: int, membership_id: int, actor: Actor) -> str:
    """End a staff membership of the outlet (their next request no longer opens its console);
    the name of the person removed."""
    write_transaction()
    outlet = office_outlet(outlet_id, actor)
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.outlet_id != outlet.id:
        raise NotFound(_("This person is not on the outlet's staff."))
    name = db.session.scalar(select(User.name).where(User.id == membership.user_id))
    db.session.delete(membership)
    db.session.flush()
    return name


def staffed_outlet(slug: str, actor: Actor) -> Outlet:
    """The outlet of a console address, when `actor` is on its staff (or an admin)."""
    outlet = db.session.scalar(select(Outlet).where(Outlet.slug == slug))
    if outlet is None:
        raise NotFound(_("No outlet has this address."))
    if not actor.is_staff_of(outlet.id):
        raise Forbidden(_("You are not on this outlet's staff."))
    return outlet

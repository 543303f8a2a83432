"""Admins appoint officers to a province's OCOP office or to the national one, and dismiss
them; what an officer may do follows from these memberships (shop.accounts.offices)."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.accounts.services import normalize_email
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.extensions import db
from shop.places.models import Province


@dataclass(frozen=True)
class Office:
    """One officer's place: the person, and the province of the office (None: national)."""

    membership_id: int | None
    user: User
    province: Province | None


def _require_admin(actor: User) -> None:
    if actor.role is not Role.ADMIN:
        raise Forbidden(_("Only an administrator may appoint or dismiss officers."))


def offices(actor: User) -> list[Office]:
    """Every officer's office, by province (national first) then name; accounts holding the
    officer role themselves are national officers without a membership to dismiss."""
    _require_admin(actor)
    rows = db.session.execute(
        select(Membership.id, User, Province).join(User, User.id == Membership.user_id)
        .outerjoin(Province, Province.id == Membership.province_id)
        .where(Membership.kind == OrganisationKind.OFFICE))
    found = [Office(membership_id, user, province) for membership_id, user, province in rows]
    with_office = {office.user.id for office in found}
    found += [Office(None, user, None) for user in db.session.scalars(
        select(User).where(User.role == Role.OFFICER)) if user.id not in with_office]
    return sorted(found, key=lambda o: (o.province is not None,
                                        o.province.name if o.province else "", o.user.name))


def appoint_officer(email: str, province_id: int | None, actor: User) -> Membership:
    """Make the account of `email` an officer of the province's office (None: national)."""
    _require_admin(actor)
    user = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None or not user.active:
        raise InvalidInput(_("No account has this address: ask the person to sign up first."),
                           "email")
    if province_id is not None and db.session.get(Province, province_id) is None:
        raise InvalidInput(_("Choose a province."), "province_id")
    if any(m.kind is OrganisationKind.OFFICE and m.province_id == province_id
           for m in user.memberships):
        raise InvalidInput(_("%(name)s is an officer of this office already.", name=user.name),
                           "province_id")
    membership = Membership(kind=OrganisationKind.OFFICE, province_id=province_id)
    user.memberships.append(membership)
    db.session.flush()
    return membership


def dismiss_officer(membership_id: int, actor: User) -> User:
    """End an office membership; its holder loses what it allowed at their next request."""
    _require_admin(actor)
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.kind is not OrganisationKind.OFFICE:
        raise NotFound(_("No such officer."))
    user = db.session.get(User, membership.user_id)
    user.memberships.remove(membership)
    db.session.flush()
    return user

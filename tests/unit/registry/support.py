"""Officers of one province or of the nation, as admins would set them up."""

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.extensions import db
from tests.factories import UserFactory


def provincial_officer(*provinces) -> User:
    """An officer of the OCOP offices of `provinces` (one membership each)."""
    user = UserFactory(role=Role.OFFICER)
    for province in provinces:
        user.memberships.append(Membership(kind=OrganisationKind.OFFICE, province_id=province.id))
    db.session.flush()
    return user


def national_officer() -> User:
    """An officer of the national OCOP office (an office membership without a province)."""
    user = UserFactory(role=Role.CUSTOMER)
    user.memberships.append(Membership(kind=OrganisationKind.OFFICE))
    db.session.flush()
    return user

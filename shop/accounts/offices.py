"""Officers' scope: the provinces whose producers an officer keeps the registry for.

One rule, used wherever an officer records, revokes, imports or curates: a provincial
officer (an office membership with a province) acts for that province's producers only; a
national officer (an office membership without a province) and admins act everywhere.
"""

from shop.accounts.models import OrganisationKind, Role, User

# National reach: the scope that every province is in.
NATIONAL = None


def officer_scope(user: User) -> frozenset[int] | None:
    """The ids of the provinces `user` acts for as an officer, or None (NATIONAL) for all of
    them; the empty set for someone who is no officer."""
    if user.role is Role.ADMIN:
        return NATIONAL
    offices = [m for m in user.memberships if m.kind is OrganisationKind.OFFICE]
    if not offices:
        # An account given the officer role itself, with no office, is the national office's
        # (as accounts were before offices were memberships); once it has offices, they decide.
        return NATIONAL if user.role is Role.OFFICER else frozenset()
    if any(m.province_id is None for m in offices):
        return NATIONAL
    return frozenset(m.province_id for m in offices)


def in_scope(scope: frozenset[int] | None, province_id: int) -> bool:
    """True when an officer of `scope` acts for producers of province `province_id`."""
    return scope is NATIONAL or province_id in scope

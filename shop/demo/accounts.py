"""Demo accounts, one per role, with passwords published in the README."""

from typing import NamedTuple

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.core.clock import utcnow
from shop.extensions import db
from shop.producers.models import Producer


class DemoAccount(NamedTuple):
    """A demo sign-in: email, password, role and display name."""

    email: str
    password: str
    role: Role
    name: str


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("customer@ocop.example.vn", "demo-customer-2026", Role.CUSTOMER,
                "Nguyễn Thu Hà"),
    DemoAccount("producer@ocop.example.vn", "demo-producer-2026", Role.PRODUCER,
                "Y Điêng Niê"),
    DemoAccount("outlet@ocop.example.vn", "demo-outlet-2026", Role.OUTLET_STAFF,
                "Lê Thị Hồng"),
    DemoAccount("officer@ocop.example.vn", "demo-officer-2026", Role.OFFICER,
                "Phạm Quốc Bảo"),
    DemoAccount("admin@ocop.example.vn", "demo-admin-2026", Role.ADMIN, "Đỗ Thanh Sơn"),
)
# The producer account is a member of this demo producer.
MEMBER_OF = "HTX Cà phê Công bằng Ea Kiết"


def seed_accounts(member_of: Producer) -> dict[Role, User]:
    """Create the demo users (the producer member belongs to `member_of`); return them by role."""
    users = {}
    for account in DEMO_ACCOUNTS:
        user = User(email=account.email, name=account.name, role=account.role,
                    email_confirmed_at=utcnow())
        if account.role is Role.PRODUCER:
            user.memberships.append(
                Membership(kind=OrganisationKind.PRODUCER, producer_id=member_of.id))
        elif account.role is Role.OFFICER:
            # The national office: the demo officer keeps every province's registry.
            user.memberships.append(Membership(kind=OrganisationKind.OFFICE))
        user.set_password(account.password)
        db.session.add(user)
        users[account.role] = user
    db.session.flush()
    return users

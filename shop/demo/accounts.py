"""Demo accounts, one per role, with passwords published in the README."""

from typing import NamedTuple

from shop.accounts.models import Membership, OrganisationKind, Role, User
from shop.core.clock import utcnow
from shop.extensions import db
from shop.places.models import Province
from shop.producers.models import Producer


class DemoAccount(NamedTuple):
    """A demo sign-in: email, password, role and display name; for staff their outlets, for an
    officer their province (none: the national office)."""

    email: str
    password: str
    role: Role
    name: str
    outlets: tuple[str, ...] = ()
    province: str = ""


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("customer@ocop.example.vn", "demo-customer-2026", Role.CUSTOMER,
                "Nguyễn Thu Hà"),
    DemoAccount("producer@ocop.example.vn", "demo-producer-2026", Role.PRODUCER,
                "Y Điêng Niê"),
    # Staff of both centres, so the console asks which one.
    DemoAccount("outlet@ocop.example.vn", "demo-outlet-2026", Role.OUTLET_STAFF,
                "Lê Thị Hồng", ("ttgt-ocop-ha-noi", "ttgt-ocop-tp-ho-chi-minh")),
    DemoAccount("officer@ocop.example.vn", "demo-officer-2026", Role.OFFICER,
                "Phạm Quốc Bảo"),
    DemoAccount("admin@ocop.example.vn", "demo-admin-2026", Role.ADMIN, "Đỗ Thanh Sơn"),
    *(DemoAccount(f"staff.{place}@ocop.example.vn", "demo-outlet-2026", Role.OUTLET_STAFF,
                  name, (slug,)) for place, name, slug in (
        ("hanoi", "Nguyễn Minh Anh", "ttgt-ocop-ha-noi"),
        ("hcm", "Trần Quốc Huy", "ttgt-ocop-tp-ho-chi-minh"),
        ("hoian", "Phan Thị Thu", "diem-ban-ocop-hoi-an"),
        ("dalat", "K'Brơi Ly", "diem-ban-ocop-da-lat"),
        ("sapa", "Giàng Thị Mai", "diem-ban-ocop-sa-pa"),
        ("halong", "Vũ Đức Long", "diem-ban-ocop-ha-long"),
        ("cantho", "Lâm Ngọc Hân", "dac-san-ben-ninh-kieu"))),
)
# A provincial officer besides the national one: Lâm Đồng's registry and decisions only.
PROVINCIAL_OFFICER = DemoAccount("officer.lamdong@ocop.example.vn", "demo-lamdong-2026",
                                 Role.OFFICER, "Trần Thị Lan", province="Lâm Đồng")
EVERY_DEMO_ACCOUNT = (*DEMO_ACCOUNTS, PROVINCIAL_OFFICER)
# The producer account is a member of this demo producer.
MEMBER_OF = "HTX Cà phê Công bằng Ea Kiết"


def seed_accounts(member_of: Producer, provinces: dict[str, Province]) -> dict[Role, User]:
    """Create the demo users (the producer member belongs to `member_of`); return the first of
    each role (the national officer for the officers; staff join their outlets in
    shop.demo.outlets)."""
    users = {}
    hashes: dict[str, str] = {}  # scrypt is slow on purpose: one hash per password
    for account in EVERY_DEMO_ACCOUNT:
        user = User(email=account.email, name=account.name, role=account.role,
                    email_confirmed_at=utcnow())
        if account.role is Role.PRODUCER:
            user.memberships.append(
                Membership(kind=OrganisationKind.PRODUCER, producer_id=member_of.id))
        elif account.role is Role.OFFICER:
            # No province: the national office, which keeps every province's registry.
            province = provinces[account.province].id if account.province else None
            user.memberships.append(Membership(kind=OrganisationKind.OFFICE,
                                               province_id=province))
        if account.password not in hashes:
            user.set_password(account.password)
            hashes[account.password] = user.password_hash
        user.password_hash = hashes[account.password]
        db.session.add(user)
        users.setdefault(account.role, user)
    db.session.flush()
    return users

"""An outlet's staff (existing accounts, by email) and the NAPAS banks kept as data."""

import pytest
from sqlalchemy import select

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.core.errors import Forbidden, InvalidInput, NotFound
from shop.outlets.models import Bank
from shop.outlets.staff import add_staff, remove_staff, staff_of
from tests.factories import OutletFactory, UserFactory

pytestmark = pytest.mark.usefixtures("english")


def test_an_officer_adds_an_account_to_the_staff_by_email(session, outlet, officer):
    person = UserFactory(email="lan@example.vn", name="Trần Thị Lan")
    assert add_staff(outlet.id, "  LAN@example.VN ", officer) is person
    assert person.is_staff_of(outlet.id) and person.outlet_ids == [outlet.id]
    assert [member.name for member in staff_of(outlet.id)] == ["Trần Thị Lan"]


def test_an_unknown_address_or_a_second_time_names_the_email(session, outlet, officer):
    with pytest.raises(InvalidInput, match="sign up first") as refused:
        add_staff(outlet.id, "nobody@example.vn", officer)
    assert refused.value.field == "email"
    person = UserFactory(outlet=outlet)
    with pytest.raises(InvalidInput, match="already on this outlet's staff"):
        add_staff(outlet.id, person.email, officer)


def test_removing_ends_the_membership_of_that_outlet_only(session, outlet, officer):
    other = OutletFactory()
    person = UserFactory(outlet=outlet)
    person.memberships.append(Membership(kind=OrganisationKind.OUTLET, outlet_id=other.id))
    session.flush()
    [member] = staff_of(outlet.id)

    with pytest.raises(NotFound):
        remove_staff(other.id, member.membership_id, officer)
    assert remove_staff(outlet.id, member.membership_id, officer) == person.name
    session.expire(person, ["memberships"])
    assert person.outlet_ids == [other.id]


def test_staff_and_customers_manage_no_staff(session, outlet):
    staff = UserFactory(outlet=outlet)
    for actor in (staff, UserFactory(role=Role.CUSTOMER)):
        with pytest.raises(Forbidden):
            add_staff(outlet.id, staff.email, actor)


def test_admins_are_staff_of_every_outlet_and_customers_of_none(session, outlet):
    assert UserFactory(role=Role.ADMIN).is_staff_of(outlet.id)
    assert not UserFactory(role=Role.CUSTOMER).is_staff_of(outlet.id)
    assert not UserFactory(outlet=OutletFactory()).is_staff_of(outlet.id)


# The BINs VietQR payloads carry, as NAPAS (and vietqr.io's bank list) give them.
BIGGEST_BANKS = {
    "970436": "Vietcombank", "970415": "VietinBank", "970418": "BIDV", "970405": "Agribank",
    "970407": "Techcombank", "970422": "MBBank", "970416": "ACB", "970432": "VPBank",
    "970423": "TPBank", "970403": "Sacombank", "970437": "HDBank", "970441": "VIB",
    "970443": "SHB", "970431": "Eximbank", "970426": "MSB", "970448": "OCB",
    "970440": "SeABank", "970449": "LPBank", "970428": "Nam A Bank", "970427": "VietABank",
}


def test_the_migration_holds_the_biggest_banks_with_their_bins(session):
    banks = dict(session.execute(select(Bank.bin, Bank.short_name)).all())
    assert banks.items() >= BIGGEST_BANKS.items()
    assert all(len(code) == 6 and code.isdigit() for code in banks)

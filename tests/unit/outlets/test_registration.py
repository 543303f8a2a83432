"""Registering an outlet: every field checked and normalised, and only where the office reaches."""

from dataclasses import replace
from datetime import time
from decimal import Decimal

import pytest

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.core.errors import Forbidden, InvalidInput
from shop.outlets.models import OutletKind, OutletStatus
from shop.outlets.services import OutletInput, create_outlet, update_outlet
from tests.factories import OutletFactory, ProvinceFactory, UserFactory

pytestmark = pytest.mark.usefixtures("english")
EVERY_DAY = ("08:00–21:00",) * 6 + ("",)


@pytest.fixture
def province():
    return ProvinceFactory(name="Hà Nội")


@pytest.fixture
def national():
    return UserFactory(role=Role.OFFICER)


def outlet_input(province, **changes) -> OutletInput:
    data = OutletInput(
        name_vi="Trung tâm Giới thiệu sản phẩm OCOP Hà Nội", kind=OutletKind.CENTRE,
        operator_name="Trung tâm Xúc tiến Thương mại Hà Nội", operator_tax_code="0101234567",
        street="  25 Phố Hàng Bông ", commune="Phường Hoàn Kiếm", province_id=province.id,
        latitude="21.0302", longitude=Decimal("105.8474"), phone="+84 24 3826 4011",
        hours=EVERY_DAY, email=" OCOP@Hanoi.Example.vn", bank_bin="970436",
        bank_account="0011 0044 55667", bank_account_name="Trung tâm Xúc tiến Thương mại Hà Nội",
        accepts_vietqr=True, offers_delivery=True, delivery_fees=((province.id, 25_000),),
        free_delivery_from_vnd=500_000, accepts_cod=True)
    return replace(data, **changes)


def test_an_officer_registers_an_outlet_with_everything_normalised(session, province, national):
    outlet = create_outlet(outlet_input(province), national)

    assert outlet.slug == "trung-tam-gioi-thieu-san-pham-ocop-ha-noi"
    assert (outlet.street, outlet.phone, outlet.email) == (
        "25 Phố Hàng Bông", "02438264011", "ocop@hanoi.example.vn")
    assert (outlet.latitude, outlet.longitude) == (Decimal("21.030200"), Decimal("105.847400"))
    assert (outlet.bank_account, outlet.bank_account_name) == (
        "0011004455667", "TRUNG TAM XUC TIEN THUONG MAI HA NOI")
    assert [(h.weekday, h.opens_at, h.closes_at) for h in outlet.hours][:1] == [
        (0, time(8), time(21))]
    assert len(outlet.hours) == 6  # Sunday closed
    assert [(f.province_id, f.fee_vnd) for f in outlet.delivery_fees] == [(province.id, 25_000)]
    assert outlet.status is OutletStatus.OPEN


def test_editing_keeps_the_outlet_and_replaces_its_hours_and_fees(session, province, national):
    outlet = create_outlet(outlet_input(province), national)
    other = ProvinceFactory()
    changed = update_outlet(outlet.id, outlet_input(
        province, slug="ocop-ha-noi", hours=("07:00–11:00, 13:00–17:00",) + ("",) * 6,
        delivery_fees=((other.id, 40_000), (province.id, 0)), status=OutletStatus.PAUSED),
        national)
    assert changed.id == outlet.id and changed.slug == "ocop-ha-noi"
    assert len(changed.hours) == 2
    assert sorted((f.province_id, f.fee_vnd) for f in changed.delivery_fees) == sorted(
        [(other.id, 40_000), (province.id, 0)])
    assert changed.status is OutletStatus.PAUSED


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"name_vi": "   "}, "name_vi", "Enter the outlet's name"),
    ({"name_vi": "\u200b\u200b"}, "name_vi", "invisible"),
    ({"slug": "Ha Noi"}, "slug", "lower-case"),
    ({"operator_tax_code": "010123456"}, "operator_tax_code", "10 digits"),
    ({"operator_tax_code": "0101234567-01"}, "operator_tax_code", "10 digits"),
    ({"province_id": None}, "province_id", "Choose a province"),
    ({"province_id": 987_654}, "province_id", "Choose a province"),
    ({"latitude": "105.8474"}, "latitude", "point in Vietnam"),
    ({"longitude": "21.03"}, "longitude", "point in Vietnam"),
    ({"latitude": "NaN"}, "latitude", "point in Vietnam"),
    ({"latitude": "bắc"}, "latitude", "point in Vietnam"),
    ({"phone": "1900 1234"}, "phone", "Vietnamese phone"),
    ({"email": "ocop@"}, "email", "valid email"),
    ({"hours": ("08:00–07:00",) + ("",) * 6}, "hours_0", "close after"),
    ({"hours": ("",) * 6}, "hours_0", "every weekday"),
    ({"bank_bin": "970999"}, "bank_bin", "Choose the bank"),
    ({"bank_account": "0011-ABC"}, "bank_account", "1 to 19 digits"),
    ({"bank_account": "1" * 20}, "bank_account", "1 to 19 digits"),
    ({"bank_account_name": "名前"}, "bank_account_name", "without accents"),
    ({"bank_bin": None, "bank_account": "", "bank_account_name": ""}, "bank_bin", "VietQR"),
    ({"offers_pickup": False, "offers_delivery": False}, "offers_pickup", "pickup, delivery"),
    ({"delivery_fees": ()}, "offers_delivery", "at least one province"),
    ({"delivery_fees": ((1, -5),)}, "delivery-0-fee_vnd", "0 đồng or more"),
    ({"delivery_fees": ((1, 2_000_000),)}, "delivery-0-fee_vnd", "At most"),
    ({"free_delivery_from_vnd": -1}, "free_delivery_from_vnd", "0 đồng or more"),
    ({"accepts_vietqr": False, "accepts_cash_pickup": False, "accepts_cod": False},
     "accepts_vietqr", "one way of paying"),
    ({"offers_pickup": False}, "accepts_cash_pickup", "needs pickup"),
    ({"offers_delivery": False, "delivery_fees": ()}, "accepts_cod", "needs delivery"),
])
def test_a_bad_field_is_named(session, province, national, changes, field, words):
    with pytest.raises(InvalidInput, match=words) as refused:
        create_outlet(outlet_input(province, **changes), national)
    assert refused.value.field == field


def test_two_outlets_cannot_share_an_address(session, province, national):
    OutletFactory(slug="ocop-ha-noi")
    with pytest.raises(InvalidInput, match="/outlets/ocop-ha-noi") as refused:
        create_outlet(outlet_input(province, slug="ocop-ha-noi"), national)
    assert refused.value.field == "slug"


def test_a_provincial_officer_keeps_to_their_province(session, province):
    provincial = UserFactory(role=Role.CUSTOMER)
    provincial.memberships.append(Membership(kind=OrganisationKind.OFFICE,
                                             province_id=province.id))
    session.flush()
    outlet = create_outlet(outlet_input(province), provincial)
    elsewhere = ProvinceFactory()

    with pytest.raises(Forbidden):
        create_outlet(outlet_input(elsewhere, slug="khac"), provincial)
    with pytest.raises(Forbidden):
        update_outlet(outlet.id, outlet_input(elsewhere), provincial)
    with pytest.raises(Forbidden):
        update_outlet(OutletFactory(province=elsewhere).id, outlet_input(province), provincial)


@pytest.mark.parametrize("role", [Role.CUSTOMER, Role.OUTLET_STAFF, Role.PRODUCER])
def test_nobody_but_officers_and_admins_registers(session, province, role):
    with pytest.raises(Forbidden):
        create_outlet(outlet_input(province), UserFactory(role=role))
    assert create_outlet(outlet_input(province), UserFactory(role=Role.ADMIN)).id

"""Officers register and edit outlets, within their province, and add and remove staff."""

from sqlalchemy import select

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.extensions import db
from shop.outlets.models import Outlet
from tests.factories import OutletFactory, ProvinceFactory, UserFactory
from tests.web.outlets.conftest import error_of, typed


def outlet_form(province, **changes) -> dict:
    form = {"name_vi": "Điểm bán OCOP Sa Pa", "name_en": "Sa Pa OCOP outlet", "slug": "",
            "kind": "point", "status": "open", "operator_name": "HTX Du lịch Sa Pa",
            "operator_tax_code": "5300123456", "street": "6 Cầu Mây", "commune": "Phường Sa Pa",
            "province_id": str(province.id), "latitude": "22.3364", "longitude": "103.8438",
            "phone": "0214 387 1975", "email": "", "bank_bin": "970418",
            "bank_account": "8800123456", "bank_account_name": "HTX Du lịch Sa Pa",
            "offers_pickup": "y", "offers_delivery": "y", "free_delivery_from_vnd": "800000",
            "accepts_vietqr": "y", "accepts_cash_pickup": "y",
            "delivery-0-province_id": str(province.id), "delivery-0-fee_vnd": "30000",
            **{f"hours_{day}": "07:30–21:30" for day in range(7)}}
    return form | changes


def test_an_officer_registers_an_outlet(client, sign_in, officer):
    lao_cai = ProvinceFactory(name="Lào Cai")
    browser = sign_in(officer)
    blank = browser.get("/office/outlets/new").get_data(as_text=True)
    assert "Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam" in blank

    response = browser.post("/office/outlets/new", data=outlet_form(lao_cai))
    outlet = db.session.scalar(select(Outlet).where(Outlet.slug == "diem-ban-ocop-sa-pa"))
    assert response.headers["Location"] == f"/office/outlets/{outlet.id}/edit"
    assert (outlet.phone, outlet.bank_account_name) == ("02143871975", "HTX DU LICH SA PA")
    assert outlet.accepts_vietqr and not outlet.accepts_cod
    page = browser.get(response.headers["Location"]).get_data(as_text=True)
    assert "Outlet Điểm bán OCOP Sa Pa registered." in page
    assert typed(page, "delivery-0-fee_vnd") == "30000"


def test_a_bad_field_keeps_what_was_typed_and_says_why(client, sign_in, officer):
    lao_cai = ProvinceFactory(name="Lào Cai")
    browser = sign_in(officer)
    response = browser.post("/office/outlets/new", data=outlet_form(
        lao_cai, operator_tax_code="53001234", hours_2="21:00–07:00"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "A tax code has 10 digits" in error_of(page, "operator_tax_code")
    assert typed(page, "operator_tax_code") == "53001234"
    assert typed(page, "hours_2") == "21:00–07:00" and typed(page, "street") == "6 Cầu Mây"

    fee = browser.post("/office/outlets/new", data=outlet_form(
        lao_cai, **{"delivery-0-fee_vnd": "-1"})).get_data(as_text=True)
    assert "0 đồng or more" in error_of(fee, "delivery-0-fee_vnd")
    assert db.session.scalar(select(Outlet.id)) is None


def test_a_provincial_officer_sees_and_edits_only_their_provinces_outlets(client, sign_in):
    mine, theirs = ProvinceFactory(), ProvinceFactory()
    provincial = UserFactory(role=Role.CUSTOMER)
    provincial.memberships.append(Membership(kind=OrganisationKind.OFFICE, province_id=mine.id))
    own = OutletFactory(province=mine, name_vi="Của tỉnh mình")
    other = OutletFactory(province=theirs, name_vi="Của tỉnh khác")
    browser = sign_in(provincial)

    listing = browser.get("/office/outlets/").get_data(as_text=True)
    assert "Của tỉnh mình" in listing and "Của tỉnh khác" not in listing
    assert browser.get(f"/office/outlets/{own.id}/edit").status_code == 200
    assert browser.get(f"/office/outlets/{other.id}/edit").status_code == 403
    moved = browser.post(f"/office/outlets/{own.id}/edit", data=outlet_form(
        theirs, operator_tax_code="not checked before the province"))
    assert moved.status_code == 403
    assert own.province_id == mine.id


def test_staff_are_added_by_email_and_removed(client, sign_in, officer, outlet):
    person = UserFactory(email="lan@example.vn", name="Trần Thị Lan")
    browser = sign_in(officer)
    unknown = browser.post(f"/office/outlets/{outlet.id}/staff", data={"email": "x@example.vn"})
    assert unknown.status_code == 400
    assert "sign up first" in error_of(unknown.get_data(as_text=True), "email")

    added = browser.post(f"/office/outlets/{outlet.id}/staff", data={"email": "LAN@example.vn"})
    assert added.status_code == 302
    page = browser.get(f"/office/outlets/{outlet.id}/edit").get_data(as_text=True)
    assert "Trần Thị Lan is now on the staff." in page and "lan@example.vn" in page

    staff_browser = sign_in(person, client.application.test_client())
    staff_browser.set_cookie("lang", "en")
    assert staff_browser.get(f"/console/{outlet.slug}/stock").status_code == 200
    membership_id = person.memberships[0].id
    removed = browser.post(f"/office/outlets/{outlet.id}/staff/{membership_id}/remove")
    assert removed.status_code == 302
    assert staff_browser.get(f"/console/{outlet.slug}/stock").status_code == 403


def test_a_membership_of_another_outlet_is_not_removed_through_this_one(client, sign_in, officer,
                                                                        outlet, staff):
    other = OutletFactory()
    response = sign_in(officer).post(
        f"/office/outlets/{other.id}/staff/{staff.memberships[0].id}/remove")
    assert response.status_code == 404
    assert staff.is_staff_of(outlet.id)

"""Admins appoint officers to a province's office or the national one, and dismiss them."""

import pytest

from shop.accounts.models import Role
from shop.accounts.offices import NATIONAL, officer_scope
from shop.core.errors import Forbidden, InvalidInput
from shop.extensions import db
from shop.registry.officers import appoint_officer, dismiss_officer
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory, UserFactory


@pytest.fixture
def admin_client(client, sign_in):
    client.set_cookie("lang", "en")
    return sign_in(UserFactory(role=Role.ADMIN, name="Quản trị"))


def test_an_admin_appoints_a_provincial_officer_who_then_keeps_that_province(
        admin_client, app, sign_in):
    province = ProvinceFactory(name="Lâm Đồng")
    ProductFactory(name_en="Local tea", producer=ProducerFactory(province=province))
    ProductFactory(name_en="Far honey")
    person = UserFactory(email="lan@example.vn", name="Trần Thị Lan")
    response = admin_client.post("/registry/officers/", data={
        "email": " LAN@example.vn ", "province_id": str(province.id)})
    assert response.status_code == 302
    page = admin_client.get("/registry/officers/").get_data(as_text=True)
    assert "Trần Thị Lan" in page and "Lâm Đồng" in page
    db.session.refresh(person)
    assert officer_scope(person) == {province.id}
    officer = app.test_client()
    officer.set_cookie("lang", "en")
    sign_in(person, officer)
    registry = officer.get("/registry/").get_data(as_text=True)
    assert "Local tea" in registry and "Far honey" not in registry

    dismissed = admin_client.post(f"/registry/officers/{person.memberships[0].id}/dismiss",
                                  follow_redirects=True)
    assert "Trần Thị Lan no longer keeps that office" in dismissed.get_data(as_text=True)
    assert officer.get("/registry/").status_code == 403  # at once, on the next request


@pytest.mark.parametrize(("form", "field", "message"), [
    ({"email": "nobody@example.vn", "province_id": ""}, "email",
     "No account has this address: ask the person to sign up first."),
    ({"email": "", "province_id": ""}, "email", "This field is required."),
])
def test_a_bad_appointment_names_its_field_and_keeps_what_was_typed(admin_client, form, field,
                                                                   message):
    response = admin_client.post("/registry/officers/", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'<p class="error" id="{field}-error">{message}</p>' in html
    assert f'value="{form["email"]}"' in html or not form["email"]


def test_appointing_twice_to_one_office_is_refused_and_a_national_office_reaches_all():
    admin = UserFactory(role=Role.ADMIN)
    person = UserFactory()
    appoint_officer(person.email, None, admin)
    assert officer_scope(person) is NATIONAL
    with pytest.raises(InvalidInput) as refused:
        appoint_officer(person.email, None, admin)
    assert refused.value.field == "province_id"
    with pytest.raises(Forbidden):
        appoint_officer(person.email, None, UserFactory(role=Role.OFFICER))
    with pytest.raises(Forbidden):
        dismiss_officer(person.memberships[0].id, UserFactory(role=Role.OFFICER))
    dismiss_officer(person.memberships[0].id, admin)
    assert officer_scope(person) == frozenset() and not person.has_role(Role.OFFICER)

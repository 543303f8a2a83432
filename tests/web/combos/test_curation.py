"""Curating combos: officers for any outlet their office covers, staff for their own outlets
only, whatever identifier they send (path id, outlet in the path, outlets in the form)."""

from sqlalchemy import select

from shop.accounts.models import Role
from shop.combos.models import Combo, ComboStatus
from shop.extensions import db
from tests.factories import ComboFactory, OutletFactory, ProductFactory, UserFactory
from tests.unit.combos.conftest import revoke


def _form(tea, honey, outlets, **changes) -> dict:
    data = {"name_vi": "Quà 20/11 tri ân thầy cô", "name_en": "Teachers' day thanks",
            "occasion": "teachers_20_11", "price_vnd": "300000", "story_vi": "Trà và mật ong.",
            "components-0-product_id": str(tea.id), "components-0-quantity": "2",
            "components-1-product_id": str(honey.id), "components-1-quantity": "1",
            "outlet_ids": [str(o.id) for o in outlets], "offers_message_card": "y"}
    data.update(changes)
    return data


def _staff_client(app, sign_in, outlet):
    browser = app.test_client()
    browser.set_cookie("lang", "en")
    return sign_in(UserFactory(role=Role.CUSTOMER, outlet=outlet), browser)


def test_an_officer_creates_and_publishes_a_combo(client, sign_in, tea, honey, outlet):
    sign_in(UserFactory(role=Role.OFFICER))
    response = client.post("/office/combos/new", data=_form(tea, honey, [outlet]))
    assert response.status_code == 302
    combo = db.session.scalar(select(Combo).where(Combo.slug == "qua-20-11-tri-an-thay-co"))
    assert combo.status is ComboStatus.DRAFT and combo.price_vnd == 300_000
    assert client.get(f"/combos/{combo.slug}").status_code == 404  # a draft is not for sale

    assert client.post(f"/office/combos/{combo.id}/status",
                       data={"status": "published"}).status_code == 302
    assert "Teachers&#39; day thanks" in client.get(f"/combos/{combo.slug}").get_data(
        as_text=True)


def test_bad_input_keeps_what_was_typed_and_names_the_field(client, sign_in, tea, honey, outlet):
    sign_in(UserFactory(role=Role.OFFICER))
    for changes, message in (
            ({"price_vnd": "12.5"}, "Not a valid integer"),
            ({"price_vnd": "0"}, "Enter a whole number of đồng"),
            ({"components-1-product_id": ""}, "from 2 to 8 different products"),
            ({"components-1-product_id": str(tea.id)}, "appears twice"),
            ({"components-0-quantity": "0"}, "from 1 to 99"),
            ({"occasion": "christmas"}, "Choose an occasion"),
            ({"slug": "Not A Slug"}, "lower-case letters")):
        response = client.post("/office/combos/new", data=_form(tea, honey, [outlet], **changes))
        page = response.get_data(as_text=True)
        assert response.status_code == 400, changes
        assert message in page, changes
        assert 'value="Quà 20/11 tri ân thầy cô"' in page
    assert db.session.scalar(select(Combo.id)) is None


def test_only_listed_products_go_into_a_combo(client, sign_in, tea, outlet):
    sign_in(UserFactory(role=Role.OFFICER))
    uncertified = ProductFactory(certificate=None)
    response = client.post("/office/combos/new", data=_form(tea, uncertified, [outlet]))
    assert response.status_code == 400
    assert "Only OCOP-certified products" in response.get_data(as_text=True)


def test_the_story_is_sanitised_on_the_page(client, sign_in, tea, honey, outlet):
    combo = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[outlet],
                         story_en="Hello <script>alert(1)</script> **world**")
    page = client.get(f"/combos/{combo.slug}").get_data(as_text=True)
    assert "<strong>world</strong>" in page and "<script>alert" not in page


def test_staff_curate_only_their_outlets_combos(app, sign_in, combo, outlet, tea, honey):
    other = OutletFactory()
    theirs = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[other])
    staff = _staff_client(app, sign_in, outlet)

    assert staff.get(f"/console/{outlet.slug}/combos/").status_code == 200
    assert staff.get(f"/console/{outlet.slug}/combos/{combo.id}/edit").status_code == 200
    # Another outlet's combo, by its id under their own outlet, or under the other outlet.
    assert staff.get(f"/console/{outlet.slug}/combos/{theirs.id}/edit").status_code == 404
    assert staff.get(f"/console/{other.slug}/combos/{theirs.id}/edit").status_code == 403
    assert staff.post(f"/console/{other.slug}/combos/{theirs.id}/status",
                      data={"status": "draft"}).status_code == 403


def test_staff_cannot_add_an_outlet_they_do_not_work_at(app, sign_in, outlet, tea, honey):
    other = OutletFactory()
    staff = _staff_client(app, sign_in, outlet)
    response = staff.post(f"/console/{outlet.slug}/combos/new",
                          data=_form(tea, honey, [outlet, other]))
    assert response.status_code == 400
    assert "Choose among the outlets you manage" in response.get_data(as_text=True)
    assert db.session.scalar(select(Combo.id)) is None


def test_staff_cannot_change_a_combo_also_sold_elsewhere(app, sign_in, outlet, tea, honey):
    shared = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[outlet, OutletFactory()])
    staff = _staff_client(app, sign_in, outlet)
    assert staff.get(f"/console/{outlet.slug}/combos/{shared.id}/edit").status_code == 403


def test_staff_create_a_combo_for_their_outlet(app, sign_in, outlet, tea, honey):
    staff = _staff_client(app, sign_in, outlet)
    response = staff.post(f"/console/{outlet.slug}/combos/new", data=_form(tea, honey, [outlet]))
    assert response.status_code == 302
    assert f"/console/{outlet.slug}/combos/" in response.headers["Location"]


def test_a_slug_taken_by_another_combo_is_refused(client, sign_in, combo, tea, honey, outlet):
    sign_in(UserFactory(role=Role.OFFICER))
    response = client.post("/office/combos/new",
                           data=_form(tea, honey, [outlet], slug=combo.slug))
    assert response.status_code == 400
    assert "already has the address" in response.get_data(as_text=True)


def test_publishing_with_a_revoked_component_is_refused(client, sign_in, tea, honey, outlet):
    draft = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[outlet],
                         status=ComboStatus.DRAFT)
    revoke(honey)
    sign_in(UserFactory(role=Role.OFFICER))
    response = client.post(f"/office/combos/{draft.id}/status", data={"status": "published"})
    assert response.status_code == 400
    assert "no longer OCOP-certified" in response.get_data(as_text=True)

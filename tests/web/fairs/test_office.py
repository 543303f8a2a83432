"""The officers' fair pages: building a fair, booths, picks, flags, the floor list, export."""

import io
from datetime import timedelta

from openpyxl import load_workbook

from shop.accounts.models import Role
from shop.core import clock
from shop.fairs import services
from shop.fairs.models import Fair
from tests.factories import ProvinceFactory, UserFactory
from tests.unit.fairs.support import fair_input, provincial_officer


def test_an_officer_records_a_fair_and_a_bad_date_is_refused_on_its_field(client, sign_in,
                                                                          officer, province):
    browser = sign_in(officer)
    start = clock.today() + timedelta(days=5)
    form = {"name_vi": "Hội chợ Xuân", "starts_on": start.isoformat(),
            "ends_on": (start - timedelta(days=1)).isoformat(), "venue": "Nhà văn hóa",
            "province_id": str(province.id), "organiser": "Sở Công Thương"}
    refused = browser.post("/office/fairs/new", data=form)
    assert refused.status_code == 400
    assert 'id="ends_on-error"' in refused.get_data(as_text=True)

    form["ends_on"] = start.isoformat()
    saved = browser.post("/office/fairs/new", data=form)
    assert saved.status_code == 302
    fair = Fair.query.filter_by(slug="hoi-cho-xuan").one()
    assert client.get("/fairs/hoi-cho-xuan").status_code == 404
    browser.post(f"/office/fairs/{fair.id}/publish")
    assert client.get("/fairs/hoi-cho-xuan").status_code == 200


def test_a_bad_booth_code_is_shown_on_its_field(sign_in, officer, fair, products):
    page = sign_in(officer).post(f"/office/fairs/{fair.id}/booths",
                                 data={"code": "A12", "producer_id": str(products[0].producer_id)})
    assert page.status_code == 400
    assert 'id="code-error"' in page.get_data(as_text=True)


def test_a_provincial_officer_cannot_open_another_provinces_fair(sign_in, fair):
    other = provincial_officer(ProvinceFactory(name="Sơn La", slug="son-la"))
    browser = sign_in(other)
    assert browser.get(f"/office/fairs/{fair.id}/edit").status_code == 403
    assert browser.post(f"/office/fairs/{fair.id}/close").status_code == 403
    assert f"/office/fairs/{fair.id}/edit" not in browser.get("/office/fairs/").text


def test_the_office_page_flags_an_expiry_during_the_fair_and_exports(sign_in, officer, fair,
                                                                     products):
    browser = sign_in(officer)
    page = browser.get(f"/office/fairs/{fair.id}/edit?q=tra").get_data(as_text=True)
    assert page.count("expiry-flag") == 0
    services.update_fair(fair.id, fair_input(fair.province, slug=fair.slug,
                                             ends_on=clock.today().replace(year=2027, month=6)),
                         UserFactory(role=Role.ADMIN))
    page = browser.get(f"/office/fairs/{fair.id}/edit").get_data(as_text=True)
    flagged = page.split('id="pick-tra-o-long-bao-loc"')[1].split("</tr>")[0]
    assert "expiry-flag" in flagged
    assert "expiry-flag" not in page.split('id="pick-ca-phe-arabica-cau-dat"')[1].split("</tr>")[0]

    floor = browser.get(f"/office/fairs/{fair.id}/floor").get_data(as_text=True)
    assert "A-1" in floor and "HTX Cà phê Cầu Đất" in floor
    sheet = load_workbook(io.BytesIO(browser.get(f"/office/fairs/{fair.id}/export.xlsx").data))
    rows = list(sheet.active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["A-1", "A-2"]

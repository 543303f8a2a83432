"""Producers apply to a fair from the portal; officers of their province accept or decline."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.core import clock
from shop.extensions import db
from shop.fairs import applications, services
from shop.fairs.models import ApplicationStatus, FairApplication
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory, UserFactory
from tests.unit.fairs.support import fair_input, provincial_officer
from tests.web.members.conftest import delivered


@pytest.fixture
def applicant(province):
    """A Lâm Đồng cooperative with a product for sale and a draft, and one of its members."""
    producer = ProducerFactory(name="HTX Rau hoa Đà Lạt", province=province)
    listed = ProductFactory(name_vi="Atiso túi lọc Đà Lạt", slug="atiso-tui-loc",
                            producer=producer)
    draft = ProductFactory(name_vi="Trà hoa hồng chưa chứng nhận", slug="tra-hoa-hong",
                           producer=producer, certificate=None)
    member = UserFactory(role=Role.PRODUCER, producer=producer)
    return member, listed, draft


def _apply(browser, fair, *products):
    return browser.post(f"/portal/fairs/{fair.id}/apply",
                        data={"product_ids": [str(p.id) for p in products]})


def _applications(fair) -> list[FairApplication]:
    return list(db.session.scalars(select(FairApplication)
                                   .where(FairApplication.fair_id == fair.id)))


def test_a_member_applies_with_a_listed_product_and_an_officer_accepts_it_at_a_booth(
        client, app, sign_in, officer, fair, applicant):
    member, listed, draft = applicant
    producer_page = sign_in(member)
    producer_page.set_cookie("lang", "en")
    assert f'href="/portal/fairs/{fair.id}/apply"' in producer_page.get("/portal/fairs").text
    form = producer_page.get(f"/portal/fairs/{fair.id}/apply").text
    assert "Atiso túi lọc Đà Lạt" in form and "Trà hoa hồng chưa chứng nhận" not in form
    assert _apply(producer_page, fair, listed).status_code == 302

    office = app.test_client()
    sign_in(officer, office)
    pending = office.get(f"/office/fairs/{fair.id}/applications").text
    assert "HTX Rau hoa Đà Lạt" in pending and "Atiso túi lọc Đà Lạt" in pending
    office.set_cookie("lang", "en")
    assert "1 awaiting a decision" in office.get(f"/office/fairs/{fair.id}/edit").text
    [application] = _applications(fair)
    accepted = office.post(f"/office/fairs/applications/{application.id}/accept",
                           data={f"accept{application.id}-code": "b-7"})
    assert accepted.status_code == 302

    public = client.get(f"/fairs/{fair.slug}").text
    booth = public.split('id="booth-B-7"')[1].split("</section>")[0]
    assert 'id="product-atiso-tui-loc"' in booth
    assert "Accepted" in producer_page.get("/portal/fairs").text


def test_only_listed_products_may_be_put_forward(sign_in, fair, applicant):
    member, listed, draft = applicant
    refused = _apply(sign_in(member), fair, listed, draft)
    assert refused.status_code == 400
    assert 'id="product_ids-error"' in refused.text
    assert _applications(fair) == []


def test_nothing_ticked_is_refused_on_the_field(sign_in, fair, applicant):
    refused = sign_in(applicant[0]).post(f"/portal/fairs/{fair.id}/apply", data={})
    assert refused.status_code == 400
    assert 'id="product_ids-error"' in refused.text


def test_applying_twice_is_refused_clearly(sign_in, fair, applicant):
    member, listed, _draft = applicant
    browser = sign_in(member)
    browser.set_cookie("lang", "en")
    _apply(browser, fair, listed)
    again = _apply(browser, fair, listed)
    assert again.status_code == 302
    page = browser.get(again.headers["Location"]).text
    assert "Your producer has already applied to this fair" in page
    assert len(_applications(fair)) == 1
    assert "Your producer has already applied to this fair." in browser.get(
        f"/portal/fairs/{fair.id}/apply").text


def test_declining_needs_a_reason_which_the_producer_reads(app, sign_in, officer, fair,
                                                           applicant):
    member, listed, _draft = applicant
    producer_page = sign_in(member)
    _apply(producer_page, fair, listed)
    [application] = _applications(fair)
    office = app.test_client()
    sign_in(officer, office)
    field = f"decline{application.id}-reason"

    refused = office.post(f"/office/fairs/applications/{application.id}/decline",
                          data={field: "  "})
    assert refused.status_code == 400
    assert f'id="{field}-error"' in refused.text
    db.session.refresh(application)
    assert application.status is ApplicationStatus.PENDING

    declined = office.post(f"/office/fairs/applications/{application.id}/decline",
                           data={field: "Gian hàng đã kín chỗ"})
    assert declined.status_code == 302
    row = producer_page.get("/portal/fairs").text.split(f'id="application-{application.id}"')[1]
    assert "Gian hàng đã kín chỗ" in row.split("</tr>")[0]
    # A declined producer may try again.
    assert _apply(producer_page, fair, listed).status_code == 302
    assert len(_applications(fair)) == 2


def test_an_officer_of_another_province_cannot_decide(app, sign_in, fair, applicant):
    member, listed, _draft = applicant
    _apply(sign_in(member), fair, listed)
    [application] = _applications(fair)
    other = app.test_client()
    sign_in(provincial_officer(ProvinceFactory(name="Sơn La", slug="son-la")), other)

    assert "HTX Rau hoa Đà Lạt" not in other.get(f"/office/fairs/{fair.id}/applications").text
    assert other.post(f"/office/fairs/applications/{application.id}/accept",
                      data={}).status_code == 403
    assert other.post(f"/office/fairs/applications/{application.id}/decline",
                      data={f"decline{application.id}-reason": "Không"}).status_code == 403
    db.session.refresh(application)
    assert application.status is ApplicationStatus.PENDING


def test_a_draft_fair_takes_applications_and_one_begun_does_not(sign_in, officer, province,
                                                                fair, applicant):
    member, listed, _draft = applicant
    browser = sign_in(member)
    draft = services.create_fair(fair_input(province, slug="hoi-cho-nhap"), officer)
    assert _apply(browser, draft, listed).status_code == 302
    begun = services.create_fair(fair_input(province, slug="dang-dien-ra",
                                            starts_on=clock.today(),
                                            ends_on=clock.today() + timedelta(days=2)), officer)
    assert browser.get(f"/portal/fairs/{begun.id}/apply").status_code == 404
    assert _apply(browser, begun, listed).status_code == 404
    assert db.session.scalar(select(func.count()).select_from(FairApplication)) == 1


def test_accepted_without_a_booth_the_products_wait_for_one(app, client, sign_in, officer, fair,
                                                            applicant):
    member, listed, _draft = applicant
    _apply(sign_in(member), fair, listed)
    [application] = _applications(fair)
    office = app.test_client()
    sign_in(officer, office)
    office.post(f"/office/fairs/applications/{application.id}/accept", data={})

    flagged = office.get(f"/office/fairs/{fair.id}/edit").text.split(
        'id="pick-atiso-tui-loc"')[1].split("</tr>")[0]
    assert "booth-flag" in flagged
    assert 'id="product-atiso-tui-loc"' not in client.get(f"/fairs/{fair.slug}").text
    services.add_booth(fair.id, "C-3", listed.producer_id, officer)
    assert 'id="product-atiso-tui-loc"' in client.get(f"/fairs/{fair.slug}").text


def test_a_taken_booth_code_leaves_the_application_pending(app, sign_in, officer, fair,
                                                           applicant):
    member, listed, _draft = applicant
    _apply(sign_in(member), fair, listed)
    [application] = _applications(fair)
    office = app.test_client()
    sign_in(officer, office)
    office.set_cookie("lang", "en")
    answer = office.post(f"/office/fairs/applications/{application.id}/accept",
                         data={f"accept{application.id}-code": "A-1"})
    assert "Booth A-1 is already given." in office.get(answer.headers["Location"]).text
    db.session.refresh(application)
    assert application.status is ApplicationStatus.PENDING


def test_the_applications_pages_run_as_many_queries_for_many_applications(
        app, sign_in, count_queries, officer, province, fair, applicant):
    member, listed, _draft = applicant
    producer_page = sign_in(member)
    office = app.test_client()
    sign_in(officer, office)

    def counted() -> list[int]:
        counts = []
        for browser, path in ((office, f"/office/fairs/{fair.id}/applications"),
                              (office, "/office/fairs/"), (producer_page, "/portal/fairs")):
            with count_queries() as queries:
                assert browser.get(path).status_code == 200
            counts.append(len(queries))
        return counts

    _apply(producer_page, fair, listed)
    few = counted()
    for _ in range(4):
        other = ProducerFactory(province=province)
        products = [ProductFactory(producer=other) for _ in range(3)]
        applications.apply(fair.id, other.id, [p.id for p in products],
                           UserFactory(role=Role.PRODUCER, producer=other))
    assert counted() == few


def test_the_member_who_applied_is_mailed_each_decision(app, sign_in, officer, province, fair,
                                                         applicant, settings, smtp):
    member, listed, _draft = applicant
    _apply(sign_in(member), fair, listed)
    [application] = _applications(fair)
    office = app.test_client()
    sign_in(officer, office)
    office.post(f"/office/fairs/applications/{application.id}/decline",
                data={f"decline{application.id}-reason": "Gian hàng đã kín chỗ"})
    [declined] = delivered(settings, smtp)
    assert declined.recipients == [member.email]
    assert fair.name_vi in declined.email["Subject"]
    assert "Gian hàng đã kín chỗ" in declined.part("plain")
    assert "https://ocop.example.vn/portal/fairs" in declined.part("plain")

    _apply(sign_in(member), fair, listed)
    again = next(a for a in _applications(fair) if a.status is ApplicationStatus.PENDING)
    office.post(f"/office/fairs/applications/{again.id}/accept",
                data={f"accept{again.id}-code": "D-4"})
    [accepted] = delivered(settings, smtp)
    assert "D-4" in accepted.part("plain") and "D-4" in accepted.part("html")
    assert "Gian hàng đã kín chỗ" not in accepted.part("plain")

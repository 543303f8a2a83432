"""The officer's registry page: tabs, counts, pages, and a bounded number of queries."""

import re
from datetime import date, timedelta

import pytest

from shop.accounts.models import Role
from tests.factories import CertificateFactory, ProductFactory, UserFactory

TODAY = date(2026, 3, 16)


def product_with(name: str, **certificate):
    product = ProductFactory(name_en=name, certificate=None)
    CertificateFactory(product=product, **certificate)
    return product


@pytest.fixture
def one_of_each():
    """A current, an expiring, an expired and a revoked certificate."""
    product_with("Current honey")
    product_with("Expiring tea", recognized_on=TODAY - timedelta(days=1000),
                 expires_on=TODAY + timedelta(days=30))
    product_with("Expired fish sauce", recognized_on=TODAY - timedelta(days=1200),
                 expires_on=TODAY - timedelta(days=1))
    product_with("Revoked rice", revoked_on=TODAY, revocation_number="9/QĐ-UBND",
                 revocation_reason="Vi phạm an toàn thực phẩm")


def tab_counts(html: str) -> dict[str, int]:
    tabs = re.findall(r'<a href="/registry/(?:\?status=(\w+))?"[^>]*>[^<]*<span class="count">'
                      r'\((\d+)\)</span>', html)
    return {status or "all": int(count) for status, count in tabs}


def test_the_registry_shows_every_tab_with_its_count(officer_client, one_of_each):
    response = officer_client.get("/registry/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert tab_counts(html) == {"all": 4, "current": 1, "expiring": 1, "expired": 1, "revoked": 1}
    for name in ("Current honey", "Expiring tea", "Expired fish sauce", "Revoked rice"):
        assert name in html


@pytest.mark.parametrize(("status", "shown"), [
    ("current", "Current honey"),
    ("expiring", "Expiring tea"),
    ("expired", "Expired fish sauce"),
    ("revoked", "Revoked rice"),
])
def test_a_tab_shows_only_its_certificates(officer_client, one_of_each, status, shown):
    html = officer_client.get(f"/registry/?status={status}").get_data(as_text=True)
    names = {"Current honey", "Expiring tea", "Expired fish sauce", "Revoked rice"}
    assert shown in html
    assert not any(other in html for other in names - {shown})
    assert f'href="/registry/?status={status}" aria-current="page"' in html
    assert tab_counts(html)["all"] == 4


def test_a_row_shows_the_certificate_in_full(officer_client):
    product = ProductFactory(name_en="Đà Lạt coffee", stars=5, certificate=None)
    CertificateFactory(product=product, stars=5, score=93, number="77/QĐ-BNN",
                       authority="Bộ Nông nghiệp và Môi trường",
                       recognized_on=date(2025, 9, 1))
    slug, producer, province = product.slug, product.producer.name, product.producer.province.name
    html = officer_client.get("/registry/").get_data(as_text=True)
    assert f'href="/products/{slug}"' in html
    assert producer in html
    assert province in html
    assert 'aria-label="OCOP 5 stars"' in html
    assert ">93<" in html
    assert "77/QĐ-BNN" in html
    assert "Bộ Nông nghiệp và Môi trường" in html and "National" in html
    assert "Sep 1, 2025" in html and "Sep 1, 2028" in html
    assert '<span class="status status-current">Current</span>' in html


def test_revoked_and_superseded_rows_offer_no_revoke_link(officer_client, one_of_each):
    renewed = ProductFactory(name_en="Renewed wine", certificate=None)
    CertificateFactory(product=renewed, superseded=True, recognized_on=TODAY - timedelta(days=900))
    CertificateFactory(product=renewed, recognized_on=TODAY - timedelta(days=10))
    html = officer_client.get("/registry/").get_data(as_text=True)
    assert html.count('<tr id="certificate-') == 6
    assert html.count("/revoke") == 4  # current ×2, expiring, expired
    assert "Superseded" in html
    assert "/revoke" not in officer_client.get("/registry/?status=revoked").get_data(as_text=True)


def test_an_unknown_status_is_a_bad_request(officer_client):
    response = officer_client.get("/registry/?status=lost")
    assert response.status_code == 400
    assert "There is no certificate status called “lost”." in response.get_data(as_text=True)


def test_the_registry_has_pages_of_fifty(officer_client):
    for _ in range(51):
        ProductFactory()
    first = officer_client.get("/registry/").get_data(as_text=True)
    second = officer_client.get("/registry/?page=2").get_data(as_text=True)
    assert first.count('<tr id="certificate-') == 50
    assert second.count('<tr id="certificate-') == 1
    assert "Page 1 of 2" in first and 'rel="next" href="/registry/?page=2"' in first
    assert "Page 2 of 2" in second


def test_the_number_of_queries_does_not_grow_with_the_rows(officer_client, count_queries):
    def queries_for_page() -> int:
        with count_queries() as queries:
            assert officer_client.get("/registry/").status_code == 200
        return len(queries)

    queries_for_page()  # the first request also loads the signed-in officer
    for _ in range(5):
        ProductFactory()
    with_five = queries_for_page()
    for _ in range(25):
        ProductFactory()
    with_thirty = queries_for_page()
    assert with_five == with_thirty <= 3


@pytest.mark.parametrize("role", [Role.CUSTOMER, Role.PRODUCER, Role.OUTLET_STAFF])
def test_only_officers_may_open_the_registry(client, sign_in, role):
    sign_in(UserFactory(role=role))
    certificate = CertificateFactory(product=ProductFactory(certificate=None))
    for url in ("/registry/", "/registry/certificates/new",
                f"/registry/certificates/{certificate.id}/revoke"):
        assert client.get(url).status_code == 403
    assert client.post(f"/registry/certificates/{certificate.id}/revoke", data={
        "number": "1/QĐ", "revoked_on": "2026-03-16", "reason": "Vi phạm an toàn thực phẩm",
    }).status_code == 403
    assert certificate.revoked_on is None


def test_an_admin_may_open_the_registry(client, sign_in, one_of_each):
    sign_in(UserFactory(role=Role.ADMIN))
    assert client.get("/registry/").status_code == 200


def test_a_visitor_must_sign_in(client):
    assert client.get("/registry/").status_code in (302, 401)


def test_an_officer_finds_a_lot_by_its_trace_link_and_can_recall_it(officer_client):
    from shop.trace.links import lot_url
    from tests.factories import LotFactory

    lot = LotFactory(product=ProductFactory(gtin="8931234500016"), code="L/9")
    url, lot_id = lot_url(lot), lot.id
    client = officer_client
    response = client.get("/registry/lots", query_string={"link": url})
    assert response.status_code == 302
    assert response.location.endswith(f"/portal/lots/{lot_id}")
    assert client.get(response.location).status_code == 200
    missing = client.get("/registry/lots", query_string={"link": url.replace("L%2F9", "NOPE")},
                         follow_redirects=True)
    assert "No lot is on record for this link." in missing.get_data(as_text=True)
    bad = client.get("/registry/lots", query_string={"link": "https://x/01/123/10/A"},
                     follow_redirects=True)
    assert "This is not a lot&#39;s trace link" in bad.get_data(as_text=True)

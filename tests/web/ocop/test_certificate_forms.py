"""Recording and revoking certificates through the officer's forms."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from shop.catalog.listing import is_listed
from shop.extensions import db
from shop.ocop.models import Certificate, Level
from tests.factories import CertificateFactory, ProductFactory

TODAY = date(2026, 3, 16)


@pytest.fixture
def visitor(app, client):
    """A shopper who is not signed in, on a client of their own."""
    visitor = app.test_client()
    visitor.set_cookie("lang", "en")
    return visitor


def typed(html: str, name: str) -> str | None:
    """The value an input named `name` shows, or None when there is no such input."""
    found = re.search(rf'<input[^>]*\bname="{name}"[^>]*\bvalue="([^"]*)"', html)
    return found and found.group(1)


def certificates_of(product) -> list[Certificate]:
    return list(db.session.scalars(select(Certificate).where(Certificate.product_id == product.id)
                                   .order_by(Certificate.id)))


def record_form(product, **changes) -> dict:
    return {"product_id": str(product.id), "number": "125/QĐ-UBND",
            "authority": "UBND tỉnh Lâm Đồng", "level": "province", "stars": "4", "score": "78",
            "score_a": "", "score_b": "", "score_c": "", "recognized_on": "2026-03-02"} | changes


def test_the_form_lists_products_by_name_and_explains_the_bands(officer_client):
    ProductFactory(name_vi="Trà Shan tuyết", name_en="Shan tuyet tea")
    ProductFactory(name_vi="Cà phê Robusta", name_en="Robusta coffee")
    html = officer_client.get("/registry/certificates/new").get_data(as_text=True)
    assert html.index("Robusta coffee") < html.index("Shan tuyet tea")
    assert "50 to 69 points" in html and "90 to 100 points" in html
    assert "Level before 6 July 2025" in html and "Level from 6 July 2025" in html
    assert '<label for="score">Total score</label>' in html


def test_renewing_preselects_the_product(officer_client):
    product = ProductFactory(name_en="Mắm nêm")
    html = officer_client.get(f"/registry/certificates/new?product={product.id}")\
        .get_data(as_text=True)
    assert f'<option selected value="{product.id}">' in html


def test_recording_a_certificate_replaces_the_live_one(officer_client, officer):
    product = ProductFactory()
    response = officer_client.post("/registry/certificates/new", data=record_form(product))
    assert response.status_code == 302
    assert response.headers["Location"] == "/registry/"
    old, new = certificates_of(product)
    assert old.superseded and not new.superseded
    assert (new.number, new.level, new.score, new.stars) == ("125/QĐ-UBND", Level.PROVINCE, 78, 4)
    assert new.recognized_on == date(2026, 3, 2) and new.expires_on == date(2029, 3, 2)
    assert new.recorded_by_id == officer.id
    page = officer_client.get("/registry/").get_data(as_text=True)
    assert "Certificate 125/QĐ-UBND recorded." in page


def test_a_score_outside_the_band_keeps_what_was_typed(officer_client):
    product = ProductFactory(certificate=None)
    response = officer_client.post("/registry/certificates/new",
                                   data=record_form(product, score="95", score_a="38"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<p class="error" id="score-error">95 is not in the 4-star band (70–89).</p>' in html
    assert typed(html, "score") == "95"
    assert typed(html, "number") == "125/QĐ-UBND"
    assert typed(html, "authority") == "UBND tỉnh Lâm Đồng"
    assert typed(html, "score_a") == "38"
    assert typed(html, "recognized_on") == "2026-03-02"
    assert f'<option selected value="{product.id}">' in html
    assert '<option selected value="4">' in html
    assert certificates_of(product) == []


def test_a_level_that_does_not_fit_the_date_is_shown_on_the_level(officer_client):
    product = ProductFactory(certificate=None)
    response = officer_client.post("/registry/certificates/new",
                                   data=record_form(product, stars="3", score="60",
                                                    level="district"))
    assert response.status_code == 400
    assert ('id="level-error">On 2026-03-02 a 3-star product is recognised at Province level.'
            in response.get_data(as_text=True))
    assert certificates_of(product) == []


def test_missing_fields_are_refused_before_the_service(officer_client):
    product = ProductFactory(certificate=None)
    response = officer_client.post("/registry/certificates/new",
                                   data=record_form(product, product_id="", score="abc"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="product_id-error">Choose the product.' in html
    assert 'id="score-error">' in html
    assert certificates_of(product) == []


def test_the_revoke_page_confirms_the_certificate(officer_client):
    product = ProductFactory(name_en="Bưởi da xanh", certificate=None)
    certificate = CertificateFactory(product=product, number="88/QĐ-UBND")
    html = officer_client.get(f"/registry/certificates/{certificate.id}/revoke")\
        .get_data(as_text=True)
    assert "Revoke certificate 88/QĐ-UBND" in html
    assert "Bưởi da xanh" in html
    assert typed(html, "revoked_on") == "2026-03-16"
    assert typed(html, "number") == ""
    assert re.search(r'<textarea[^>]*name="reason"', html)


def test_revoking_takes_the_product_out_of_the_shop_at_once(officer_client, visitor):
    product = ProductFactory(name_en="Revoked honey", stars=4)
    certificate = certificates_of(product)[0]
    assert "Revoked honey" in visitor.get("/").get_data(as_text=True)
    assert "Revoked honey" in visitor.get("/products").get_data(as_text=True)
    assert visitor.get(f"/products/{product.slug}").status_code == 200

    response = officer_client.post(f"/registry/certificates/{certificate.id}/revoke", data={
        "number": "42/QĐ-UBND", "revoked_on": "2026-03-16",
        "reason": "Vi phạm an toàn thực phẩm"})
    assert response.status_code == 302
    registry = officer_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Certificate" in registry and "revoked; the product has left the catalog." in registry
    assert "Revoked honey" in registry

    assert visitor.get(f"/products/{product.slug}").status_code == 404
    assert "Revoked honey" not in visitor.get("/products").get_data(as_text=True)
    assert "Revoked honey" not in visitor.get("/").get_data(as_text=True)
    assert certificate.revocation_reason == "Vi phạm an toàn thực phẩm"


def test_a_revocation_in_the_future_is_refused_on_its_date(officer_client):
    product = ProductFactory()
    certificate = certificates_of(product)[0]
    response = officer_client.post(f"/registry/certificates/{certificate.id}/revoke", data={
        "number": "42/QĐ-UBND", "revoked_on": "2026-03-17", "reason": "Ngừng sản xuất"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="revoked_on-error">The revocation date cannot be in the future.' in html
    assert "Ngừng sản xuất</textarea>" in html
    assert certificate.revoked_on is None
    assert is_listed(product.id)


def test_revoking_twice_says_so_and_changes_nothing(officer_client):
    product = ProductFactory(certificate=None)
    certificate = CertificateFactory(product=product, revoked_on=date(2026, 3, 1),
                                     revocation_number="1/QĐ-UBND",
                                     revocation_reason="Ngừng sản xuất")
    for method in (officer_client.get, officer_client.post):
        response = method(f"/registry/certificates/{certificate.id}/revoke", data={
            "number": "2/QĐ-UBND", "revoked_on": "2026-03-16", "reason": "Lần thứ hai"})
        assert response.status_code == 302
        page = officer_client.get(response.headers["Location"]).get_data(as_text=True)
        assert "This certificate was already revoked on 2026-03-01." in page
    assert certificate.revocation_number == "1/QĐ-UBND"
    assert db.session.scalar(select(func.count()).select_from(Certificate)
                             .where(Certificate.revoked_on.is_not(None))) == 1


def test_revoking_an_unknown_certificate_is_not_found(officer_client):
    assert officer_client.get("/registry/certificates/999999/revoke").status_code == 404

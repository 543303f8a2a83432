"""Catalog pages are served from the cache, and any change they show appears at the next request."""

from datetime import date

import pytest
from sqlalchemy import select

from shop.ocop.models import Certificate
from shop.ocop.services import RevocationInput, revoke_certificate
from shop.producers.listings import ListingInput, update_listing
from tests.factories import CertificateFactory, ProductFactory, UserFactory


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-11-23T10:00:00+07:00", tick=False)


@pytest.fixture
def tea(session):
    product = ProductFactory(name_vi="Chè Shan tuyết", name_en="Shan tuyet tea",
                             slug="che-shan-tuyet", price_vnd=250_000)
    session.commit()
    return product


def test_a_page_seen_before_runs_no_query(client, count_queries, tea):
    first = client.get("/products?q=che")
    client.get("/products/che-shan-tuyet")
    with count_queries() as queries:
        again = client.get("/products?q=che")
        product = client.get("/products/che-shan-tuyet")

    assert queries == []
    assert again.text == first.text and "Chè Shan tuyết" in again.text
    assert product.status_code == 200 and "250.000" in product.text


def test_a_new_price_shows_at_the_next_request(client, tea):
    member = UserFactory(role="producer", producer=tea.producer)
    assert "250.000" in client.get("/products/che-shan-tuyet").text

    update_listing(tea.id, ListingInput("Chè.", "Tea.", 275_000, ""), actor=member)

    assert "275.000" in client.get("/products/che-shan-tuyet").text
    assert "275.000" in client.get("/products?q=che").text


def test_a_revoked_product_leaves_the_cached_list_at_once(client, session, officer, tea):
    assert "Chè Shan tuyết" in client.get("/products").text

    certificate_id = session.scalar(select(Certificate.id).where(Certificate.product_id == tea.id))
    revoke_certificate(certificate_id, RevocationInput("12/QĐ-UBND", date(2026, 11, 23),
                                                           "Vi phạm"), actor=officer)

    assert "Chè Shan tuyết" not in client.get("/products").text
    assert client.get("/products/che-shan-tuyet").status_code == 404


def test_a_certificate_expiring_at_midnight_leaves_the_list_the_next_day(client, time_machine):
    CertificateFactory(product=ProductFactory(name_vi="Mắm tôm Ba Làng", slug="mam-tom",
                                              certificate=None),
                       expires_on=date(2026, 11, 23))
    listed = client.get("/products").text

    time_machine.move_to("2026-11-24T00:01:00+07:00", tick=False)

    assert "Mắm tôm Ba Làng" in listed
    assert "Mắm tôm Ba Làng" not in client.get("/products").text


def test_each_language_has_its_own_cached_page(client, tea):
    vietnamese = client.get("/products/che-shan-tuyet").text
    client.set_cookie("lang", "en")
    english = client.get("/products/che-shan-tuyet").text

    assert "Chè Shan tuyết" in vietnamese and '<html lang="vi">' in vietnamese
    assert "Shan tuyet tea" in english and '<html lang="en">' in english


def test_the_cached_body_never_carries_another_visitors_header(client, sign_in, tea):
    client.get("/products/che-shan-tuyet")  # cached by an anonymous visit
    sign_in(UserFactory(name="Lò Thị Mai"))

    page = client.get("/products/che-shan-tuyet").text

    assert "Lò Thị Mai" in page and "Chè Shan tuyết" in page

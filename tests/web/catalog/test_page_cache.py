"""Catalog pages are served from the cache, and any change they show appears at the next
request; changes they do not show leave them cached."""

from datetime import date

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import joinedload

from shop.catalog.listings import ListingInput, update_listing
from shop.catalog.models import Product
from shop.ocop.models import Certificate
from shop.places.models import Province
from shop.producers.models import Producer
from shop.registry.services import RevocationInput, revoke_certificate
from tests.factories import CertificateFactory, LotFactory, ProductFactory, UserFactory


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-11-23T10:00:00+07:00", tick=False)


@pytest.fixture
def tea(session):
    product = ProductFactory(name_vi="Chè Shan tuyết", name_en="Shan tuyet tea",
                             slug="che-shan-tuyet", price_vnd=250_000)
    session.commit()
    return product


def test_a_page_seen_before_runs_no_query_but_the_live_stock(client, count_queries, tea):
    first = client.get("/products?q=che")
    client.get("/products/che-shan-tuyet")
    with count_queries() as queries:
        again = client.get("/products?q=che")
        product = client.get("/products/che-shan-tuyet")

    # Only "where to buy" is read each time: stock changes with every sale.
    assert len(queries) == 1 and "stock_levels" in queries[0]
    assert again.text == first.text and "Chè Shan tuyết" in again.text
    assert product.status_code == 200 and "250.000" in product.text


def test_a_new_price_shows_at_the_next_request(client, session, tea):
    member = UserFactory(role="producer", producer=tea_of_its_province(session, tea).producer)
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


def test_a_page_first_rendered_for_a_signed_in_visitor_shows_nothing_of_theirs_to_others(
        app, client, sign_in, tea):
    mai = sign_in(UserFactory(name="Lò Thị Mai"), app.test_client())
    seen_by_mai = mai.get("/products/che-shan-tuyet").text  # renders and caches the body

    stranger = client.get("/products/che-shan-tuyet").text

    assert "Lò Thị Mai" in seen_by_mai
    assert "Lò Thị Mai" not in stranger and "Chè Shan tuyết" in stranger
    assert 'action="/sign-out"' not in stranger


def test_junk_parameters_share_the_entry_of_the_page_they_decorate(client, count_queries, tea):
    client.get("/products?q=che")
    junk = "&".join(f"utm_{n}=x{n}" for n in range(30))

    with count_queries() as queries:
        decorated = client.get(f"/products?q=che&{junk}")

    assert queries == []
    main = decorated.text.split("<main", 1)[1].split("</main>", 1)[0]  # the cached body
    assert "Chè Shan tuyết" in main and "utm_" not in main


def tea_of_its_province(session, tea) -> Product:
    """The tea with its producer and province loaded (the fixture's copy has expired)."""
    return session.scalar(select(Product).where(Product.id == tea.id).options(
        joinedload(Product.producer).joinedload(Producer.province)))


def test_changes_to_what_the_catalog_does_not_show_leave_it_cached(
        client, session, count_queries, tea):
    client.get("/products/che-shan-tuyet")
    client.get("/")
    lot = LotFactory(product=tea_of_its_province(session, tea))
    client.get(f"/t/{lot.token}")  # a scan is counted, a lot was recorded
    UserFactory()
    session.commit()

    with count_queries() as queries:
        client.get("/products/che-shan-tuyet")
        client.get("/")

    # The product's live stock ("where to buy") is all that is read.
    assert len(queries) == 1 and "stock_levels" in queries[0]


def test_a_province_rename_shows_on_catalog_and_trace_pages_at_the_next_request(
        client, session, tea):
    tea = tea_of_its_province(session, tea)
    province, token = tea.producer.province, LotFactory(product=tea).token
    old_name = province.name
    session.commit()
    assert old_name in client.get("/products/che-shan-tuyet").text
    assert old_name in client.get(f"/t/{token}").text

    session.get(Province, province.id).name = "Tỉnh Lâm Đồng mới"
    session.commit()

    assert "Tỉnh Lâm Đồng mới" in client.get("/products/che-shan-tuyet").text
    assert "Tỉnh Lâm Đồng mới" in client.get(f"/t/{token}").text


def test_a_bulk_update_shows_at_the_next_request(client, session, tea):
    assert "250.000" in client.get("/products/che-shan-tuyet").text

    session.execute(update(Product).where(Product.id == tea.id).values(price_vnd=199_000))
    session.commit()

    assert "199.000" in client.get("/products/che-shan-tuyet").text


def test_flask_cache_clear_shows_changes_made_in_sql(app, client, session, tea):
    assert "250.000" in client.get("/products/che-shan-tuyet").text
    session.execute(text("UPDATE products SET price_vnd = 123000 WHERE id = :id"),
                    {"id": tea.id})
    session.commit()
    assert "250.000" in client.get("/products/che-shan-tuyet").text  # SQL is not seen

    result = app.test_cli_runner().invoke(args=["cache", "clear"])

    assert result.exit_code == 0, result.output
    assert "123.000" in client.get("/products/che-shan-tuyet").text


def test_the_home_page_and_the_api_list_are_cached(client, count_queries, tea):
    client.get("/")
    client.get("/api/v1/products?q=che")

    with count_queries() as queries:
        home = client.get("/")
        api = client.get("/api/v1/products?q=che")

    assert queries == []
    assert "Chè Shan tuyết" in home.text
    assert [item["slug"] for item in api.json["items"]] == ["che-shan-tuyet"]

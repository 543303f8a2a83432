"""Vietnamese by default, English on request, the choice remembered."""

from tests.factories import ProductFactory


def test_vietnamese_is_the_default(client):
    ProductFactory(slug="tra", name_vi="Trà xanh", name_en="Green tea", price_vnd=125_000)
    html = client.get("/products/tra").get_data(as_text=True)
    assert '<html lang="vi">' in html
    assert "Trà xanh" in html and "125.000\u00a0₫" in html
    assert 'aria-label="OCOP 4 sao"' in html
    assert "Giá" in html or "Sản phẩm" in html


def test_switching_to_english_is_remembered_and_can_switch_back(client):
    ProductFactory(slug="tra", name_vi="Trà xanh", name_en="Green tea", price_vnd=125_000)
    response = client.get("/lang/en?next=/products/tra")
    assert response.status_code == 302 and response.headers["Location"] == "/products/tra"
    html = client.get("/products/tra").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "<h1>Green tea</h1>" in html and "₫125,000" in html
    assert 'aria-label="OCOP 4 stars"' in html
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)  # remembered
    client.get("/lang/vi")
    assert '<html lang="vi">' in client.get("/").get_data(as_text=True)


def test_english_falls_back_to_vietnamese_where_no_translation_was_written(client):
    ProductFactory(slug="mam", name_vi="Mắm tép", name_en="")
    client.get("/lang/en")
    assert "<h1>Mắm tép</h1>" in client.get("/products/mam").get_data(as_text=True)


def test_unknown_language_is_404_and_next_stays_on_this_site(client):
    assert client.get("/lang/fr").status_code == 404
    for target in ["https://evil.example/", "//evil.example", "/\\evil.example"]:
        response = client.get("/lang/en", query_string={"next": target})
        assert response.headers["Location"] == "/", target

"""The public catalog as a shopper sees it."""

import re
from datetime import date, timedelta

import pytest

from shop.core import clock
from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ProductGroupFactory,
    ProductImageFactory,
    ProvinceFactory,
)


def product_names(html: str) -> list[str]:
    return re.findall(r"<h3>(.*?)</h3>", html)


@pytest.fixture
def lam_dong():
    return ProvinceFactory(name="Lâm Đồng", slug="lam-dong", former_names="Đắk Nông, Bình Thuận")


def test_home_shows_featured_five_and_four_star_products_groups_and_provinces(client, lam_dong):
    drinks = ProductGroupFactory(code=2, slug="do-uong", name_vi="Đồ uống", name_en="Beverages")
    ProductFactory(name_vi="Trà atiso Đà Lạt", stars=5, group=drinks,
                   producer=ProducerFactory(province=lam_dong))
    ProductFactory(name_vi="Cà phê Cầu Đất", stars=4, group=drinks)
    ProductFactory(name_vi="Miến dong", stars=3)
    html = client.get("/").get_data(as_text=True)
    five = html.index("Trà atiso Đà Lạt")
    four = html.index("Cà phê Cầu Đất")
    assert five < four
    assert "Miến dong" not in html  # 3★ products are not featured on the home page
    assert "Đồ uống" in html and "(2)" in html
    assert "Lâm Đồng" in html


def test_home_works_on_an_empty_database(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="vi"' in response.get_data(as_text=True)


@pytest.mark.parametrize(("query", "found"), [
    ("nuoc mam", "Nước mắm Phú Quốc"),
    ("NƯỚC MẮM", "Nước mắm Phú Quốc"),
    ("da lat", "Trà atiso"),
    ("dak nong", "Trà atiso"),  # a pre-2025 province name still finds its products
    ("hop tac xa bien", "Nước mắm Phú Quốc"),  # producer names are searched
    ("ca chep", "Nước mắm Phú Quốc"),  # so are the stories
    ("fish sauce", "Nước mắm Phú Quốc"),  # and the English names
])
def test_search_folds_diacritics_and_d_stroke(client, lam_dong, query, found):
    ProductFactory(name_vi="Nước mắm Phú Quốc", name_en="Phu Quoc fish sauce",
                   story_vi="Cá cơm và cá chép ủ chượp 12 tháng.",
                   producer=ProducerFactory(name="Hợp tác xã Biển Xanh"))
    ProductFactory(name_vi="Trà atiso", name_en="Artichoke tea",
                   producer=ProducerFactory(name="HTX Đà Lạt Xanh", province=lam_dong))
    ProductFactory(name_vi="Gạo ST25", name_en="ST25 rice")
    names = product_names(client.get("/products", query_string={"q": query}).get_data(True))
    assert names == [found]


def test_search_terms_must_all_match_and_punctuation_is_not_a_wildcard(client):
    ProductFactory(name_vi="Mật ong hoa nhãn")
    ProductFactory(name_vi="Mật ong rừng")
    assert product_names(client.get("/products?q=mat+ong+rung").get_data(True)) == ["Mật ong rừng"]
    assert product_names(client.get("/products?q=m%25+rung").get_data(True)) == ["Mật ong rừng"]
    # Only punctuation: no words to look for, so nothing is filtered out.
    assert len(product_names(client.get("/products?q=%25_").get_data(True))) == 2


def test_hidden_products_appear_nowhere_in_the_catalog(client, time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    ProductFactory(name_vi="Được bán")
    for name, cert in [
        ("Hết hạn", {"recognized_on": date(2023, 1, 1), "expires_on": date(2026, 1, 1)}),
        ("Bị thu hồi", {"revoked_on": date(2026, 3, 1), "revocation_number": "5/QĐ",
                        "revocation_reason": "Vi phạm"}),
        ("Hai sao", {"stars": 2}),
        ("Chưa hiệu lực", {"recognized_on": date(2026, 3, 17)}),
    ]:
        CertificateFactory(product=ProductFactory(name_vi=name, certificate=None), **cert)
    for url in ["/", "/products", "/products?q=h", "/sitemap.xml"]:
        html = client.get(url).get_data(as_text=True)
        for hidden in ["Hết hạn", "Bị thu hồi", "Hai sao", "Chưa hiệu lực"]:
            assert hidden not in html, (url, hidden)
    assert product_names(client.get("/products").get_data(True)) == ["Được bán"]


def test_filters_by_stars_group_province_producer_and_price(client, lam_dong):
    honey = ProductGroupFactory(slug="mat-ong")
    coop = ProducerFactory(slug="htx-a", province=lam_dong)
    ProductFactory(name_vi="A", stars=5, group=honey, producer=coop, price_vnd=100_000)
    ProductFactory(name_vi="B", stars=4, group=honey, price_vnd=200_000)
    ProductFactory(name_vi="C", stars=3, producer=coop, price_vnd=300_000)

    def names(**args):
        return sorted(product_names(client.get("/products", query_string=args).get_data(True)))

    assert names(min_stars=4) == ["A", "B"]
    assert names(min_stars=5) == ["A"]
    assert names(group="mat-ong") == ["A", "B"]
    assert names(province="lam-dong") == ["A", "C"]
    assert names(producer="htx-a") == ["A", "C"]
    assert names(price_min=150_000) == ["B", "C"]
    assert names(price_min=100_000, price_max=200_000) == ["A", "B"]
    assert names(group="mat-ong", min_stars=5, province="lam-dong") == ["A"]
    assert names(min_stars="", group="") == ["A", "B", "C"]  # an untouched form


def test_invalid_filters_are_ignored_with_a_visible_message(client):
    ProductFactory(name_vi="A")
    response = client.get("/products?min_stars=9&price_min=abc&q=")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert product_names(html) == ["A"]
    assert "min_stars" in html and "price_min" in html


@pytest.mark.parametrize(("sort", "expected"), [
    ("price_asc", ["Bưởi", "Đậu", "Cam"]),
    ("price_desc", ["Cam", "Đậu", "Bưởi"]),
    ("stars", ["Cam", "Bưởi", "Đậu"]),
    ("name", ["Bưởi", "Cam", "Đậu"]),  # Đ sorts with D, after C
    ("newest", ["Đậu", "Cam", "Bưởi"]),
])
def test_sorting(client, time_machine, sort, expected):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    ProductFactory(name_vi="Bưởi", price_vnd=50_000, stars=4)
    time_machine.shift(timedelta(minutes=1))
    ProductFactory(name_vi="Cam", price_vnd=90_000, stars=5)
    time_machine.shift(timedelta(minutes=1))
    ProductFactory(name_vi="Đậu", price_vnd=70_000, stars=3)
    assert product_names(client.get(f"/products?sort={sort}").get_data(True)) == expected


def test_pagination(client, app):
    for i in range(30):
        ProductFactory(name_vi=f"Sản phẩm {i:02d}", price_vnd=1000 + i)
    first = client.get("/products?sort=price_asc").get_data(as_text=True)
    assert len(product_names(first)) == app.config["CATALOG_PAGE_SIZE"] == 24
    assert "30 products" in first or "30 sản phẩm" in first
    second = client.get("/products?sort=price_asc&page=2").get_data(as_text=True)
    assert product_names(second) == [f"Sản phẩm {i:02d}" for i in range(24, 30)]
    assert 'rel="prev"' in second and 'rel="next"' not in second
    beyond = client.get("/products?page=9")
    assert beyond.status_code == 200 and product_names(beyond.get_data(True)) == []


def test_product_page_shows_price_badge_certificate_story_producer_and_related(client, lam_dong):
    group = ProductGroupFactory()
    producer = ProducerFactory(name="HTX Đà Lạt Xanh", address="Phường 8, Đà Lạt",
                               province=lam_dong)
    product = ProductFactory(
        slug="tra-atiso", name_vi="Trà atiso Đà Lạt", price_vnd=125_000, stars=5,
        group=group, producer=producer,
        story_vi="Trồng từ **1930**. <script>alert(1)</script><img src=x onerror=alert(2)>",
        certificate=None)
    CertificateFactory(product=product, stars=5, score=92, number="123/QĐ-UBND",
                       authority="Bộ Nông nghiệp và Môi trường",
                       recognized_on=clock.today() - timedelta(days=30))
    ProductImageFactory(product=product, path="products/tra-atiso-1.jpg")
    ProductFactory(name_vi="Cà phê Cầu Đất", group=group)
    html = client.get("/products/tra-atiso").get_data(as_text=True)
    assert "Trà atiso Đà Lạt" in html
    assert "125.000\u00a0₫" in html
    assert 'aria-label="OCOP 5 sao"' in html
    assert "123/QĐ-UBND" in html and "Bộ Nông nghiệp và Môi trường" in html
    assert "92/100" in html
    assert "<strong>1930</strong>" in html
    assert "<script>" not in html and "onerror" not in html
    assert "HTX Đà Lạt Xanh" in html and "Phường 8, Đà Lạt" in html and "Lâm Đồng" in html
    assert "/media/products/tra-atiso-1.jpg" in html
    assert "Cà phê Cầu Đất" in html  # related, same group


def test_an_unlisted_product_page_is_a_clear_404_without_a_price(client):
    product = ProductFactory(slug="het-han", name_vi="Rượu hết hạn", price_vnd=99_000,
                             certificate=None)
    CertificateFactory(product=product, revoked_on=clock.today(), revocation_number="7/QĐ",
                       revocation_reason="Ngừng sản xuất")
    response = client.get("/products/het-han")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Rượu hết hạn" in html
    assert "99.000" not in html
    assert client.get("/products/khong-ton-tai").status_code == 404


def test_sitemap_lists_every_listed_product(client):
    ProductFactory(slug="mot")
    ProductFactory(slug="hai")
    ProductFactory(slug="an", certificate=None)
    response = client.get("/sitemap.xml")
    body = response.get_data(as_text=True)
    assert response.headers["Content-Type"].startswith("application/xml")
    assert "/products/mot</loc>" in body and "/products/hai</loc>" in body
    assert "/products/an<" not in body


def test_search_words_match_from_the_start_of_a_word(client):
    ProductFactory(name_vi="Trà atiso (Đà Lạt)")
    ProductFactory(name_vi="Bánh tráng", story_vi="Phơi trên giàn tre, cắt lát mỏng.")
    assert product_names(client.get("/products?q=da+lat").get_data(True)) == ["Trà atiso (Đà Lạt)"]
    assert sorted(product_names(client.get("/products?q=lat").get_data(True))) == [
        "Bánh tráng", "Trà atiso (Đà Lạt)"]
    assert product_names(client.get("/products?q=at").get_data(True)) == ["Trà atiso (Đà Lạt)"]

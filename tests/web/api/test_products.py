"""GET /api/v1/products and /api/v1/products/<slug>: the catalog as JSON."""

from datetime import date, timedelta

import pytest

from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ProductGroupFactory,
    ProductImageFactory,
    ProductSubgroupFactory,
    ProvinceFactory,
)
from tests.web.api.conftest import TODAY

# Absolute URLs are on PUBLIC_HOST (tests/conftest.py), whichever host the request named.
HOST = "https://ocop.example.vn"


def slugs(client, **params) -> list[str]:
    response = client.get("/api/v1/products", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["slug"] for item in response.json["items"]]


def test_an_item_carries_names_price_stars_group_producer_certificate_and_links(client):
    province = ProvinceFactory(name="Kiên Giang", slug="kien-giang")
    producer = ProducerFactory(name="Công ty Nước mắm Phú Quốc", slug="nuoc-mam-pq",
                               province=province)
    group = ProductGroupFactory(slug="thuc-pham", name_vi="Thực phẩm", name_en="Food")
    product = ProductFactory(slug="nuoc-mam-phu-quoc", name_vi="Nước mắm Phú Quốc",
                             name_en="Phu Quoc fish sauce", price_vnd=185_000, stars=5,
                             producer=producer, group=group, gtin="8930000000019",
                             certificate=None)
    CertificateFactory(product=product, stars=5, number="12/QĐ-BNN", authority="Bộ NN&PTNT",
                       recognized_on=date(2025, 9, 1))
    ProductImageFactory(product=product, path="products/nuoc-mam.png")

    response = client.get("/api/v1/products")

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    item = response.json["items"][0]
    assert item["slug"] == "nuoc-mam-phu-quoc"
    assert item["name"] == item["name_vi"] == "Nước mắm Phú Quốc"
    assert item["name_en"] == "Phu Quoc fish sauce"
    assert item["price_vnd"] == 185_000
    assert item["stars"] == 5
    assert item["gtin"] == "08930000000019"  # stored, and so shown, as GTIN-14
    assert item["group"] == {"slug": "thuc-pham", "name_vi": "Thực phẩm", "name_en": "Food"}
    assert item["producer"] == {"slug": "nuoc-mam-pq", "name": "Công ty Nước mắm Phú Quốc",
                                "province": {"slug": "kien-giang", "name": "Kiên Giang"}}
    assert item["certificate"] == {
        "number": "12/QĐ-BNN", "level": "national", "authority": "Bộ NN&PTNT", "stars": 5,
        "score": 95, "recognized_on": "2025-09-01", "expires_on": "2028-09-01",
        "status": "current",
    }
    assert item["url"] == f"{HOST}/products/nuoc-mam-phu-quoc"
    assert item["image_url"] == f"{HOST}/media/products/nuoc-mam.png"
    assert client.get(item["url"]).status_code == 200


def test_a_product_without_photo_or_gtin_has_nulls_and_an_expiring_certificate_says_so(client):
    product = ProductFactory(slug="plain", certificate=None)
    CertificateFactory(product=product, recognized_on=date(2023, 4, 1))  # ends 2026-04-01

    item = client.get("/api/v1/products").json["items"][0]

    assert item["image_url"] is None
    assert item["gtin"] is None
    assert item["certificate"]["status"] == "expiring"


@pytest.mark.parametrize("certificate", [
    {"recognized_on": date(2023, 3, 1), "expires_on": TODAY - timedelta(days=1)},
    {"revoked_on": TODAY - timedelta(days=1), "revocation_number": "9/QĐ",
     "revocation_reason": "Vi phạm an toàn thực phẩm"},
    {"stars": 2},
    {"recognized_on": TODAY + timedelta(days=1)},
    {"superseded": True},
], ids=["expired", "revoked", "two-stars", "future", "superseded"])
def test_a_product_not_for_sale_is_neither_listed_nor_shown(client, certificate):
    ProductFactory(slug="for-sale")
    CertificateFactory(product=ProductFactory(slug="not-for-sale", certificate=None),
                       **certificate)

    assert slugs(client) == ["for-sale"]
    assert client.get("/api/v1/products", query_string={"per_page": 100}).json["total"] == 1
    response = client.get("/api/v1/products/not-for-sale")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.json["status"] == 404


def test_a_product_without_certificate_is_not_found(client):
    ProductFactory(slug="uncertified", certificate=None)
    assert slugs(client) == []
    assert client.get("/api/v1/products/uncertified").status_code == 404


def test_filters_by_stars_group_province_producer_and_price(client):
    lam_dong = ProvinceFactory(slug="lam-dong", name="Lâm Đồng")
    htx = ProducerFactory(slug="htx-cau-dat", province=lam_dong)
    drinks = ProductGroupFactory(slug="do-uong")
    ProductFactory(slug="tra", stars=5, group=drinks, producer=htx, price_vnd=90_000)
    ProductFactory(slug="ca-phe", stars=4, group=drinks, price_vnd=250_000)
    ProductFactory(slug="mien", stars=3, price_vnd=40_000)

    assert set(slugs(client, min_stars=4)) == {"tra", "ca-phe"}
    assert slugs(client, min_stars=5) == ["tra"]
    assert set(slugs(client, group="do-uong")) == {"tra", "ca-phe"}
    assert slugs(client, province="lam-dong") == ["tra"]
    assert slugs(client, producer="htx-cau-dat") == ["tra"]
    assert set(slugs(client, price_min=50_000, price_max=250_000)) == {"tra", "ca-phe"}
    assert slugs(client, price_max=89_999) == ["mien"]
    assert slugs(client, group="do-uong", min_stars=5, price_min=100_000) == []
    assert slugs(client, group="khong-co") == []


def test_search_ignores_accents_and_finds_producer_and_province_words(client):
    ProductFactory(slug="nuoc-mam", name_vi="Nước mắm Phú Quốc", name_en="Fish sauce")
    lam_dong = ProvinceFactory(name="Lâm Đồng", slug="lam-dong")
    ProductFactory(slug="atiso", name_vi="Trà atiso", name_en="Artichoke tea",
                   producer=ProducerFactory(name="HTX Đà Lạt Xanh", province=lam_dong))
    ProductFactory(slug="other", name_vi="Miến dong", name_en="Glass noodles")

    assert slugs(client, q="nuoc mam") == ["nuoc-mam"]
    assert slugs(client, q="NƯỚC MẮM phu quoc") == ["nuoc-mam"]
    assert slugs(client, q="da lat") == ["atiso"]
    assert slugs(client, q="lam dong") == ["atiso"]
    assert slugs(client, q="khong co gi") == []


def test_sorts_by_price_name_stars_and_newest(client):
    ProductFactory(slug="b", name_vi="Bánh tráng", price_vnd=30_000, stars=3)
    ProductFactory(slug="d", name_vi="Đông trùng hạ thảo", price_vnd=900_000, stars=5)
    ProductFactory(slug="a", name_vi="Ấm trà", price_vnd=200_000, stars=4)

    assert slugs(client, sort="price_asc") == ["b", "a", "d"]
    assert slugs(client, sort="price_desc") == ["d", "a", "b"]
    assert slugs(client, sort="name") == ["a", "b", "d"]
    assert slugs(client, sort="stars") == ["d", "a", "b"]
    assert slugs(client, sort="newest") == ["a", "d", "b"]


def test_pages_report_page_size_count_and_total(client):
    for n in range(5):
        ProductFactory(slug=f"p{n}", price_vnd=10_000 * (n + 1))

    first = client.get("/api/v1/products?per_page=2&sort=price_asc").json
    last = client.get("/api/v1/products?per_page=2&page=3&sort=price_asc").json
    beyond = client.get("/api/v1/products?per_page=2&page=4").json

    assert {k: first[k] for k in ("page", "per_page", "pages", "total")} == \
        {"page": 1, "per_page": 2, "pages": 3, "total": 5}
    assert [i["slug"] for i in first["items"]] == ["p0", "p1"]
    assert [i["slug"] for i in last["items"]] == ["p4"]
    assert beyond["items"] == [] and beyond["total"] == 5
    empty = client.get("/api/v1/products?group=none").json
    assert (empty["pages"], empty["total"]) == (1, 0)


def test_default_page_size_is_24(client):
    assert client.get("/api/v1/products").json["per_page"] == 24


def test_the_detail_adds_subgroup_stories_and_every_photo(client):
    subgroup = ProductSubgroupFactory(slug="mat-ong", name_vi="Mật ong", name_en="Honey")
    product = ProductFactory(slug="mat-ong-tay-nguyen", group=subgroup.group, subgroup=subgroup,
                             story_vi="# Câu chuyện\nMật **ong**", story_en="Honey *story*")
    ProductImageFactory(product=product, path="products/1.png", position=0)
    ProductImageFactory(product=product, path="products/2.png", position=1)

    response = client.get("/api/v1/products/mat-ong-tay-nguyen")

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.json
    assert body["slug"] == "mat-ong-tay-nguyen"
    assert body["subgroup"] == {"slug": "mat-ong", "name_vi": "Mật ong", "name_en": "Honey"}
    assert body["story_vi"] == "# Câu chuyện\nMật **ong**"
    assert body["story_en"] == "Honey *story*"
    assert body["image_url"] == f"{HOST}/media/products/1.png"
    assert body["image_urls"] == [f"{HOST}/media/products/1.png",
                                  f"{HOST}/media/products/2.png"]
    assert body["certificate"]["status"] == "current"


def test_an_unknown_slug_is_a_404_problem(client):
    response = client.get("/api/v1/products/khong-ton-tai")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert set(response.json) >= {"type", "title", "status", "detail"}


def test_successful_answers_may_be_cached_for_a_minute_and_errors_may_not(client):
    ProductFactory(slug="cached")
    for url in ("/api/v1/products", "/api/v1/products/cached"):
        response = client.get(url)
        assert response.cache_control.public
        assert response.cache_control.max_age == 60
    missing = client.get("/api/v1/products/missing")
    assert not missing.cache_control.public
    invalid = client.get("/api/v1/products?page=0")
    assert not invalid.cache_control.public


def test_a_list_runs_the_same_number_of_queries_for_3_or_30_products(client, count_queries):
    for n in range(3):
        ProductImageFactory(product=ProductFactory(slug=f"few-{n}"))
    with count_queries() as few:
        assert len(client.get("/api/v1/products?per_page=100").json["items"]) == 3

    for n in range(27):
        ProductImageFactory(product=ProductFactory(slug=f"many-{n}"))
    with count_queries() as many:
        assert len(client.get("/api/v1/products?per_page=100").json["items"]) == 30

    assert len(few) == len(many) <= 4

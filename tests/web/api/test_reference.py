"""Groups, provinces and producers: the lists that build filters."""

from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ProductGroupFactory,
    ProductSubgroupFactory,
    ProvinceFactory,
)


def unlisted(**fields):
    product = ProductFactory(certificate=None, **fields)
    CertificateFactory(product=product, stars=2)
    return product


def test_groups_come_in_official_order_with_subgroups_and_listed_counts(client, count_queries):
    drinks = ProductGroupFactory(code=2, slug="do-uong", name_vi="Đồ uống", name_en="Beverages")
    food = ProductGroupFactory(code=1, slug="thuc-pham", name_vi="Thực phẩm", name_en="Food")
    ProductSubgroupFactory(group=drinks, slug="tra-ca-phe", name_vi="Trà, cà phê",
                           name_en="Tea, coffee")
    ProductFactory(group=drinks)
    ProductFactory(group=drinks)
    unlisted(group=food)

    with count_queries() as queries:
        response = client.get("/api/v1/groups")

    assert response.status_code == 200
    assert response.cache_control.max_age == 60
    assert response.json["items"] == [
        {"code": 1, "slug": "thuc-pham", "name_vi": "Thực phẩm", "name_en": "Food",
         "product_count": 0, "subgroups": []},
        {"code": 2, "slug": "do-uong", "name_vi": "Đồ uống", "name_en": "Beverages",
         "product_count": 2,
         "subgroups": [{"slug": "tra-ca-phe", "name_vi": "Trà, cà phê", "name_en": "Tea, coffee"}]},
    ]
    assert len(queries) == 3


def test_provinces_are_those_with_listed_products_with_counts(client):
    lam_dong = ProvinceFactory(code="68", slug="lam-dong", name="Lâm Đồng")
    an_giang = ProvinceFactory(code="89", slug="an-giang", name="An Giang")
    empty = ProvinceFactory(slug="ha-giang", name="Hà Giang")
    ProductFactory(producer=ProducerFactory(province=lam_dong))
    ProductFactory(producer=ProducerFactory(province=lam_dong))
    ProductFactory(producer=ProducerFactory(province=an_giang))
    unlisted(producer=ProducerFactory(province=empty))

    response = client.get("/api/v1/provinces")

    assert response.status_code == 200
    assert response.json["items"] == [
        {"code": "89", "slug": "an-giang", "name": "An Giang", "product_count": 1},
        {"code": "68", "slug": "lam-dong", "name": "Lâm Đồng", "product_count": 2},
    ]


def test_producers_are_those_with_listed_products_by_name_in_pages(client, count_queries):
    lam_dong = ProvinceFactory(slug="lam-dong", name="Lâm Đồng")
    for name, slug in (("HTX Chè", "htx-che"), ("Công ty An Phú", "an-phu"),
                       ("HTX Bò sữa", "htx-bo-sua")):
        producer = ProducerFactory(name=name, slug=slug, province=lam_dong)
        ProductFactory(producer=producer)
        ProductFactory(producer=producer)
    unlisted(producer=ProducerFactory(name="HTX Chưa đạt"))

    with count_queries() as queries:
        first = client.get("/api/v1/producers?per_page=2").json
    second = client.get("/api/v1/producers?per_page=2&page=2").json

    assert [p["name"] for p in first["items"]] == ["Công ty An Phú", "HTX Bò sữa"]
    assert [p["name"] for p in second["items"]] == ["HTX Chè"]
    assert (first["total"], first["pages"], first["page"], first["per_page"]) == (3, 2, 1, 2)
    assert first["items"][0] == {"slug": "an-phu", "name": "Công ty An Phú",
                                 "kind": "cooperative",
                                 "province": {"slug": "lam-dong", "name": "Lâm Đồng"}}
    assert len(queries) == 2

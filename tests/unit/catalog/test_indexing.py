"""A product is found by its producer's and its province's current names."""

import pytest

from shop.catalog.search import CatalogQuery, search
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory


def found(words: str) -> list[str]:
    return sorted(p.slug for p in search(CatalogQuery(q=words)).items)


@pytest.fixture
def province():
    return ProvinceFactory(name="Quảng Bình")


@pytest.fixture
def producer(province):
    return ProducerFactory(name="HTX Sen Hồng", province=province)


@pytest.fixture
def products(producer):
    return sorted(ProductFactory(producer=producer).slug for _ in range(3))


def test_renaming_a_producer_finds_its_products_by_the_new_name_only(session, producer,
                                                                      products):
    other = ProductFactory(name_vi="Trà xanh")
    loaded = ProductFactory(producer=producer)
    producer.name = "Hợp tác xã Mây Tre Đất Việt"
    session.flush()

    assert " may tre dat viet" in loaded.search_text  # a loaded product needs no reload
    assert found("may tre dat viet") == sorted([*products, loaded.slug])
    assert found("sen hong") == []
    assert found("tra xanh") == [other.slug]


def test_renaming_a_province_or_its_former_names_refreshes_its_products(session, province,
                                                                        products):
    province.name = "Quảng Trị"
    session.flush()
    assert found("quang tri") == products
    assert found("quang binh") == []

    province.former_names = "Quảng Bình"
    session.flush()
    assert found("quang binh") == products


def test_a_producer_moved_to_another_province_is_found_under_the_new_one(session, producer,
                                                                         products):
    producer.province = ProvinceFactory(name="Đắk Lắk")
    session.flush()

    assert found("dak lak") == products
    assert found("quang binh") == []


def test_the_refresh_is_one_select_and_one_update_whatever_the_number_of_products(
        session, producer, products, count_queries):
    with count_queries() as statements:
        producer.name = "HTX Mây Tre"
        session.flush()
    touching = [s for s in statements if "products" in s.lower()]
    assert len(touching) == 2, statements
    assert touching[0].lstrip().upper().startswith("SELECT")
    assert touching[1].lstrip().upper().startswith("UPDATE")

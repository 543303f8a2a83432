"""With 10,000 products the catalog runs a fixed number of queries and uses its indexes."""

from datetime import timedelta

import pytest
from sqlalchemy import insert, text

from shop.catalog.indexing import search_text
from shop.catalog.models import Product
from shop.catalog.search import CatalogQuery, filtered
from shop.core import clock
from shop.extensions import db
from shop.ocop.models import Certificate
from shop.ocop.rules import expiry_for, level_for
from tests.factories import ProducerFactory, ProductGroupFactory, ProvinceFactory

SIZE = 10_000


def bulk_catalog(size: int) -> None:
    """`size` listed products over 50 producers and 3 groups, inserted in bulk."""
    provinces = [ProvinceFactory() for _ in range(5)]
    producers = [ProducerFactory(province=provinces[i % 5]) for i in range(50)]
    groups = [ProductGroupFactory() for _ in range(3)]
    recognized = clock.today() - timedelta(days=100)
    rows = []
    for i in range(size):
        producer = producers[i % 50]
        name = f"Sản phẩm số {i} đặc sản" if i % 1000 else f"Nước mắm hiếm {i}"
        product = Product(name_vi=name, name_en=f"Product {i}", story_vi="", story_en="")
        rows.append({
            "id": 100_000 + i, "slug": f"sp-{i}", "name_vi": name, "name_en": f"Product {i}",
            "producer_id": producer.id, "group_id": groups[i % 3].id, "price_vnd": 10_000 + i,
            "name_key": name.lower(), "story_vi": "", "story_en": "", "unit_vi": "", "unit_en": "",
            "search_text": search_text(product, producer, producer.province),
        })
    db.session.execute(insert(Product), rows)
    stars = [3, 4, 5]
    db.session.execute(insert(Certificate), [{
        "product_id": 100_000 + i, "number": f"{i}/QĐ", "authority": "UBND tỉnh",
        "level": level_for(stars[i % 3], recognized), "score": 50 + 20 * (i % 3),
        "stars": stars[i % 3], "recognized_on": recognized,
        "expires_on": expiry_for(recognized), "superseded": False,
    } for i in range(size)])
    db.session.flush()


@pytest.fixture
def big_catalog():
    bulk_catalog(SIZE)


URLS = [
    "/products",
    "/products?q=nuoc+mam",
    "/products?q=dac+san&min_stars=4&sort=price_desc&page=3",
    "/products?group={group}&sort=stars",
    "/",
]


def test_catalog_pages_run_a_fixed_number_of_queries(client, count_queries, big_catalog):
    group = db.session.scalar(text("SELECT slug FROM product_groups LIMIT 1"))
    for url in URLS:
        with count_queries() as queries:
            response = client.get(url.format(group=group))
        assert response.status_code == 200
        # list: count, page, images, groups, facets; home: two featured rows and two facets.
        # Never a query per product row.
        assert len(queries) <= 7, (url, len(queries), queries)


def test_the_search_predicate_is_served_by_the_trigram_index_on_postgresql(big_catalog):
    if db.engine.dialect.name != "postgresql":
        # SQLite has no trigram index: substring search scans, which is fine at demo scale.
        assert db.engine.dialect.name == "sqlite"
        return
    stmt = filtered(CatalogQuery(q="nước mắm hiếm")).with_only_columns(Product.id)
    compiled = stmt.compile(dialect=db.engine.dialect)
    db.session.execute(text("ANALYZE products, certificates"))
    connection = db.session.connection()
    plan = "\n".join(row[0] for row in connection.exec_driver_sql(
        "EXPLAIN " + str(compiled), compiled.params))
    assert "ix_products_search_text_trgm" in plan, plan

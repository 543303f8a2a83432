"""`flask seed-demo` as a developer runs it: once, then never again over existing data."""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from shop.accounts.models import User
from shop.catalog.listing import listed_products
from shop.catalog.models import Product, ProductImage
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.places.models import Province
from shop.producers.models import Producer

MODELS = (Province, Producer, Product, ProductImage, Certificate, User)


def counts() -> dict[str, int]:
    return {m.__name__: db.session.scalar(select(func.count()).select_from(m)) for m in MODELS}


def test_seed_demo_seeds_today_then_if_empty_leaves_the_data_alone(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert any(line.split() == ["officer@ocop.example.vn", "demo-officer-2026", "officer"]
               for line in first.output.splitlines())
    seeded = counts()
    listed = db.session.scalar(listed_products().with_only_columns(func.count(Product.id)))
    assert listed >= 150 and seeded["Product"] > listed

    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert again.exit_code == 0 and "nothing seeded" in again.output
    refused = runner.invoke(args=["seed-demo"])
    assert refused.exit_code == 1 and "already holds" in refused.output
    assert counts() == seeded


def test_a_failure_half_way_leaves_nothing_seeded(app):
    # A group squatting on the tourism group's slug fails the seed after the provinces.
    db.session.add(ProductGroup(code=99, slug="du-lich", name_vi="Du lịch", name_en="Tours"))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert isinstance(result.exception, IntegrityError)
    assert counts() == dict.fromkeys(counts(), 0)
    assert db.session.scalar(select(func.count()).select_from(ProductGroup)) == 1

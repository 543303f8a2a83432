"""One GTIN, one product: whatever form it is typed in (8, 12, 13 or 14 digits, spaces), a
producer cannot take another producer's number, and the database refuses a second holder."""

import flask_migrate
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from shop.catalog.models import Product
from shop.extensions import db
from tests.factories import ProductFactory
from tests.web.concurrency.support import rows_removed_after
from tests.web.portal import error_of

GTIN13 = "8931454800033"
GTIN12 = "036000291452"
GTIN8 = "96385074"


def listing(gtin: str) -> dict:
    return {"price_vnd": "185000", "gtin": gtin, "story_vi": "Chè.", "story_en": "Tea."}


@pytest.mark.parametrize(("theirs", "typed"), [
    (GTIN13, GTIN13), (GTIN13, "0" + GTIN13), (GTIN13, " 0893 1454 80003 3 "),
    (GTIN12, GTIN12), (GTIN12, "0" + GTIN12), (GTIN12, "00" + GTIN12),
    (GTIN8, GTIN8), (GTIN8, "000000" + GTIN8), (GTIN8, "00000" + GTIN8),
])
def test_another_producers_gtin_cannot_be_taken_in_any_form(member_client, producer, theirs,
                                                             typed):
    victim = ProductFactory(gtin=theirs, name_en="The real one")
    mine = ProductFactory(producer=producer, gtin=None)

    response = member_client.post(f"/portal/products/{mine.id}", data=listing(typed))

    assert response.status_code == 400
    assert "Another product already carries the GTIN " + theirs.zfill(14) in error_of(
        response.text, "gtin")
    db.session.refresh(mine)
    assert mine.gtin is None
    assert member_client.get(f"/01/{theirs.zfill(14)}").headers["Location"].endswith(
        f"/products/{victim.slug}")


def test_a_gtin_typed_with_spaces_is_stored_as_gtin14(member_client, producer):
    mine = ProductFactory(producer=producer, gtin=None)
    response = member_client.post(f"/portal/products/{mine.id}",
                                  data=listing(" 893 1454 80003 3 "))
    assert response.status_code == 302
    db.session.refresh(mine)
    assert mine.gtin == "0" + GTIN13


def test_the_database_holds_one_product_per_gtin_whatever_its_form(session):
    ProductFactory(gtin=GTIN13)
    with pytest.raises(IntegrityError), session.begin_nested():
        ProductFactory(gtin="0" + GTIN13)


@pytest.mark.no_db
def test_the_migration_stores_every_gtin_as_gtin14_and_one_holder_keeps_it(app):
    with rows_removed_after(app), app.app_context():
        first, second, short, bad = (ProductFactory(gtin=None) for _ in range(4))
        db.session.commit()
        # As stored before the migration: the forms people typed, one number twice.
        for product, stored in ((first, GTIN13), (second, "0" + GTIN13), (short, GTIN8),
                                (bad, "89x")):
            db.session.execute(text("UPDATE products SET gtin = :gtin WHERE id = :id"),
                               {"gtin": stored, "id": product.id})
        db.session.commit()
        flask_migrate.downgrade(revision="b2d4f6a8c0e1")
        flask_migrate.upgrade()

        stored = dict(db.session.execute(select(Product.id, Product.gtin).where(
            Product.id.in_([first.id, second.id, short.id, bad.id]))).all())
        assert stored == {first.id: "0" + GTIN13, second.id: None,
                          short.id: "000000" + GTIN8, bad.id: None}
        db.session.execute(update(Product).where(Product.id == first.id).values(gtin=None))
        db.session.commit()

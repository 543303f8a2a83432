"""The listing rule at its boundaries, with the clock frozen."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from shop.catalog.listing import listed_products
from shop.catalog.models import Product
from shop.extensions import db
from shop.ocop.rules import expiry_for
from tests.factories import CertificateFactory, ProductFactory

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    # 10:00 in Hà Nội; the shop's "today" is Vietnam's date.
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


def listed_slugs() -> set[str]:
    return set(db.session.scalars(listed_products().with_only_columns(Product.slug)))


def certified(slug: str, **certificate) -> Product:
    product = ProductFactory(slug=slug, certificate=None)
    CertificateFactory(product=product, **certificate)
    return product


def test_a_current_four_star_product_is_listed():
    certified("current")
    assert listed_slugs() == {"current"}


def test_a_certificate_expiring_today_still_lists_and_expired_yesterday_does_not():
    certified("expires-today", recognized_on=date(2023, 3, 16), expires_on=TODAY)
    certified("expired-yesterday", recognized_on=date(2023, 3, 15),
              expires_on=TODAY - timedelta(days=1))
    assert listed_slugs() == {"expires-today"}


def test_36_months_after_recognition_is_the_last_valid_day():
    recognized = date(2023, 3, 16)
    assert expiry_for(recognized) == TODAY
    certified("last-day", recognized_on=recognized)
    assert listed_slugs() == {"last-day"}


def test_revoked_yesterday_is_not_listed():
    certified("revoked", revoked_on=TODAY - timedelta(days=1), revocation_number="9/QĐ",
              revocation_reason="Vi phạm an toàn thực phẩm")
    assert listed_slugs() == set()


@pytest.mark.parametrize(("stars", "listed"), [(1, False), (2, False), (3, True), (5, True)])
def test_only_three_stars_or_more_are_listed(stars, listed):
    certified("p", stars=stars)
    assert listed_slugs() == ({"p"} if listed else set())


def test_recognised_tomorrow_is_not_yet_listed_and_recognised_today_is():
    certified("tomorrow", recognized_on=TODAY + timedelta(days=1))
    certified("today", recognized_on=TODAY)
    assert listed_slugs() == {"today"}


def test_a_product_without_a_certificate_is_not_listed():
    ProductFactory(slug="none", certificate=None)
    assert listed_slugs() == set()


def test_a_superseded_certificate_does_not_list_the_product():
    product = ProductFactory(slug="renewed", certificate=None)
    CertificateFactory(product=product, superseded=True)
    CertificateFactory(product=product, revoked_on=TODAY, revocation_number="1/QĐ",
                       revocation_reason="Ngừng sản xuất")
    assert listed_slugs() == set()


def test_the_day_turns_at_midnight_in_vietnam(time_machine):
    certified("ends-16th", recognized_on=date(2023, 3, 16), expires_on=TODAY)
    # 17:30 UTC on the 16th is already 00:30 on the 17th in Vietnam.
    time_machine.move_to("2026-03-16T17:30:00+00:00", tick=False)
    assert listed_slugs() == set()


def test_listed_products_loads_certificate_and_producer_in_the_same_query(count_queries):
    certified("one")
    certified("two")
    db.session.expunge_all()
    with count_queries() as queries:
        products = db.session.scalars(listed_products()).all()
        names = [(p.certificate.stars, p.producer.province.name) for p in products]
    assert len(names) == 2
    assert len(queries) == 1
    assert db.session.scalar(select(Product.id).limit(1)) is not None

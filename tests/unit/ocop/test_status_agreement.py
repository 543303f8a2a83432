"""The status rule is stated three times (Python, SQL, the listing); they must agree."""

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from shop.catalog.listing import is_for_sale, listed_products
from shop.catalog.models import Product
from shop.extensions import db
from shop.ocop.listing_rule import LISTABLE_STATUSES, Status, status_expression, status_on
from shop.ocop.models import Certificate
from shop.registry.services import registry_page, registry_query, status_counts
from tests.factories import CertificateFactory, ProductFactory

TODAY = date(2026, 3, 16)
DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


def expiring_on(expires_on: date, **changes) -> dict:
    return {"recognized_on": expires_on - timedelta(days=1000), "expires_on": expires_on} | changes


def revoked(on: date) -> dict:
    return {"revoked_on": on, "revocation_number": "7/QĐ", "revocation_reason": "Ngừng sản xuất"}


SPREAD = [
    *({"stars": stars} for stars in (1, 2, 3, 4, 5)),
    {"recognized_on": TODAY},
    {"recognized_on": TODAY - DAY},
    {"recognized_on": TODAY + DAY},
    {"recognized_on": TODAY + DAY, "stars": 2},
    *(expiring_on(TODAY + offset) for offset in (-91 * DAY, -90 * DAY, -DAY, 0 * DAY, DAY,
                                                  89 * DAY, 90 * DAY, 91 * DAY)),
    expiring_on(TODAY + 30 * DAY, stars=5),
    expiring_on(TODAY - DAY, stars=2),
    revoked(TODAY),
    revoked(TODAY - DAY),
    expiring_on(TODAY - 10 * DAY, **revoked(TODAY - 20 * DAY)),
    expiring_on(TODAY + 10 * DAY, **revoked(TODAY)),
    {"superseded": True},
    {"superseded": True, **revoked(TODAY - DAY)},
]


@pytest.fixture
def certificates() -> list[Certificate]:
    """One product per certificate of the spread, plus one renewed product (old and new)."""
    made = [CertificateFactory(product=ProductFactory(certificate=None), **facts)
            for facts in SPREAD]
    renewed = ProductFactory(certificate=None)
    made.append(CertificateFactory(product=renewed, superseded=True,
                                   recognized_on=TODAY - timedelta(days=900)))
    made.append(CertificateFactory(product=renewed, recognized_on=TODAY - 10 * DAY))
    return made


def test_the_spread_covers_every_status(certificates):
    assert {status_on(c, TODAY) for c in certificates} == set(Status)


def test_status_on_and_status_expression_agree(certificates):
    in_sql = dict(db.session.execute(select(Certificate.id, status_expression(TODAY))).all())
    for certificate in certificates:
        assert in_sql[certificate.id] == status_on(certificate, TODAY).value, certificate.__dict__


def test_a_product_is_listed_exactly_when_a_certificate_is_current_or_expiring(certificates):
    listed = set(db.session.scalars(listed_products().with_only_columns(Product.id)))
    listable = {c.product_id for c in certificates if status_on(c, TODAY) in LISTABLE_STATUSES}
    assert listed == listable
    assert len(listable) > 5


def test_the_python_form_of_the_listing_agrees_with_the_query_priced_or_not(certificates):
    unpriced = {c.product_id for c in certificates[::3]}
    for product in db.session.scalars(select(Product).where(Product.id.in_(unpriced))):
        product.price_vnd = 0
    db.session.flush()
    listed = set(db.session.scalars(listed_products().with_only_columns(Product.id)))
    for certificate in certificates:
        if certificate.superseded:
            continue
        product = db.session.get(Product, certificate.product_id)
        assert is_for_sale(product, status_on(certificate, TODAY)) == (product.id in listed)
    # The price decided for some: listable certificates on unpriced products, none listed.
    held_back = {c.product_id for c in certificates
                 if c.product_id in unpriced and status_on(c, TODAY) in LISTABLE_STATUSES}
    assert listed and held_back and not held_back & listed


def test_counts_and_tabs_follow_the_same_status(certificates):
    expected = Counter(status_on(c, TODAY) for c in certificates)
    counts = status_counts()
    assert counts == {status: expected.get(status, 0) for status in Status}
    for status in Status:
        ids = set(db.session.scalars(registry_query(status).with_only_columns(Certificate.id)))
        assert ids == {c.id for c in certificates if status_on(c, TODAY) is status}


def test_a_registry_page_is_sorted_by_expiry_and_counts_all_pages(certificates, officer):
    first = registry_page(None, page=1, per_page=10, actor=officer)
    last = registry_page(None, page=first.pages, per_page=10, actor=officer)
    assert first.total == len(certificates)
    assert first.pages == 3
    assert len(first.rows) == 10
    assert len(last.rows) == len(certificates) - 20
    expiries = [c.expires_on for c, _ in first.rows]
    assert expiries == sorted(expiries)
    for certificate, status in first.rows + last.rows:
        assert status is status_on(certificate, TODAY)

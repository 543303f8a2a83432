"""Fixtures for the combos' rules: an outlet, two listed products in stock."""

import pytest
from sqlalchemy import select

from shop.core import clock
from shop.extensions import db
from shop.ocop.models import Certificate
from shop.outlets.stock import receive
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory


@pytest.fixture
def outlet():
    return OutletFactory()


@pytest.fixture
def tea():
    return ProductFactory(name_vi="Trà Shan tuyết", price_vnd=120_000)


@pytest.fixture
def honey():
    return ProductFactory(name_vi="Mật ong bạc hà", price_vnd=180_000)


def stock(outlet, product, units: int) -> None:
    """Receive `units` of a fresh lot of `product` at `outlet`."""
    receive(outlet.id, LotFactory(product=product).id, units, UserFactory(outlet=outlet))


def live_certificate(product) -> Certificate:
    """The product's live certificate."""
    return db.session.scalar(select(Certificate).where(Certificate.product_id == product.id,
                                                       Certificate.superseded.is_(False)))


def revoke(product) -> None:
    """Revoke the product's certificate today, as the registry does."""
    certificate = live_certificate(product)
    certificate.revoked_on = clock.today()
    certificate.revocation_number = "99/QĐ-UBND"
    certificate.revocation_reason = "Vi phạm an toàn thực phẩm"
    db.session.flush()

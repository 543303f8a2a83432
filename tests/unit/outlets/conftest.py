"""Fixtures for the outlets' rules: a frozen day, an outlet, its staff, a product and lots."""

from datetime import date, timedelta

import pytest

from shop.accounts.models import Role
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory

TODAY = date(2026, 3, 16)


@pytest.fixture
def frozen(time_machine):
    """Vietnam, 16 March 2026, 10:00, with the clock stopped."""
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return time_machine


@pytest.fixture
def outlet():
    return OutletFactory()


@pytest.fixture
def staff(outlet):
    """A member of `outlet`'s staff."""
    return UserFactory(role=Role.CUSTOMER, outlet=outlet)


@pytest.fixture
def product():
    """A listed product (a current 4-star certificate)."""
    return ProductFactory()


@pytest.fixture
def lot(product):
    """A lot of 500 units of `product`, expiring in a year."""
    return LotFactory(product=product, expires_on=TODAY + timedelta(days=365))


def lot_expiring_in(product, days: int, quantity: int = 500):
    """Another lot of `product`, expiring `days` after TODAY."""
    return LotFactory(product=product, quantity=quantity,
                      produced_on=TODAY - timedelta(days=30),
                      expires_on=TODAY + timedelta(days=days))

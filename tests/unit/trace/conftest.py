"""Fixtures shared by the traceability rule tests."""

from datetime import date

import pytest

from shop.accounts.models import Role
from tests.factories import ProducerFactory, ProductFactory, UserFactory, ZoneFactory


@pytest.fixture
def frozen(time_machine):
    """Vietnam, 16 March 2026, 10:00, with the clock stopped."""
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return time_machine


@pytest.fixture
def producer():
    return ProducerFactory()


@pytest.fixture
def member(producer):
    """A member of `producer`."""
    return UserFactory(role=Role.PRODUCER, producer=producer)


@pytest.fixture
def product(producer):
    """A product of `producer`, with a current 4-star certificate."""
    return ProductFactory(producer=producer)


@pytest.fixture
def zone(producer):
    """A zone of `producer`: 10,000 kg a season, one season a year, VietGAP until 2027."""
    return ZoneFactory(producer=producer, code="VN-68-672-24835-01-24",
                       expected_yield_kg=10_000, seasons_per_year=1,
                       standard_expires_on=date(2027, 3, 16))

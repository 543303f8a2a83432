"""Fixtures shared by the traceability rule tests."""

import pytest
from flask_babel import refresh

from shop.accounts.models import Role
from tests.factories import ProducerFactory, UserFactory


@pytest.fixture
def frozen(time_machine):
    """Vietnam, 16 March 2026, 10:00, with the clock stopped."""
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return time_machine


@pytest.fixture
def english(app):
    """Messages in English (the language cookie), so the words asserted are the ones shown."""
    with app.test_request_context(headers={"Cookie": "lang=en"}):
        refresh()
        yield


@pytest.fixture
def producer():
    return ProducerFactory()


@pytest.fixture
def member(producer):
    """A member of `producer`."""
    return UserFactory(role=Role.PRODUCER, producer=producer)

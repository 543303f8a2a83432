"""The portal's tests: a producer with a signed-in member, in English at a fixed time, and
helpers for reading its forms. Each feature's tests/web/<feature>/portal/conftest.py takes the
fixtures from here."""

import re

import pytest

from shop.accounts.models import Role
from tests.factories import ProducerFactory, UserFactory


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture(autouse=True)
def _english(client):
    """The portal tests read English messages."""
    client.set_cookie("lang", "en")


@pytest.fixture
def producer():
    return ProducerFactory(name="HTX Chè Cầu Đất")


@pytest.fixture
def member(producer):
    """A member of `producer`."""
    return UserFactory(role=Role.PRODUCER, producer=producer)


@pytest.fixture
def member_client(client, sign_in, member):
    return sign_in(member)


def typed(html: str, name: str) -> str | None:
    """The value an input named `name` shows, or None when there is no such input."""
    found = re.search(rf'<input[^>]*\bname="{name}"[^>]*\bvalue="([^"]*)"', html)
    return found and found.group(1)


def selected(html: str, name: str) -> str | None:
    """The value of the selected option of the select named `name`."""
    select = re.search(rf'<select[^>]*\bname="{name}"[^>]*>(.*?)</select>', html, re.S)
    found = select and re.search(r'<option selected value="([^"]*)"', select.group(1))
    return found and found.group(1)


def error_of(html: str, field_id: str) -> str | None:
    """The error message shown by the field with id `field_id`."""
    found = re.search(rf'<p class="error" id="{field_id}-error">(.*?)</p>', html, re.S)
    return found and found.group(1)

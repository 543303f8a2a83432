"""An outlet with stock and its signed-in staff, on a fixed day, in English."""

import re
from datetime import timedelta

import pytest

from shop.accounts.models import Role
from shop.outlets.stock import receive
from tests.factories import LotFactory, OutletFactory, ProductFactory, ProvinceFactory, UserFactory
from tests.unit.outlets.conftest import TODAY


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture(autouse=True)
def _english(client):
    client.set_cookie("lang", "en")


@pytest.fixture
def outlet():
    return OutletFactory(name_vi="Điểm bán OCOP Hội An", name_en="Hội An OCOP outlet",
                         slug="diem-ban-hoi-an", street="25 Trần Phú", commune="Phường Hội An",
                         province=ProvinceFactory(name="Đà Nẵng", slug="da-nang"),
                         latitude="15.877200", longitude="108.326100", phone="02353861234")


@pytest.fixture
def staff(outlet):
    return UserFactory(role=Role.CUSTOMER, outlet=outlet, name="Trần Thị Lan")


@pytest.fixture
def staff_client(client, sign_in, staff):
    return sign_in(staff)


@pytest.fixture
def tea():
    return ProductFactory(name_en="Oolong tea", name_vi="Trà Ô long", slug="tra-o-long")


def stock(outlet, product, units: int, expires_in: int = 365, **lot):
    """`units` of a new lot of `product` at `outlet`; the lot."""
    made = LotFactory(product=product, produced_on=TODAY - timedelta(days=30),
                      expires_on=TODAY + timedelta(days=expires_in), **lot)
    receive(outlet.id, made.id, units, UserFactory(role=Role.ADMIN))
    return made


def typed(html: str, name: str) -> str | None:
    """The value an input named `name` shows, or None when there is no such input."""
    found = re.search(rf'<input[^>]*\bname="{name}"[^>]*\bvalue="([^"]*)"', html)
    return found and found.group(1)


def error_of(html: str, field_id: str) -> str | None:
    """The error message shown by the field with id `field_id`."""
    found = re.search(rf'<p class="error" id="{field_id}-error">(.*?)</p>', html, re.S)
    return found and found.group(1)


def options(html: str, name: str) -> list[str]:
    """The labels of the options of the select named `name`."""
    select = re.search(rf'<select[^>]*\bname="{name}"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(1)) if select else []

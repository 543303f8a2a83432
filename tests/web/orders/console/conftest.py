"""A stocked outlet taking transfers and cash, its staff signed in, on a fixed morning."""

import pytest

from shop.accounts.models import Role
from tests.factories import UserFactory
from tests.web.orders.support import stocked_outlet


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture
def shop():
    """(outlet, product, lot): 10 units of a tea at 120 000 đ."""
    outlet, product, lot, _province = stocked_outlet(units=10, price=120_000)
    outlet.accepts_cash_pickup = True
    return outlet, product, lot


@pytest.fixture
def staff(shop):
    return UserFactory(role=Role.CUSTOMER, outlet=shop[0], name="Trần Văn Bình")


@pytest.fixture
def staff_client(client, sign_in, staff):
    return sign_in(staff)

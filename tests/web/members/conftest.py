"""A producer in Lâm Đồng, its provincial officer, and mail read off a real SMTP server."""

import re

import pytest

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.extensions import db
from shop.mail.delivery import deliver_due
from tests.factories import ProducerFactory, ProvinceFactory, UserFactory


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture(autouse=True)
def _english(client):
    client.set_cookie("lang", "en")


@pytest.fixture
def lam_dong():
    return ProvinceFactory(name="Lâm Đồng", slug="lam-dong")


@pytest.fixture
def producer(lam_dong):
    return ProducerFactory(name="HTX Trà Cầu Đất", province=lam_dong,
                           registration_number="5800123456")


def provincial_officer(province):
    """An officer of the province's office."""
    user = UserFactory(role=Role.CUSTOMER)
    user.memberships.append(Membership(kind=OrganisationKind.OFFICE, province_id=province.id))
    db.session.flush()
    return user


@pytest.fixture
def officer_ld(lam_dong):
    return provincial_officer(lam_dong)


def delivered(settings, smtp) -> list:
    """What the worker delivers now, as the SMTP server received it."""
    deliver_due(settings)
    arrived, smtp.inbox[:] = list(smtp.inbox), []
    return arrived


def link_in(message, path: str) -> str:
    """The path of the link to `path` in a message's plain-text part."""
    url = re.search(rf"https://ocop\.example\.vn({path}\S*)", message.part("plain"))
    assert url, message.part("plain")
    return url.group(1)

"""Applying to fairs and deciding: who may, with which products, and each decision once."""

import pytest

from shop.accounts.models import Role
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.fairs import applications, queries, services
from shop.fairs.applications import Decision
from shop.fairs.models import ApplicationStatus, FairStatus
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory, UserFactory
from tests.unit.fairs.support import fair_input, provincial_officer


@pytest.fixture
def province():
    return ProvinceFactory(name="Lâm Đồng", slug="lam-dong")


@pytest.fixture
def fair(province):
    return services.create_fair(fair_input(province), UserFactory(role=Role.ADMIN))


@pytest.fixture
def product(province):
    return ProductFactory(producer=ProducerFactory(province=province))


@pytest.fixture
def member(product):
    return UserFactory(role=Role.PRODUCER, producer=product.producer)


def test_only_the_producers_members_apply_for_it(fair, product):
    stranger = UserFactory(role=Role.PRODUCER, producer=ProducerFactory())
    with pytest.raises(Forbidden):
        applications.apply(fair.id, product.producer_id, [product.id], stranger)


def test_another_producers_product_is_refused(fair, product, member):
    elsewhere = ProductFactory()
    with pytest.raises(InvalidInput) as refused:
        applications.apply(fair.id, product.producer_id, [elsewhere.id], member)
    assert refused.value.field == "product_ids"


def test_a_closed_fair_takes_no_applications(fair, product, member):
    fair.status = FairStatus.CLOSED
    with pytest.raises(NotFound):
        applications.apply(fair.id, product.producer_id, [product.id], member)


def test_an_application_is_decided_once(fair, product, member, province):
    officer = provincial_officer(province)
    application = applications.apply(fair.id, product.producer_id, [product.id], member)
    applications.decline(application.id, Decision(reason="Hết chỗ"), officer)
    assert application.status is ApplicationStatus.DECLINED
    assert application.decided_by_id == officer.id
    with pytest.raises(InvalidState):
        applications.accept(application.id, Decision(), officer)


def test_the_producers_province_decides_whoever_organises_the_fair(fair, product, member):
    application = applications.apply(fair.id, product.producer_id, [product.id], member)
    with pytest.raises(Forbidden):
        applications.accept(application.id, Decision(), provincial_officer(ProvinceFactory()))
    national = UserFactory(role=Role.OFFICER)
    assert applications.pending_count(fair.id, national) == 1
    applications.accept(application.id, Decision(booth_code="a-3"), national)
    assert applications.pending_count(fair.id, national) == 0
    assert queries.booth_codes(fair.id) == {product.producer_id: "A-3"}
    assert [pick.product.id for pick in queries.office_picks(fair)] == [product.id]

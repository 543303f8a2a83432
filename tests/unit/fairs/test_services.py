"""Recording fairs, booths and picks: the rules and the officers' scope."""

from datetime import timedelta

import pytest

from shop.accounts.models import Role
from shop.core import clock
from shop.core.errors import Forbidden, InvalidInput, InvalidState
from shop.fairs import queries, services
from shop.fairs.models import FairStatus
from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ProvinceFactory,
    UserFactory,
)
from tests.unit.fairs.support import fair_input, provincial_officer, published_fair


@pytest.fixture
def province():
    return ProvinceFactory(name="Lâm Đồng", slug="lam-dong")


@pytest.fixture
def officer(province):
    return provincial_officer(province)


def test_a_provincial_officer_records_fairs_of_their_province_only(officer, province):
    other = ProvinceFactory(name="Sơn La", slug="son-la")
    with pytest.raises(InvalidInput) as refused:
        services.create_fair(fair_input(other), officer)
    assert refused.value.field == "province_id"

    fair = services.create_fair(fair_input(province), officer)
    national = UserFactory(role=Role.OFFICER)
    elsewhere = services.create_fair(fair_input(other, slug="hoi-cho-son-la"), national)
    with pytest.raises(Forbidden):
        services.publish_fair(elsewhere.id, officer)
    with pytest.raises(Forbidden):
        services.add_booth(elsewhere.id, "A-1", ProducerFactory().id, officer)
    assert [f.id for f in services.office_fairs(officer)] == [fair.id]
    assert {f.id for f in services.office_fairs(national)} == {fair.id, elsewhere.id}


def test_the_last_day_may_not_come_before_the_first(officer, province):
    start = clock.today()
    with pytest.raises(InvalidInput) as refused:
        services.create_fair(fair_input(province, starts_on=start,
                                        ends_on=start - timedelta(days=1)), officer)
    assert refused.value.field == "ends_on"
    one_day = services.create_fair(fair_input(province, starts_on=start, ends_on=start), officer)
    assert one_day.slug == "hoi-cho-ocop-lam-dong-2026"
    with pytest.raises(InvalidInput) as taken:
        services.create_fair(fair_input(province), officer)
    assert taken.value.field == "slug"


@pytest.mark.parametrize("code", ["", "A12", "A-", "-12", "ABC-1", "A-1234", "Á-1", "A 12"])
def test_a_booth_code_is_a_hall_and_a_number(officer, province, code):
    fair = services.create_fair(fair_input(province), officer)
    with pytest.raises(InvalidInput) as refused:
        services.add_booth(fair.id, code, ProducerFactory().id, officer)
    assert refused.value.field == "code"


def test_booth_codes_are_unique_in_a_fair_and_typed_loosely(officer, province):
    fair = services.create_fair(fair_input(province), officer)
    booth = services.add_booth(fair.id, " b-7 ", ProducerFactory().id, officer)
    assert booth.code == "B-7"
    with pytest.raises(InvalidInput) as taken:
        services.add_booth(fair.id, "B-7", ProducerFactory().id, officer)
    assert taken.value.field == "code"
    with pytest.raises(InvalidInput) as twice:
        services.add_booth(fair.id, "B-8", booth.producer_id, officer)
    assert twice.value.field == "producer_id"
    assert services.add_booth(fair.id, "AB-999", ProducerFactory().id, officer).code == "AB-999"


def test_only_listed_products_of_a_producer_with_a_booth_are_picked(officer, province):
    fair = services.create_fair(fair_input(province), officer)
    product = ProductFactory()
    with pytest.raises(InvalidInput, match="gian hàng") as no_booth:
        services.add_product(fair.id, product.id, officer)
    assert no_booth.value.field == "product_id"
    services.add_booth(fair.id, "A-1", product.producer_id, officer)
    services.add_product(fair.id, product.id, officer)
    uncertified = ProductFactory(producer=product.producer, certificate=None)
    with pytest.raises(InvalidInput, match="đang được bán"):
        services.add_product(fair.id, uncertified.id, officer)
    with pytest.raises(InvalidInput, match="đã có mặt"):
        services.add_product(fair.id, product.id, officer)


def test_a_certificate_expiring_before_the_fair_ends_is_flagged(officer, province):
    lasting, lapsing = ProductFactory(), ProductFactory(certificate=None)
    fair_end = clock.today() + timedelta(days=13)
    CertificateFactory(product=lapsing, expires_on=fair_end - timedelta(days=1))
    fair = published_fair(officer, province, [lasting, lapsing])
    assert fair.ends_on == fair_end

    flags = {pick.product.id: pick.expires_during for pick in queries.office_picks(fair)}
    assert flags == {lasting.id: False, lapsing.id: True}


def test_a_fair_goes_from_draft_to_published_to_closed(officer, province):
    fair = services.create_fair(fair_input(province), officer)
    with pytest.raises(InvalidState):
        services.close_fair(fair.id, officer)
    assert queries.public_fair(fair.slug) is None
    services.publish_fair(fair.id, officer)
    assert queries.public_fair(fair.slug) == fair
    with pytest.raises(InvalidState):
        services.publish_fair(fair.id, officer)
    assert services.close_fair(fair.id, officer).status is FairStatus.CLOSED
    coming, past = queries.public_fairs()
    assert (coming, past) == ([], [fair])

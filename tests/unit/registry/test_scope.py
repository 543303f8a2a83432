"""Officers' scope: a provincial officer keeps the registry of their province's producers only."""

from datetime import date

import pytest

from shop.accounts.models import Membership, OrganisationKind, Role
from shop.accounts.offices import NATIONAL, officer_scope
from shop.core.errors import Forbidden, InvalidInput
from shop.ocop.models import Level
from shop.registry.services import (
    CertificateInput,
    RevocationInput,
    certificate_to_revoke,
    live_certificates,
    product_choices,
    record_certificate,
    registry_page,
    revoke_certificate,
)
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory, UserFactory
from tests.unit.registry.support import national_officer, provincial_officer

TODAY = date(2026, 3, 16)


@pytest.fixture
def provinces():
    return ProvinceFactory(name="Lâm Đồng"), ProvinceFactory(name="Sơn La")


@pytest.fixture
def products(provinces):
    """A certified product in each province."""
    return tuple(ProductFactory(producer=ProducerFactory(province=p)) for p in provinces)


def certificate_for(product) -> CertificateInput:
    return CertificateInput(product_id=product.id, number="125/QĐ-UBND",
                            authority="UBND tỉnh Lâm Đồng", level=Level.PROVINCE, score=75,
                            stars=4, recognized_on=date(2026, 3, 2))


def live_id(product) -> int:
    return live_certificates([product.id])[product.id].id


def live_number(product) -> str:
    return live_certificates([product.id])[product.id].number


def revocation() -> RevocationInput:
    return RevocationInput(number="42/QĐ-UBND", revoked_on=TODAY, reason="Vi phạm an toàn")


def test_the_scope_of_each_kind_of_person(provinces):
    lam_dong, son_la = provinces
    assert officer_scope(provincial_officer(lam_dong)) == {lam_dong.id}
    assert officer_scope(provincial_officer(lam_dong, son_la)) == {lam_dong.id, son_la.id}
    assert officer_scope(national_officer()) is NATIONAL
    assert officer_scope(UserFactory(role=Role.ADMIN)) is NATIONAL
    # The officer role on the account, with no office: the national office, as before.
    assert officer_scope(UserFactory(role=Role.OFFICER)) is NATIONAL
    assert officer_scope(UserFactory(role=Role.CUSTOMER)) == frozenset()


def test_a_national_office_among_provincial_ones_reaches_everywhere(provinces):
    officer = provincial_officer(provinces[0])
    officer.memberships.append(Membership(kind=OrganisationKind.OFFICE))
    assert officer_scope(officer) is NATIONAL


def test_a_provincial_officer_records_in_their_province_only(provinces, products):
    officer = provincial_officer(provinces[0])
    own, other = products
    assert record_certificate(certificate_for(own), officer).product_id == own.id
    with pytest.raises(InvalidInput) as refused:
        record_certificate(certificate_for(other), officer)
    assert refused.value.field == "product_id"
    assert "another province" in refused.value.message
    assert live_number(other) != "125/QĐ-UBND"
    assert [p.id for p in product_choices(officer)] == [own.id]


def test_a_provincial_officer_revokes_in_their_province_only(provinces, products):
    officer = provincial_officer(provinces[0])
    own, other = products
    revoke_certificate(live_id(own), revocation(), officer)
    with pytest.raises(Forbidden) as refused:
        revoke_certificate(live_id(other), revocation(), officer)
    assert "another province" in refused.value.message
    with pytest.raises(Forbidden):
        certificate_to_revoke(live_id(other), officer)


def test_the_registry_lists_and_counts_the_officers_province_only(provinces, products):
    own, other = products
    page = registry_page(None, 1, 50, provincial_officer(provinces[0]))
    assert [c.product_id for c, _status in page.rows] == [own.id]
    assert page.total == sum(page.counts.values()) == 1
    national = registry_page(None, 1, 50, national_officer())
    assert {c.product_id for c, _status in national.rows} == {own.id, other.id}


def test_a_national_officer_records_and_revokes_everywhere(products):
    officer = national_officer()
    for product in products:
        record_certificate(certificate_for(product), officer)
        revoke_certificate(live_id(product), revocation(), officer)

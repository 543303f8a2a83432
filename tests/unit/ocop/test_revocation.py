"""Revoking certificates: the decision's rules, and the product leaving the catalog."""

from datetime import date, timedelta

import pytest

from shop.accounts.models import Role
from shop.catalog.listing import is_listed
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.ocop.models import Certificate
from shop.registry.services import RevocationInput, certificate_to_revoke, revoke_certificate
from tests.factories import CertificateFactory, ProductFactory, UserFactory

TODAY = date(2026, 3, 16)
RECOGNIZED = date(2025, 9, 1)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture
def certificate() -> Certificate:
    product = ProductFactory(certificate=None)
    return CertificateFactory(product=product, recognized_on=RECOGNIZED)


def revocation(**changes) -> RevocationInput:
    values = {"number": "42/QĐ-UBND", "revoked_on": TODAY,
              "reason": "Vi phạm an toàn thực phẩm"} | changes
    return RevocationInput(**values)


def test_revoking_records_the_decision_and_unlists_the_product(certificate, officer):
    assert is_listed(certificate.product_id)
    revoke_certificate(certificate.id, revocation(reason="  Ngừng sản xuất  "), actor=officer)
    assert certificate.revoked_on == TODAY
    assert certificate.revocation_number == "42/QĐ-UBND"
    assert certificate.revocation_reason == "Ngừng sản xuất"
    assert certificate.revoked_at is not None
    assert not is_listed(certificate.product_id)


def test_the_revocation_date_may_be_the_recognition_date(certificate, officer):
    revoke_certificate(certificate.id, revocation(revoked_on=RECOGNIZED), actor=officer)
    assert certificate.revoked_on == RECOGNIZED


@pytest.mark.parametrize(("changes", "field"), [
    ({"revoked_on": TODAY + timedelta(days=1)}, "revoked_on"),
    ({"revoked_on": RECOGNIZED - timedelta(days=1)}, "revoked_on"),
    ({"reason": "   "}, "reason"),
    ({"reason": "abc"}, "reason"),
    ({"number": ""}, "number"),
])
def test_a_revocation_breaking_a_rule_names_its_field_and_changes_nothing(
        certificate, officer, changes, field):
    with pytest.raises(InvalidInput) as refused:
        revoke_certificate(certificate.id, revocation(**changes), actor=officer)
    assert refused.value.field == field
    assert certificate.revoked_on is None
    assert is_listed(certificate.product_id)


def test_revoking_twice_is_an_invalid_state(certificate, officer):
    revoke_certificate(certificate.id, revocation(), actor=officer)
    with pytest.raises(InvalidState):
        revoke_certificate(certificate.id, revocation(number="43/QĐ-UBND"), actor=officer)
    with pytest.raises(InvalidState):
        certificate_to_revoke(certificate.id, officer)
    assert certificate.revocation_number == "42/QĐ-UBND"


def test_an_unknown_certificate_is_not_found(officer):
    with pytest.raises(NotFound):
        revoke_certificate(999_999, revocation(), actor=officer)
    with pytest.raises(NotFound):
        certificate_to_revoke(999_999, officer)


@pytest.mark.parametrize("role", [Role.CUSTOMER, Role.PRODUCER, Role.OUTLET_STAFF])
def test_only_officers_and_admins_may_revoke(certificate, role):
    with pytest.raises(Forbidden):
        revoke_certificate(certificate.id, revocation(), actor=UserFactory(role=role))
    assert certificate.revoked_on is None


def test_an_admin_may_revoke(certificate):
    revoke_certificate(certificate.id, revocation(), actor=UserFactory(role=Role.ADMIN))
    assert certificate.revoked_on == TODAY

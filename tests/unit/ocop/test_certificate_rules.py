"""Recording certificates: every OCOP rule at its boundary, each error naming its field."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from shop.accounts.models import Role
from shop.catalog.listing import is_listed
from shop.core.errors import Forbidden, InvalidInput
from shop.extensions import db
from shop.ocop.models import Certificate, Level
from shop.ocop.rules import expiry_for
from shop.registry.services import CertificateInput, record_certificate, validate_certificate
from tests.factories import ProductFactory, UserFactory

TODAY = date(2026, 3, 16)
AFTER_REFORM = date(2025, 7, 6)
BEFORE_REFORM = date(2025, 7, 5)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


def certificate_input(**changes) -> CertificateInput:
    """A valid 4★ provincial certificate recognised after the reform; `changes` break it."""
    base = CertificateInput(product_id=0, number="125/QĐ-UBND", authority="UBND tỉnh Lâm Đồng",
                            level=Level.PROVINCE, score=75, stars=4,
                            recognized_on=date(2025, 9, 1))
    return replace(base, **changes)


def refused_field(data: CertificateInput) -> str:
    with pytest.raises(InvalidInput) as refused:
        validate_certificate(data, TODAY)
    assert refused.value.message
    return refused.value.field


@pytest.mark.parametrize(("stars", "score", "valid"), [
    (3, 49, False), (3, 50, True), (3, 69, True), (3, 70, False),
    (4, 69, False), (4, 70, True), (4, 89, True), (4, 90, False),
    (5, 89, False), (5, 90, True), (5, 100, True), (5, 101, False),
])
def test_the_score_must_fall_in_the_band_of_the_stars(stars, score, valid):
    level = Level.NATIONAL if stars == 5 else Level.PROVINCE
    data = certificate_input(stars=stars, score=score, level=level)
    if valid:
        validate_certificate(data, TODAY)
    else:
        assert refused_field(data) == "score"


@pytest.mark.parametrize(("stars", "score", "recognized_on", "level", "valid"), [
    (3, 60, BEFORE_REFORM, Level.DISTRICT, True),
    (3, 60, BEFORE_REFORM, Level.PROVINCE, False),
    (3, 60, AFTER_REFORM, Level.DISTRICT, False),
    (3, 60, AFTER_REFORM, Level.PROVINCE, True),
    (4, 75, BEFORE_REFORM, Level.PROVINCE, True),
    (4, 75, BEFORE_REFORM, Level.DISTRICT, False),
    (4, 75, AFTER_REFORM, Level.PROVINCE, True),
    (4, 75, AFTER_REFORM, Level.NATIONAL, False),
    (5, 95, BEFORE_REFORM, Level.NATIONAL, True),
    (5, 95, AFTER_REFORM, Level.NATIONAL, True),
    (5, 95, AFTER_REFORM, Level.PROVINCE, False),
])
def test_the_level_must_fit_the_stars_under_the_rules_of_the_recognition_date(
        stars, score, recognized_on, level, valid):
    data = certificate_input(stars=stars, score=score, recognized_on=recognized_on, level=level)
    if valid:
        validate_certificate(data, TODAY)
    else:
        assert refused_field(data) == "level"


@pytest.mark.parametrize(("part", "maximum"), [("score_a", 40), ("score_b", 25), ("score_c", 35)])
def test_each_part_of_the_score_has_its_maximum(part, maximum):
    validate_certificate(certificate_input(**{part: maximum}), TODAY)
    assert refused_field(certificate_input(**{part: maximum + 1})) == part
    assert refused_field(certificate_input(**{part: -1})) == part


def test_parts_a_b_and_c_must_add_up_to_the_total():
    validate_certificate(certificate_input(score=75, score_a=30, score_b=20, score_c=25), TODAY)
    assert refused_field(certificate_input(score=75, score_a=30, score_b=20, score_c=24)) == "score"


def test_parts_are_optional_and_a_partial_set_is_not_summed():
    validate_certificate(certificate_input(score=75, score_a=10), TODAY)


def test_the_recognition_date_cannot_be_in_the_future():
    validate_certificate(certificate_input(recognized_on=TODAY), TODAY)
    assert refused_field(certificate_input(recognized_on=TODAY + timedelta(days=1))) \
        == "recognized_on"


@pytest.mark.parametrize(("changes", "field"), [
    ({"number": "  "}, "number"),
    ({"authority": ""}, "authority"),
    ({"stars": 0}, "stars"),
    ({"stars": 6}, "stars"),
])
def test_a_decision_needs_a_number_an_authority_and_one_to_five_stars(changes, field):
    assert refused_field(certificate_input(**changes)) == field


@pytest.mark.parametrize(("recognized_on", "expires_on"), [
    (date(2023, 3, 16), date(2026, 3, 16)),
    (date(2024, 2, 29), date(2027, 2, 28)),
    (date(2025, 8, 31), date(2028, 8, 31)),
])
def test_a_certificate_is_valid_36_months(recognized_on, expires_on):
    assert expiry_for(recognized_on) == expires_on


def test_recording_stores_the_decision_with_its_expiry_and_recorder():
    officer = UserFactory(role=Role.OFFICER)
    product = ProductFactory(certificate=None)
    certificate = record_certificate(
        certificate_input(product_id=product.id, recognized_on=date(2024, 2, 29),
                          level=Level.PROVINCE, score=80, score_a=35, score_b=20, score_c=25),
        actor=officer)
    assert certificate.expires_on == date(2027, 2, 28)
    assert certificate.recorded_by_id == officer.id
    assert (certificate.number, certificate.score_b) == ("125/QĐ-UBND", 20)
    assert is_listed(product.id)


def test_recording_supersedes_the_live_certificate():
    product = ProductFactory()
    previous = db.session.scalar(select(Certificate).where(Certificate.product_id == product.id))
    newer = record_certificate(certificate_input(product_id=product.id, recognized_on=TODAY),
                               actor=UserFactory(role=Role.OFFICER))
    assert previous.superseded
    assert not newer.superseded
    live = db.session.scalars(select(Certificate).where(
        Certificate.product_id == product.id, Certificate.superseded.is_(False))).all()
    assert live == [newer]


def test_an_older_decision_after_a_newer_one_is_refused():
    product = ProductFactory()  # recognised 200 days ago
    older = TODAY - timedelta(days=300)
    with pytest.raises(InvalidInput) as refused:
        record_certificate(certificate_input(product_id=product.id, recognized_on=older),
                           actor=UserFactory(role=Role.OFFICER))
    assert refused.value.field == "recognized_on"
    assert db.session.scalar(select(Certificate.superseded)
                             .where(Certificate.product_id == product.id)) is False


def test_an_unknown_product_is_refused():
    with pytest.raises(InvalidInput) as refused:
        record_certificate(certificate_input(product_id=999_999),
                           actor=UserFactory(role=Role.OFFICER))
    assert refused.value.field == "product_id"


@pytest.mark.parametrize("role", [Role.CUSTOMER, Role.PRODUCER, Role.OUTLET_STAFF])
def test_only_officers_and_admins_may_record(role):
    product = ProductFactory(certificate=None)
    with pytest.raises(Forbidden):
        record_certificate(certificate_input(product_id=product.id), actor=UserFactory(role=role))
    assert not is_listed(product.id)


@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN])
def test_officers_and_admins_may_record(role):
    product = ProductFactory(certificate=None)
    record_certificate(certificate_input(product_id=product.id), actor=UserFactory(role=role))
    assert is_listed(product.id)

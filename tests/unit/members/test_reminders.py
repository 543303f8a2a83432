"""Certificates coming due: reminders at 90 and 30 days, once each, to the producer's members
and its province's officers."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from shop.extensions import db
from shop.mail.models import MailMessage
from shop.members.reminders import send_due_reminders, threshold_for
from tests.factories import (
    CertificateFactory,
    ProducerFactory,
    ProductFactory,
    ProvinceFactory,
    UserFactory,
)
from tests.web.members.conftest import provincial_officer

NOW = datetime.fromisoformat("2026-03-16T03:00:00+00:00")  # 10:00 in Vietnam


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


def mailed() -> list[tuple[str, str]]:
    return sorted(db.session.execute(select(MailMessage.to_address, MailMessage.subject)).all())


@pytest.fixture
def certificate():
    province = ProvinceFactory()
    producer = ProducerFactory(province=province)
    product = ProductFactory(producer=producer, name_vi="Trà Cầu Đất", certificate=None)
    UserFactory(email="member@example.vn", producer=producer)
    UserFactory(email="other@example.vn", producer=ProducerFactory(province=province))
    officer = provincial_officer(province)
    officer.email = "officer@example.vn"
    provincial_officer(ProvinceFactory()).email = "elsewhere@example.vn"
    return CertificateFactory(product=product, recognized_on=date(2023, 7, 1),
                              expires_on=date(2026, 3, 16) + timedelta(days=90))


def test_the_thresholds():
    today = date(2026, 3, 16)
    assert threshold_for(today + timedelta(days=91), today) is None
    assert threshold_for(today + timedelta(days=90), today) == 90
    assert threshold_for(today + timedelta(days=31), today) == 90
    assert threshold_for(today + timedelta(days=30), today) == 30


def test_members_and_provincial_officers_are_mailed_once_at_each_threshold(
        certificate, time_machine):
    assert send_due_reminders(NOW) == 2
    assert [to for to, _ in mailed()] == ["member@example.vn", "officer@example.vn"]
    assert "90" in mailed()[0][1]

    assert send_due_reminders(NOW + timedelta(hours=6)) == 0
    later = NOW + timedelta(days=59)
    time_machine.move_to(later, tick=False)
    assert send_due_reminders(later) == 0
    sixty_days_on = NOW + timedelta(days=60)
    assert send_due_reminders(sixty_days_on) == 2
    assert send_due_reminders(sixty_days_on + timedelta(days=1)) == 0
    assert len(mailed()) == 4


def test_a_revoked_or_superseded_certificate_is_not_reminded(certificate):
    certificate.revoked_on = date(2026, 3, 1)
    db.session.flush()
    assert send_due_reminders(NOW) == 0


def test_one_far_from_expiry_is_not_reminded(certificate):
    certificate.expires_on = date(2026, 3, 16) + timedelta(days=91)
    db.session.flush()
    assert send_due_reminders(NOW) == 0

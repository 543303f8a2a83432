"""The demo's fairs: one on now and one coming with 40+ products at booths, one closed; a
pending application."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from shop.demo.accounts import MEMBER_OF
from shop.demo.seed import seed
from shop.extensions import db
from shop.fairs import applications, queries
from shop.fairs.models import ApplicationStatus, FairStatus
from shop.producers.models import Producer

TODAY = date(2026, 3, 16)


@pytest.fixture
def seeded(app, time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)
    return seed(Path(app.config["MEDIA_ROOT"]), TODAY)


def test_two_published_fairs_with_booths_and_one_closed(seeded):
    coming, past = queries.public_fairs(TODAY)
    assert [f.starts_on <= TODAY for f in coming] == [True, False]
    for fair in coming:
        shown = queries.shown_products(fair.id, today=TODAY)
        assert len(shown) >= 40
        entries = queries.by_booth(fair.id, shown)
        assert len(entries) >= 5
        assert sum(len(e.products) for e in entries) == len(shown)
    assert [f.status for f in past] == [FairStatus.CLOSED]
    assert seeded.fairs.fairs == 3


def test_the_demo_member_has_a_pending_application_to_the_coming_fair(seeded):
    [_on_now, coming] = queries.public_fairs(TODAY)[0]
    [application] = applications.producer_applications(
        db.session.scalar(select(Producer.id).where(Producer.name == MEMBER_OF)))
    assert application.fair_id == coming.id
    assert application.status is ApplicationStatus.PENDING
    assert application.products
    assert seeded.fairs.applications == 1

"""Simultaneous writers wait for their turn: on SQLite (BEGIN IMMEDIATE) and on PostgreSQL."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shop.accounts import sessions
from shop.accounts.models import Role
from shop.core import clock
from shop.extensions import db
from shop.trace.models import Lot, Scan
from tests.factories import LotFactory, ProductFactory, UserFactory, ZoneFactory
from tests.web.concurrency.support import at_once, client_of, rows_removed_after

pytestmark = pytest.mark.no_db


def test_a_hundred_simultaneous_scans_give_a_hundred_pages_and_counted_scans(app):
    with rows_removed_after(app):
        with app.app_context():
            lot = LotFactory()
            db.session.commit()
            lot_id, token = lot.id, lot.token

        statuses = at_once(100, lambda _: client_of(app).get(f"/t/{token}").status_code)

        assert statuses == [200] * 100
        with app.app_context():
            assert db.session.scalar(
                select(func.count()).select_from(Scan).where(Scan.lot_id == lot_id)) == 100


def test_two_lots_taking_a_zones_last_kilograms_at_once_give_one_lot_and_one_refusal(app):
    with rows_removed_after(app):
        with app.app_context():
            product = ProductFactory()
            zone = ZoneFactory(producer=product.producer, expected_yield_kg=1_000)
            member = UserFactory(role=Role.PRODUCER, producer=product.producer)
            token = sessions.start_session(member, timedelta(hours=1))
            db.session.commit()
            product_id, zone_id = product.id, zone.id
        today = clock.today()

        def record(index: int):
            return client_of(app, token).post("/portal/lots/new", data={
                "product_id": str(product_id), "code": f"RACE-{index}",
                "produced_on": today.isoformat(),
                "expires_on": (today + timedelta(days=365)).isoformat(),
                "quantity": "100", "unit": "hộp", "inputs-0-zone_id": str(zone_id),
                "inputs-0-harvested_on": today.isoformat(), "inputs-0-quantity_kg": "600"})

        answers = at_once(2, record)

        assert sorted(answer.status_code for answer in answers) == [302, 400]
        refused = next(answer for answer in answers if answer.status_code == 400)
        assert "so 600 kg is too much (400 kg left)" in refused.get_data(as_text=True)
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(Lot).where(
                Lot.product_id == product_id)) == 1

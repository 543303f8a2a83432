"""Buyers and deliveries racing for the same units, committed for real from many threads:
nothing is taken twice and no lot is received beyond its size (on SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shop.accounts import sessions
from shop.accounts.models import Role
from shop.core import clock
from shop.extensions import db
from shop.outlets.ledger import OutOfStock
from shop.outlets.reservations import take_fefo
from shop.outlets.stock import receive
from shop.outlets.stock_models import StockLevel, StockMove
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.web.concurrency.support import at_once, client_of, rows_removed_after

pytestmark = pytest.mark.no_db


def test_twenty_buyers_for_ten_units_give_ten_holds_and_ten_refusals(app):
    with rows_removed_after(app):
        with app.app_context():
            product, outlet = ProductFactory(), OutletFactory()
            admin = UserFactory(role=Role.ADMIN)
            # Two lots, so that takes cross from the first to expire to the next.
            for units, days in ((6, 30), (4, 90)):
                lot = LotFactory(product=product, expires_on=clock.today() + timedelta(days=days))
                receive(outlet.id, lot.id, units, admin)
            db.session.commit()
            outlet_id, product_id = outlet.id, product.id

        def buy(_index: int):
            with app.app_context():
                try:
                    taken = take_fefo(outlet_id, product_id, 1, None)
                except OutOfStock as refusal:
                    db.session.rollback()
                    return ("refused", refusal.available)
                db.session.commit()
                return ("held", sum(t.quantity for t in taken))

        answers = at_once(20, buy)

        assert sorted(answers) == [("held", 1)] * 10 + [("refused", 0)] * 10
        with app.app_context():
            levels = db.session.scalars(select(StockLevel).where(
                StockLevel.outlet_id == outlet_id)).all()
            assert [(lv.on_hand, lv.reserved) for lv in sorted(levels, key=lambda lv: lv.id)] == [
                (6, 6), (4, 4)]
            assert db.session.scalar(select(func.sum(StockMove.quantity)).where(
                StockMove.outlet_id == outlet_id, StockMove.reason == "reserved")) == 10


def test_two_outlets_receiving_a_lots_last_units_at_once_get_one_delivery(app):
    with rows_removed_after(app):
        with app.app_context():
            lot = LotFactory(quantity=10, code="L-LAST")
            tokens, slugs = [], []
            for _ in range(2):
                outlet = OutletFactory()
                staff = UserFactory(outlet=outlet)
                tokens.append(sessions.start_session(staff, timedelta(hours=1)))
                slugs.append(outlet.slug)
            db.session.commit()
            lot_id, product_id = lot.id, lot.product_id

        answers = at_once(2, lambda i: client_of(app, tokens[i]).post(
            f"/console/{slugs[i]}/receive",
            data={"product_id": str(product_id), "lot_id": str(lot_id), "quantity": "6"}))

        assert sorted(answer.status_code for answer in answers) == [302, 400]
        refused = next(answer for answer in answers if answer.status_code == 400)
        assert ("outlets have received 6 of them, so at most 4 more can be received"
                in refused.get_data(as_text=True))
        with app.app_context():
            assert db.session.scalar(select(func.sum(StockLevel.on_hand)).where(
                StockLevel.lot_id == lot_id)) == 6

"""Fifty buyers placing orders at once for an outlet's last ten units, committed for real
from many threads: ten orders, forty clear refusals, stock never below zero."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.core import clock
from shop.extensions import db
from shop.orders.models import Order
from shop.orders.placing import Checkout, ItemOutOfStock, new_idempotency_key, place_order
from shop.outlets.stock import receive
from shop.outlets.stock_models import StockLevel
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.web.concurrency.support import at_once, rows_removed_after

pytestmark = pytest.mark.no_db


def test_fifty_buyers_for_the_last_ten_units_make_ten_orders(app):
    with rows_removed_after(app):
        with app.app_context():
            product, outlet = ProductFactory(name_vi="Mật ong bạc hà"), OutletFactory()
            admin = UserFactory(role=Role.ADMIN)
            for units, days in ((6, 30), (4, 90)):
                lot = LotFactory(product=product, expires_on=clock.today() + timedelta(days=days))
                receive(outlet.id, lot.id, units, admin)
            db.session.commit()
            outlet_id, product_id = outlet.id, product.id

        def buy(index: int):
            checkout = Checkout(outlet_id=outlet_id, contact_name=f"Người mua {index}",
                                contact_phone="0912345678", contact_email=f"b{index}@example.vn",
                                fulfilment="pickup", payment_method="cash_pickup",
                                pickup_on=clock.today())
            with app.test_request_context():
                try:
                    order = place_order(checkout, {("product", product_id): 1},
                                        new_idempotency_key(), None)
                except ItemOutOfStock as refusal:
                    db.session.rollback()
                    return ("refused", refusal.message)
                db.session.commit()
                return ("placed", order.total_vnd > 0)

        answers = at_once(50, buy)

        assert sorted(answers) == ([("placed", True)] * 10
                                   + [("refused", "Chỉ còn 0 Mật ong bạc hà.")] * 40)
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(Order).where(
                Order.outlet_id == outlet_id)) == 10
            levels = db.session.scalars(select(StockLevel).where(
                StockLevel.outlet_id == outlet_id)).all()
            assert all(level.on_hand - level.reserved >= 0 for level in levels)
            assert sum(level.reserved for level in levels) == 10

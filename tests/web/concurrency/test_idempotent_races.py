"""One checkout form (or API call) submitted twice at the same moment (a double click reaching
two workers), committed for real from two threads: one order, both answers lead to it."""

import pytest
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.catalog.models import Product
from shop.core import clock
from shop.extensions import db
from shop.orders.models import Order
from shop.orders.placing import new_idempotency_key
from shop.outlets.models import Outlet
from shop.outlets.stock import receive
from shop.outlets.stock_models import StockLevel
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.web.concurrency.support import at_once, client_of, rows_removed_after
from tests.web.orders.support import checkout_form

pytestmark = pytest.mark.no_db


def _stocked(app) -> tuple[int, int]:
    with app.app_context():
        product = ProductFactory(name_vi="Mật ong bạc hà")
        outlet = OutletFactory(bank_bin="970436", bank_account="0011001234567",
                               bank_account_name="TRUNG TAM OCOP", accepts_vietqr=True)
        receive(outlet.id, LotFactory(product=product).id, 5, UserFactory(role=Role.ADMIN))
        db.session.commit()
        return outlet.id, product.id


def _orders_and_held(app, outlet_id: int) -> tuple[int, int]:
    with app.app_context():
        orders = db.session.scalar(select(func.count()).select_from(Order).where(
            Order.outlet_id == outlet_id))
        held = db.session.scalar(select(func.sum(StockLevel.reserved)).where(
            StockLevel.outlet_id == outlet_id))
        return orders, held


def test_a_checkout_submitted_twice_at_once_makes_one_order(app):
    with rows_removed_after(app):
        outlet_id, product_id = _stocked(app)
        key = new_idempotency_key()
        clients = [client_of(app) for _ in range(2)]
        for client in clients:
            with client.session_transaction() as session:
                session["cart"] = {"items": {f"product:{product_id}": 2}, "outlet": outlet_id}
        with app.app_context():
            form = checkout_form(key, pickup_on=clock.today().isoformat())

        answers = at_once(2, lambda index: clients[index].post("/checkout", data=form))

        assert [answer.status_code for answer in answers] == [302, 302]
        assert answers[0].headers["Location"] == answers[1].headers["Location"]
        assert _orders_and_held(app, outlet_id) == (1, 2)


def test_an_api_order_sent_twice_at_once_makes_one_order(app):
    with rows_removed_after(app):
        outlet_id, product_id = _stocked(app)
        with app.app_context():
            outlet_slug = db.session.get(Outlet, outlet_id).slug
            product_slug = db.session.get(Product, product_id).slug
            body = {"outlet": outlet_slug, "items": [{"product": product_slug, "quantity": 2}],
                    "fulfilment": {"method": "pickup", "pickup_on": clock.today().isoformat()},
                    "contact": {"name": "Lan", "phone": "0912345678", "email": "lan@example.vn"},
                    "payment_method": "vietqr", "idempotency_key": new_idempotency_key()}
        clients = [client_of(app) for _ in range(2)]

        answers = at_once(2, lambda index: clients[index].post("/api/v1/orders", json=body))

        assert [answer.status_code for answer in answers] == [201, 201]
        assert answers[0].get_json()["number"] == answers[1].get_json()["number"]
        assert _orders_and_held(app, outlet_id) == (1, 2)

"""Orders placed for real at a stocked outlet, and that outlet's signed-in staff."""

from sqlalchemy import select

from shop.core import clock
from shop.extensions import db
from shop.orders.models import Order
from shop.orders.placing import Checkout, new_idempotency_key, place_order
from shop.outlets.stock_models import StockLevel


def place(app, outlet, product, quantity: int = 1, method: str = "vietqr", **changes) -> Order:
    """An order of `quantity` units of `product` at `outlet`, for pickup today."""
    fields = dict(outlet_id=outlet.id, contact_name="Nguyễn Thị Lan",
                  contact_phone="0912345678", contact_email="lan@example.vn",
                  fulfilment="pickup", payment_method=method, pickup_on=clock.today())
    fields.update(changes)
    with app.test_request_context():
        order = place_order(Checkout(**fields), {("product", product.id): quantity},
                            new_idempotency_key(), None)
    db.session.flush()
    return order


def reload(order: Order) -> Order:
    """The order as the database has it now."""
    return db.session.scalar(select(Order).where(Order.id == order.id)
                             .execution_options(populate_existing=True))


def level(outlet, lot) -> StockLevel:
    """The (outlet, lot) stock level read fresh."""
    return db.session.scalar(select(StockLevel).where(
        StockLevel.outlet_id == outlet.id, StockLevel.lot_id == lot.id)
        .execution_options(populate_existing=True))

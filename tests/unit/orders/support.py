"""Orders placed the way checkout places them, for the tests of what follows placing."""

import secrets

from shop.core import clock
from shop.orders.models import Order
from shop.orders.placing import Checkout, place_order
from tests.web.orders.support import stocked_outlet


def placed_order(language: str = "vi", payment_method: str = "vietqr",
                 fulfilment: str = "pickup", quantity: int = 2, email: str = "lan@example.vn"):
    """(order, lot): an order of `quantity` units of one product, placed through checkout's
    service at a freshly stocked outlet."""
    outlet, product, lot, province = stocked_outlet()
    delivery = fulfilment == "delivery"
    checkout = Checkout(
        outlet_id=outlet.id, contact_name="Nguyễn Thị Lan", contact_phone="0912345678",
        contact_email=email, fulfilment=fulfilment, payment_method=payment_method,
        pickup_on=None if delivery else clock.today(),
        street="5 Lý Thường Kiệt" if delivery else "", commune="Phường Cửa Nam" if delivery
        else "", province_id=province.id if delivery else None, language=language)
    order: Order = place_order(checkout, {("product", product.id): quantity},
                               secrets.token_urlsafe(24), None)
    return order, lot

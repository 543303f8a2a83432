"""Orders placed the way checkout places them, for the tests of what follows placing."""

import secrets

from shop.core import clock
from shop.orders.models import Order
from shop.orders.placing import Checkout, place_order
from tests.web.orders.support import stocked_outlet


def order_at(outlet, product, quantity: int = 2, language: str = "vi",
             payment_method: str = "vietqr", province=None, email: str = "lan@example.vn",
             kind: str = "product") -> Order:
    """An order of `quantity` units of `product` (or a combo, by `kind`) at `outlet`, placed
    through checkout's service; delivered to `province` when given, else picked up today."""
    delivery = province is not None
    checkout = Checkout(
        outlet_id=outlet.id, contact_name="Nguyễn Thị Lan", contact_phone="0912345678",
        contact_email=email, fulfilment="delivery" if delivery else "pickup",
        payment_method=payment_method, pickup_on=None if delivery else clock.today(),
        street="5 Lý Thường Kiệt" if delivery else "",
        commune="Phường Cửa Nam" if delivery else "",
        province_id=province.id if delivery else None, language=language)
    return place_order(checkout, {(kind, product.id): quantity}, secrets.token_urlsafe(24),
                       None)


def placed_order(language: str = "vi", payment_method: str = "vietqr",
                 fulfilment: str = "pickup", quantity: int = 2, email: str = "lan@example.vn"):
    """(order, lot): an order of one product at a freshly stocked outlet."""
    outlet, product, lot, province = stocked_outlet()
    order = order_at(outlet, product, quantity, language, payment_method,
                     province if fulfilment == "delivery" else None, email)
    return order, lot

"""An outlet taking transfers and cash, stocked with one product's lot, for the orders' tests."""

from datetime import timedelta

from shop.accounts.models import Role
from shop.core import clock
from shop.outlets.models import DeliveryFee
from shop.outlets.stock import receive
from tests.factories import LotFactory, OutletFactory, ProductFactory, ProvinceFactory, UserFactory


def stocked_outlet(units: int = 10, price: int = 120_000):
    """(outlet, product, lot): `units` of the product in one lot at an outlet that takes
    VietQR, cash at pickup and cash on delivery (to one province, 30 000 đ)."""
    province = ProvinceFactory()
    outlet = OutletFactory(bank_bin="970436", bank_account="0011001234567",
                           bank_account_name="TRUNG TAM OCOP", accepts_vietqr=True,
                           offers_delivery=True, accepts_cod=True,
                           delivery_fees=[DeliveryFee(province=province, fee_vnd=30_000)])
    product = ProductFactory(price_vnd=price, name_vi="Chè Shan tuyết")
    lot = LotFactory(product=product, expires_on=clock.today() + timedelta(days=60))
    receive(outlet.id, lot.id, units, UserFactory(role=Role.ADMIN))
    return outlet, product, lot, province


def checkout_form(key: str, **changes) -> dict:
    """A valid pickup-by-transfer checkout, with `changes`."""
    form = {"key": key, "contact_name": "Nguyễn Thị Lan", "contact_phone": "0912 345 678",
            "contact_email": "lan@example.vn", "fulfilment": "pickup",
            "pickup_on": clock.today().isoformat(), "payment_method": "vietqr"}
    form.update(changes)
    return form

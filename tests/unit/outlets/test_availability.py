"""Bands for shoppers, sellable units per product, and outlets with stock, in one query."""

from datetime import timedelta

import pytest

from shop.outlets.availability import (
    Band,
    availability_by_product,
    band,
    product_outlets,
    sellable,
)
from shop.outlets.models import OutletStatus
from shop.outlets.stock import receive
from tests.factories import LotFactory, OutletFactory, ProductFactory, UserFactory
from tests.unit.outlets.conftest import TODAY

pytestmark = pytest.mark.usefixtures("frozen", "english")


@pytest.mark.parametrize(("units", "expected"), [
    (0, Band.OUT_OF_STOCK), (-1, Band.OUT_OF_STOCK), (1, Band.FEW_LEFT), (5, Band.FEW_LEFT),
    (6, Band.IN_STOCK), (500, Band.IN_STOCK)])
def test_bands(units, expected):
    assert band(units) == expected


def stock(outlet, product, units, **lot):
    receive(outlet.id, LotFactory(product=product, **lot).id, units, UserFactory(outlet=outlet))


def test_sellable_sums_a_products_lots_and_says_zero_for_the_rest(session, outlet, product):
    stock(outlet, product, 4)
    stock(outlet, product, 3)
    absent = ProductFactory()
    assert sellable(outlet.id, [product.id, absent.id]) == {product.id: 7, absent.id: 0}


def test_availability_counts_open_outlets_with_stock_in_one_query(session, count_queries):
    products = [ProductFactory() for _ in range(3)]
    open_ones = [OutletFactory() for _ in range(3)]
    paused = OutletFactory(status=OutletStatus.PAUSED)
    for outlet in open_ones:
        stock(outlet, products[0], 2)
    stock(open_ones[0], products[1], 1)
    stock(paused, products[1], 9)
    expired = LotFactory(product=products[2], produced_on=TODAY - timedelta(days=90),
                         expires_on=TODAY)
    receive(open_ones[1].id, expired.id, 4, UserFactory(outlet=open_ones[1]))
    expired.expires_on = TODAY - timedelta(days=1)
    session.flush()

    with count_queries() as queries:
        counts = availability_by_product([p.id for p in products])
    assert counts == {products[0].id: 3, products[1].id: 1, products[2].id: 0}
    assert len(queries) == 1


def test_where_to_buy_lists_open_outlets_with_their_band(session, product):
    plenty, few = OutletFactory(), OutletFactory()
    OutletFactory()  # holding nothing
    stock(plenty, product, 20)
    stock(few, product, 2)
    OutletFactory(status=OutletStatus.CLOSED)
    offers = {offer.outlet.id: offer.band for offer in product_outlets(product.id)}
    assert offers == {plenty.id: Band.IN_STOCK, few.id: Band.FEW_LEFT}

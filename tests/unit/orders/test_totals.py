"""Order totals in integer đồng: lines, combos as one unit, the delivery fee and its threshold."""

import pytest

from shop.core.errors import InvalidInput
from shop.orders.totals import MAX_QUANTITY, DeliveryRule, PricedLine, totals

pytestmark = pytest.mark.usefixtures("english")

COFFEE = PricedLine("product:ca-phe-robusta", 185_000, 2)
HONEY = PricedLine("product:mat-ong-ban-me", 120_000, 1)
# A Tết combo at 650.000 ₫ whose products cost 742.000 ₫ one by one.
TET_COMBO = PricedLine("combo:qua-tet-tay-nguyen", 650_000, 3, parts_price=742_000)


def test_lines_add_up_and_pickup_costs_nothing_more():
    result = totals([COFFEE, HONEY])
    assert [(line.key, line.amount) for line in result.lines] == [
        ("product:ca-phe-robusta", 370_000), ("product:mat-ong-ban-me", 120_000)]
    assert (result.subtotal, result.delivery_fee, result.total) == (490_000, 0, 490_000)
    assert not result.delivery_waived


def test_a_combo_is_charged_at_its_own_price_and_shows_what_it_saves():
    result = totals([TET_COMBO, HONEY])
    assert result.lines[0].amount == 1_950_000
    assert result.lines[0].saving == result.saving == 3 * 92_000
    assert result.total == 2_070_000


def test_a_combo_dearer_than_its_parts_saves_nothing():
    assert totals([PricedLine("combo:hop-qua", 500_000, 1, parts_price=450_000)]).saving == 0


@pytest.mark.parametrize(("lines", "fee", "waived"), [
    ([HONEY], 30_000, False),                                     # 120.000 < 500.000
    ([PricedLine("product:x", 499_999, 1)], 30_000, False),       # one đồng short
    ([PricedLine("product:x", 500_000, 1)], 0, True),             # the threshold itself is free
    ([PricedLine("product:x", 250_000, 2)], 0, True),
])
def test_the_delivery_fee_is_waived_from_the_threshold(lines, fee, waived):
    result = totals(lines, DeliveryRule(fee=30_000, free_from=500_000))
    assert (result.delivery_fee, result.delivery_waived) == (fee, waived)
    assert result.total == result.subtotal + fee


def test_without_a_threshold_delivery_always_costs_the_fee():
    result = totals([TET_COMBO], DeliveryRule(fee=45_000))
    assert (result.delivery_fee, result.total) == (45_000, 1_995_000)


def test_a_free_province_is_not_called_waived():
    result = totals([HONEY], DeliveryRule(fee=0, free_from=300_000))
    assert (result.delivery_fee, result.delivery_waived) == (0, False)


def test_totals_stay_integers():
    result = totals([COFFEE, TET_COMBO], DeliveryRule(fee=25_000))
    values = [result.subtotal, result.delivery_fee, result.total, result.saving,
              *(line.amount for line in result.lines)]
    assert all(type(value) is int for value in values)


@pytest.mark.parametrize(("lines", "delivery", "field"), [
    ([], None, "items"),
    ([PricedLine("product:x", 185_000.0, 1)], None, "price"),
    ([PricedLine("product:x", -1, 1)], None, "price"),
    ([PricedLine("product:x", True, 1)], None, "price"),
    ([PricedLine("product:x", 1000, 0)], None, "quantity"),
    ([PricedLine("product:x", 1000, -2)], None, "quantity"),
    ([PricedLine("product:x", 1000, 1.5)], None, "quantity"),
    ([PricedLine("product:x", 1000, MAX_QUANTITY + 1)], None, "quantity"),
    ([PricedLine("combo:x", 1000, 1, parts_price=1200.5)], None, "price"),
    ([HONEY], DeliveryRule(fee=-30_000), "delivery_fee"),
    ([HONEY], DeliveryRule(fee=30_000, free_from=500_000.0), "delivery_fee"),
    ([PricedLine("product:x", 2_000_000_000, 1)], DeliveryRule(fee=200_000_000), "items"),
])
def test_bad_numbers_are_refused_naming_the_field(lines, delivery, field):
    with pytest.raises(InvalidInput) as refused:
        totals(lines, delivery)
    assert refused.value.field == field


def test_the_largest_order_a_column_holds_is_accepted():
    assert totals([PricedLine("product:x", 2_147_483_647, 1)]).total == 2_147_483_647
    assert totals([PricedLine("product:x", 1000, MAX_QUANTITY)]).total == 999_000

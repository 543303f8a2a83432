"""The one rule of what combos are for sale, availability as the scarcest component allows,
and the stock lines an order of combos takes."""

import pytest

from shop.combos.models import ComboStatus
from shop.combos.selling import (
    combo_availability,
    combo_availability_at,
    combo_lines,
    combo_offers,
    for_sale_combo_ids,
    is_for_sale,
)
from shop.core.errors import InvalidInput, NotFound
from shop.extensions import db
from shop.outlets.availability import Band
from shop.outlets.models import OutletStatus
from tests.factories import ComboFactory, OutletFactory, ProductFactory
from tests.unit.combos.conftest import live_certificate, revoke, stock


def test_availability_is_the_minimum_over_components_of_units_over_quantity(
        session, outlet, tea, honey):
    combo = ComboFactory(parts=[(tea, 2), (honey, 3)], sold_at=[outlet])
    stock(outlet, tea, 9)  # enough tea for 4 combos
    stock(outlet, honey, 10)  # enough honey for 3
    assert combo_availability(combo.id, outlet.id) == 3


def test_a_component_out_of_stock_makes_none_available(session, outlet, tea, honey):
    combo = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[outlet])
    stock(outlet, tea, 50)
    assert combo_availability(combo.id, outlet.id) == 0


def test_stock_below_one_combos_quantity_makes_none(session, outlet, tea, honey):
    combo = ComboFactory(parts=[(tea, 4), (honey, 1)], sold_at=[outlet])
    stock(outlet, tea, 3)
    stock(outlet, honey, 3)
    assert combo_availability(combo.id, outlet.id) == 0


def test_an_outlet_that_does_not_sell_the_combo_has_none(session, outlet, tea, honey):
    combo = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[outlet])
    elsewhere = OutletFactory()
    stock(elsewhere, tea, 10)
    stock(elsewhere, honey, 10)
    assert combo_availability(combo.id, elsewhere.id) == 0


def test_many_outlets_at_once_and_where_to_buy_in_bands(session, tea, honey):
    plenty, few, none, paused = (OutletFactory() for _ in range(4))
    paused.status = OutletStatus.PAUSED
    combo = ComboFactory(parts=[(tea, 1), (honey, 2)], sold_at=[plenty, few, none, paused])
    for outlet, units in ((plenty, 40), (few, 8), (paused, 40)):
        stock(outlet, tea, units)
        stock(outlet, honey, units)
    session.flush()
    assert combo_availability_at(combo.id) == {plenty.id: 20, few.id: 4, none.id: 0}
    assert combo_availability_at(combo.id, [few.id]) == {few.id: 4}
    offers = combo_offers(combo.id)
    assert {(offer.outlet.id, offer.band) for offer in offers} == {
        (plenty.id, Band.IN_STOCK), (few.id, Band.FEW_LEFT)}


def test_a_revoked_component_takes_the_combo_off_sale_at_once(session, outlet, tea, honey):
    combo = ComboFactory(parts=[(tea, 1), (honey, 1)], sold_at=[outlet])
    stock(outlet, tea, 10)
    stock(outlet, honey, 10)
    assert is_for_sale(combo.id) and combo_availability(combo.id, outlet.id) == 10

    revoke(honey)

    assert not is_for_sale(combo.id)
    assert combo.id not in db.session.scalars(for_sale_combo_ids()).all()
    assert combo_availability(combo.id, outlet.id) == 0
    assert combo_offers(combo.id) == []
    with pytest.raises(NotFound):
        combo_lines(combo.id, 1)


def test_a_lapsed_certificate_takes_it_off_sale_the_day_after_expiry(session, tea, honey):
    combo = ComboFactory(parts=[(tea, 1), (honey, 1)])
    expiry = live_certificate(honey).expires_on
    assert is_for_sale(combo.id, today=expiry)
    assert not is_for_sale(combo.id, today=expiry.fromordinal(expiry.toordinal() + 1))


def test_a_draft_is_not_for_sale(session, tea, honey):
    combo = ComboFactory(parts=[(tea, 1), (honey, 1)], status=ComboStatus.DRAFT)
    assert not is_for_sale(combo.id)


def test_combo_lines_multiply_each_component_by_the_quantity(session, tea, honey):
    combo = ComboFactory(parts=[(tea, 2), (honey, 1)])
    assert combo_lines(combo.id, 3) == sorted([(tea.id, 6), (honey.id, 3)])


@pytest.mark.parametrize("quantity", [0, -1])
def test_combo_lines_refuse_a_quantity_below_one(session, quantity):
    combo = ComboFactory()
    with pytest.raises(InvalidInput) as error:
        combo_lines(combo.id, quantity)
    assert error.value.field == "quantity"


def test_an_uncertified_product_anywhere_keeps_the_combo_off_sale(session):
    combo = ComboFactory(parts=[(ProductFactory(), 1), (ProductFactory(certificate=None), 1)])
    assert not is_for_sale(combo.id)

"""Taking stock first expiry first out; holds that lapse free their units without any job."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from shop.core.errors import InvalidInput, InvalidState
from shop.ocop.models import Certificate
from shop.outlets.availability import sellable
from shop.outlets.ledger import OutOfStock
from shop.outlets.reservations import (
    Taken,
    release,
    release_expired_holds,
    sell_hold,
    take_fefo,
)
from shop.outlets.stock import receive
from shop.outlets.stock_models import MoveReason, StockLevel, StockMove
from tests.factories import (
    CertificateFactory,
    LotFactory,
    OutletFactory,
    ProductFactory,
    UserFactory,
)
from tests.unit.outlets.conftest import TODAY, lot_expiring_in

pytestmark = pytest.mark.usefixtures("frozen", "english")
NOW = datetime(2026, 3, 16, 3, tzinfo=UTC)  # 10:00 in Vietnam


@pytest.fixture
def three_lots(outlet, staff, product):
    """Lots expiring in 200, 20 and 90 days, 4 units of each at the outlet."""
    lots = [lot_expiring_in(product, days) for days in (200, 20, 90)]
    for lot in lots:
        receive(outlet.id, lot.id, 4, staff)
    return lots


def level_of(session, outlet, lot) -> StockLevel:
    return session.scalar(select(StockLevel).where(StockLevel.outlet_id == outlet.id,
                                                   StockLevel.lot_id == lot.id))


def test_the_first_to_expire_goes_first(session, outlet, product, three_lots):
    later, first, middle = three_lots
    taken = take_fefo(outlet.id, product.id, 6, None)
    assert [(t.lot_id, t.quantity) for t in taken] == [(first.id, 4), (middle.id, 2)]
    assert all(t.hold_id for t in taken)
    assert sellable(outlet.id, [product.id]) == {product.id: 6}
    assert level_of(session, outlet, middle).reserved == 2


def test_a_sale_takes_units_off_the_shelf(session, outlet, product, three_lots):
    staff = UserFactory(outlet=outlet)
    [taken] = take_fefo(outlet.id, product.id, 3, staff, reason=MoveReason.SOLD)
    assert taken == Taken(three_lots[1].id, 3, None)
    assert level_of(session, outlet, three_lots[1]).on_hand == 1


def test_asking_for_more_than_is_left_says_how_many_and_takes_nothing(session, outlet, product,
                                                                      three_lots):
    with pytest.raises(OutOfStock) as refused:
        take_fefo(outlet.id, product.id, 13, None)
    assert refused.value.message == "Only 12 left."
    assert (refused.value.available, refused.value.field, refused.value.status) == (12, "quantity",
                                                                                    409)
    assert session.scalars(select(StockMove.reason).distinct()).all() == [MoveReason.RECEIVED]


def test_expired_and_recalled_lots_and_other_outlets_are_never_taken(session, outlet, staff,
                                                                      product, frozen):
    soon = lot_expiring_in(product, 1)
    recalled = lot_expiring_in(product, 10)
    receive(outlet.id, soon.id, 5, staff)
    receive(outlet.id, recalled.id, 5, staff)
    recalled.recalled_at = NOW
    elsewhere = OutletFactory()
    receive(elsewhere.id, lot_expiring_in(product, 50).id, 5, UserFactory(outlet=elsewhere))
    frozen.move_to("2026-03-18T10:00:00+07:00")  # `soon` expired yesterday

    with pytest.raises(OutOfStock, match="Only 0 left"):
        take_fefo(outlet.id, product.id, 1, None)


def test_a_product_whose_certificate_lapsed_is_not_sold(session, outlet, staff, product,
                                                        three_lots):
    certificate = session.scalar(select(Certificate).where(Certificate.product_id == product.id))
    certificate.revoked_on = TODAY
    certificate.revocation_number = "3/QĐ"
    certificate.revocation_reason = "Không đạt khi đánh giá lại"
    with pytest.raises(InvalidState) as refused:
        take_fefo(outlet.id, product.id, 1, None)
    assert refused.value.field == "product_id"
    assert sellable(outlet.id, [product.id]) == {product.id: 0}


@pytest.mark.parametrize("quantity", [0, -1])
def test_a_quantity_must_be_one_or_more(session, outlet, product, three_lots, quantity):
    with pytest.raises(InvalidInput):
        take_fefo(outlet.id, product.id, quantity, None)


def test_a_lapsed_hold_is_free_at_once_and_released_by_the_next_take(session, outlet, product,
                                                                     three_lots, frozen):
    first = three_lots[1]
    [hold] = take_fefo(outlet.id, product.id, 4, None, hold_until=NOW + timedelta(hours=1))
    assert sellable(outlet.id, [product.id]) == {product.id: 8}

    frozen.move_to("2026-03-16T11:00:00+07:00")
    assert sellable(outlet.id, [product.id]) == {product.id: 12}  # no job has run
    [again] = take_fefo(outlet.id, product.id, 4, None)

    assert again.lot_id == first.id
    released = session.scalar(select(StockMove).where(StockMove.hold_id == hold.hold_id,
                                                      StockMove.reason == MoveReason.RELEASED))
    assert (released.quantity, released.actor_id) == (-4, None)
    assert level_of(session, outlet, first).reserved == 4


def test_a_hold_without_a_time_lasts_until_released(session, outlet, product, three_lots, frozen):
    [hold] = take_fefo(outlet.id, product.id, 2, None)
    frozen.move_to("2027-01-01T10:00:00+07:00")
    assert release_expired_holds() == 0
    assert release(hold.hold_id, None).quantity == 2
    with pytest.raises(InvalidState):
        release(hold.hold_id, None)


def test_the_job_releases_lapsed_holds(session, outlet, product, three_lots):
    take_fefo(outlet.id, product.id, 5, None, hold_until=NOW - timedelta(minutes=1))
    assert release_expired_holds() == 2
    assert sum(level_of(session, outlet, lot).reserved for lot in three_lots) == 0


def test_selling_a_hold_takes_it_off_the_shelf_once(session, outlet, product, three_lots):
    staff = UserFactory(outlet=outlet)
    [hold] = take_fefo(outlet.id, product.id, 3, None, order_line_id=77)
    sold = sell_hold(hold.hold_id, staff)

    level = level_of(session, outlet, three_lots[1])
    assert (sold.quantity, level.on_hand, level.reserved) == (3, 1, 0)
    sale = session.scalar(select(StockMove).where(StockMove.reason == MoveReason.SOLD))
    assert (sale.quantity, sale.order_line_id, sale.actor_id) == (-3, 77, staff.id)
    with pytest.raises(InvalidState):
        sell_hold(hold.hold_id, staff)


def test_a_certificate_in_its_last_90_days_still_sells(session, outlet, staff):
    product = ProductFactory(certificate=None)
    CertificateFactory(product=product, expires_on=TODAY + timedelta(days=10))
    receive(outlet.id, LotFactory(product=product).id, 2, staff)
    assert len(take_fefo(outlet.id, product.id, 2, None)) == 1

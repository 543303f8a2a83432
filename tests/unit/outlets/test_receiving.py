"""Receiving a delivery: the product's own lots, listed, not recalled or expired, within size."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from shop.accounts.models import Role
from shop.core.errors import Forbidden, InvalidInput
from shop.outlets.stock import receive
from shop.outlets.stock_models import MoveReason, StockMove
from tests.factories import (
    CertificateFactory,
    LotFactory,
    OutletFactory,
    ProductFactory,
    UserFactory,
)
from tests.unit.outlets.conftest import TODAY

pytestmark = pytest.mark.usefixtures("frozen", "english")


def moves(session, lot):
    return list(session.scalars(select(StockMove).where(StockMove.lot_id == lot.id)
                                .order_by(StockMove.id)))


def test_staff_receive_a_lot_and_the_ledger_says_who(session, outlet, staff, product, lot):
    level = receive(outlet.id, lot.id, 24, staff, product_id=product.id, note="Phiếu nhập 17")

    assert (level.on_hand, level.reserved, level.held) == (24, 0, 0)
    [move] = moves(session, lot)
    assert (move.reason, move.quantity, move.actor_id, move.note) == (
        MoveReason.RECEIVED, 24, staff.id, "Phiếu nhập 17")


def test_two_deliveries_of_one_lot_add_up(session, outlet, staff, lot):
    receive(outlet.id, lot.id, 10, staff)
    assert receive(outlet.id, lot.id, 15, staff).on_hand == 25


def test_only_the_products_own_lots(session, outlet, staff, product):
    other = LotFactory()
    with pytest.raises(InvalidInput, match="this product's lots") as refused:
        receive(outlet.id, other.id, 5, staff, product_id=product.id)
    assert refused.value.field == "lot_id"


def test_a_recalled_lot_is_refused(session, outlet, staff, product):
    recalled = LotFactory(product=product, code="R-1", recalled_at=datetime(2026, 3, 1, tzinfo=UTC))
    with pytest.raises(InvalidInput, match="R-1 has been recalled") as refused:
        receive(outlet.id, recalled.id, 5, staff)
    assert refused.value.field == "lot_id"


def test_a_lot_past_its_expiry_is_refused_but_on_its_last_day_received(session, outlet, staff,
                                                                      product):
    expired = LotFactory(product=product, produced_on=TODAY - timedelta(days=200),
                         expires_on=TODAY - timedelta(days=1))
    last_day = LotFactory(product=product, produced_on=TODAY - timedelta(days=200),
                          expires_on=TODAY)
    with pytest.raises(InvalidInput, match="expired on 15/03/2026") as refused:
        receive(outlet.id, expired.id, 5, staff)
    assert refused.value.field == "lot_id"
    assert receive(outlet.id, last_day.id, 5, staff).on_hand == 5


def test_a_product_no_longer_listed_is_not_received(session, outlet, staff):
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked_on=TODAY - timedelta(days=2),
                       revocation_number="7/QĐ", revocation_reason="Vi phạm ATTP")
    with pytest.raises(InvalidInput, match="not current") as refused:
        receive(outlet.id, LotFactory(product=revoked).id, 5, staff)
    assert refused.value.field == "product_id"


def test_all_outlets_together_never_receive_more_than_the_lot_holds(session, product):
    lot = LotFactory(product=product, code="L-100", quantity=100)
    first, second = OutletFactory(), OutletFactory()
    receive(first.id, lot.id, 60, UserFactory(outlet=first))
    other_staff = UserFactory(outlet=second)

    with pytest.raises(InvalidInput) as refused:
        receive(second.id, lot.id, 41, other_staff)
    assert refused.value.field == "quantity"
    assert refused.value.message == ("Lot L-100 holds 100 units and outlets have received 60 "
                                     "of them, so at most 40 more can be received.")
    assert receive(second.id, lot.id, 40, other_staff).on_hand == 40


@pytest.mark.parametrize("quantity", [0, -3, None])
def test_a_quantity_must_be_one_or_more(session, outlet, staff, lot, quantity):
    with pytest.raises(InvalidInput) as refused:
        receive(outlet.id, lot.id, quantity, staff)
    assert refused.value.field == "quantity"


def test_an_unknown_lot_names_the_lot_field(session, outlet, staff):
    with pytest.raises(InvalidInput) as refused:
        receive(outlet.id, 987_654, 5, staff)
    assert refused.value.field == "lot_id"


def test_a_note_hiding_its_direction_is_refused(session, outlet, staff, lot):
    with pytest.raises(InvalidInput) as refused:
        receive(outlet.id, lot.id, 5, staff, note="abc\u202edef")
    assert refused.value.field == "note"


@pytest.mark.parametrize("who", ["other outlet's staff", "customer", "officer"])
def test_only_the_outlets_staff_and_admins_receive(session, outlet, lot, who):
    actor = {"other outlet's staff": lambda: UserFactory(outlet=OutletFactory()),
             "customer": lambda: UserFactory(role=Role.CUSTOMER),
             "officer": lambda: UserFactory(role=Role.OFFICER)}[who]()
    with pytest.raises(Forbidden):
        receive(outlet.id, lot.id, 5, actor)
    assert moves(session, lot) == []
    assert receive(outlet.id, lot.id, 5, UserFactory(role=Role.ADMIN)).on_hand == 5

"""Recalling a lot: with a reason, once, by its producer or an officer."""

import pytest

from shop.accounts.models import Role
from shop.core.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.trace.lots import get_lot, recall_lot
from tests.factories import LotFactory, ProducerFactory, UserFactory

pytestmark = pytest.mark.usefixtures("frozen", "english")


@pytest.fixture
def lot(product):
    return LotFactory(product=product)


def test_a_member_recalls_a_lot_with_a_reason(session, lot, member):
    recalled = recall_lot(lot.id, "  Phát hiện dư lượng thuốc trừ sâu  ", member)
    assert recalled.recalled
    assert recalled.recall_reason == "Phát hiện dư lượng thuốc trừ sâu"
    assert recalled.recalled_by_id == member.id
    assert recalled.recalled_at is not None


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_recall_needs_a_reason(session, lot, member, reason):
    with pytest.raises(InvalidInput) as refused:
        recall_lot(lot.id, reason, member)
    assert refused.value.field == "reason"
    assert not lot.recalled


def test_recalling_twice_is_an_invalid_state_and_keeps_the_first_reason(session, lot, member):
    recall_lot(lot.id, "Bao bì hở", member)
    with pytest.raises(InvalidState):
        recall_lot(lot.id, "Lý do khác", member)
    assert lot.recall_reason == "Bao bì hở"


def test_an_officer_may_recall_any_producers_lot(session, lot, officer):
    assert recall_lot(lot.id, "Quyết định của Chi cục QLCL", officer).recalled_by_id == officer.id
    assert get_lot(lot.id, officer) is lot


@pytest.mark.parametrize("role", [Role.PRODUCER, Role.CUSTOMER, Role.OUTLET_STAFF])
def test_nobody_else_may_see_or_recall_the_lot(session, lot, role):
    outsider = UserFactory(role=role, producer=ProducerFactory() if role is Role.PRODUCER
                           else None)
    with pytest.raises(Forbidden):
        recall_lot(lot.id, "Không phải của tôi", outsider)
    with pytest.raises(Forbidden):
        get_lot(lot.id, outsider)
    assert not lot.recalled


def test_an_unknown_lot_is_not_found(session, member):
    with pytest.raises(NotFound):
        recall_lot(987_654, "Lý do", member)

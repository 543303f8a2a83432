"""Recording a production lot: who may, its fields, its dates and the zones it draws on."""

from datetime import date, timedelta

import pytest

from shop.accounts.models import Role
from shop.core.gs1 import SERIAL_ALPHABET
from shop.trace.lots import HarvestInput, LotData, create_lot
from shop.trace.models import CropCycle, Standard, ZoneStatus
from shop.trace.zones import ZoneInput, create_zone
from tests.factories import ProducerFactory, ProductFactory, UserFactory, ZoneFactory
from tests.unit.trace.lots_support import HARVESTED, PRODUCED, TODAY, lot_data, refusal, take

pytestmark = pytest.mark.usefixtures("frozen", "english")


# --- a lot as recorded --------------------------------------------------------------------------

def test_a_lot_is_recorded_with_its_inputs_and_a_random_token(session, product, zone, member):
    lot = create_lot(lot_data(product, take(zone, 600), code="  L2603-01 ", unit=" hộp "),
                     member)
    assert lot.id is not None
    assert (lot.product_id, lot.code, lot.unit, lot.quantity) == (
        product.id, "L2603-01", "hộp", 1_000)
    assert (lot.produced_on, lot.expires_on, lot.created_by_id) == (
        PRODUCED, date(2027, 3, 10), member.id)
    assert not lot.recalled
    assert [(i.zone_id, i.harvested_on, i.quantity_kg) for i in lot.inputs] == [
        (zone.id, HARVESTED, 600)]
    assert len(lot.token) == 10 and set(lot.token) <= set(SERIAL_ALPHABET.lower())
    other = create_lot(lot_data(product, take(zone, 1), code="L2603-02"), member)
    assert other.token != lot.token


def test_an_admin_may_record_a_lot_for_any_producer(session, product, zone):
    admin = UserFactory(role=Role.ADMIN)
    assert create_lot(lot_data(product, take(zone, 1)), admin).created_by_id == admin.id


def test_a_zone_registered_in_the_same_transaction_supplies_a_lot_at_once(
        session, producer, product, member):
    zone = create_zone(producer.id, ZoneInput(
        code="VN-68-672-24835-07-25", name="Vườn mới", crop="Chè", cycle=CropCycle.PERENNIAL,
        area_ha=2, commune="Xã Lộc Châu", province_id=producer.province_id,
        expected_yield_kg=5_000), actor=member)
    lot = create_lot(lot_data(product, take(zone, 5_000)), member)
    assert lot.inputs[0].zone_id == zone.id


# --- zone rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "word"), [(ZoneStatus.SUSPENDED, "suspended"),
                                              (ZoneStatus.CANCELLED, "cancelled")])
def test_a_suspended_or_cancelled_zone_cannot_supply(session, product, zone, member,
                                                     status, word):
    broken = ZoneFactory(producer=zone.producer, code="VN-68-672-24835-02-24", status=status)
    refused = refusal(lot_data(product, take(zone, 10), take(broken, 10)), member)
    assert refused.field == "inputs-1-zone_id"
    assert refused.message == f"Zone VN-68-672-24835-02-24 is {word} and cannot supply a lot."


def test_a_zone_whose_standard_expired_the_day_before_the_harvest_is_refused(
        session, product, zone, member):
    zone.standard_expires_on = HARVESTED - timedelta(days=1)
    refused = refusal(lot_data(product, take(zone, 10)), member)
    assert refused.field == "inputs-0-harvested_on"
    assert refused.message == (
        f"Zone VN-68-672-24835-01-24's certificate {zone.standard_certificate} expired on "
        "28/02/2026, before this harvest.")


def test_a_standard_expiring_on_the_harvest_day_still_covers_it(session, product, zone, member):
    zone.standard_expires_on = HARVESTED
    assert create_lot(lot_data(product, take(zone, 10)), member).id is not None


def test_a_zone_under_no_standard_is_never_refused_for_a_certificate(
        session, product, member, producer):
    plain = ZoneFactory(producer=producer, standard=Standard.NONE, standard_certificate="",
                        standard_expires_on=None)
    stale = ZoneFactory(producer=producer, standard=Standard.NONE, standard_certificate="",
                        standard_expires_on=date(2020, 1, 1))
    assert create_lot(lot_data(product, take(plain, 10), take(stale, 10)), member).id


def test_another_producers_zone_or_an_unknown_zone_is_refused(session, product, zone, member):
    foreign = ZoneFactory()
    refused = refusal(lot_data(product, take(zone, 10), take(foreign, 10)), member)
    assert (refused.field, refused.message) == ("inputs-1-zone_id", "Choose one of your own zones.")
    unknown = HarvestInput(zone_id=987_654, harvested_on=HARVESTED, quantity_kg=10)
    assert refusal(lot_data(product, unknown), member).field == "inputs-0-zone_id"


@pytest.mark.parametrize("kilograms", [0, -1])
def test_an_input_needs_some_kilograms(session, product, zone, member, kilograms):
    assert refusal(lot_data(product, take(zone, kilograms)), member).field == (
        "inputs-0-quantity_kg")


def test_a_lot_needs_at_least_one_input(session, product, member):
    refused = refusal(lot_data(product), member)
    assert refused.field == "inputs-0-zone_id"
    assert refused.message == "Add at least one raw-material zone the lot was made from."


# --- dates --------------------------------------------------------------------------------------

def test_a_harvest_after_production_is_refused_on_production_day_accepted(
        session, product, zone, member):
    refused = refusal(lot_data(product, take(zone, 10, PRODUCED + timedelta(days=1))), member)
    assert refused.field == "inputs-0-harvested_on"
    assert refused.message == "The harvest cannot be after the production date."
    assert create_lot(lot_data(product, take(zone, 10, PRODUCED)), member).id is not None


def test_production_tomorrow_is_refused_today_accepted(session, product, zone, member):
    tomorrow = TODAY + timedelta(days=1)
    refused = refusal(lot_data(product, take(zone, 10), produced_on=tomorrow,
                               expires_on=tomorrow), member)
    assert refused.field == "produced_on"
    assert create_lot(lot_data(product, take(zone, 10), produced_on=TODAY), member).id


def test_today_is_the_date_in_vietnam(session, product, zone, member, time_machine):
    # 23:30 UTC on 15 March is already 16 March in Hà Nội.
    time_machine.move_to("2026-03-15T23:30:00+00:00", tick=False)
    assert create_lot(lot_data(product, take(zone, 10), produced_on=TODAY), member).id


def test_an_expiry_before_production_is_refused_the_same_day_accepted(
        session, product, zone, member):
    refused = refusal(lot_data(product, take(zone, 10),
                               expires_on=PRODUCED - timedelta(days=1)), member)
    assert refused.field == "expires_on"
    assert create_lot(lot_data(product, take(zone, 10), expires_on=PRODUCED), member).id


# --- lot code, quantity, unit -------------------------------------------------------------------

def test_a_lot_code_of_twenty_characters_is_accepted_twenty_one_refused(
        session, product, zone, member):
    assert create_lot(lot_data(product, take(zone, 1), code="L" * 20), member).code == "L" * 20
    refused = refusal(lot_data(product, take(zone, 1), code="L" * 21), member)
    assert refused.field == "code"
    assert refused.message == "The lot number has 21 characters; at most 20 are allowed."


@pytest.mark.parametrize("code", ["LÔ-01", "L 01", "L#01", "", "   "])
def test_a_lot_code_outside_gs1_set_82_is_refused(session, product, zone, member, code):
    assert refusal(lot_data(product, take(zone, 1), code=code), member).field == "code"


def test_a_lot_code_is_unique_per_product_not_across_products(
        session, producer, product, zone, member):
    create_lot(lot_data(product, take(zone, 1), code="L1"), member)
    refused = refusal(lot_data(product, take(zone, 1), code=" L1 "), member)
    assert (refused.field, refused.message) == ("code", "This product already has a lot L1.")
    sibling = ProductFactory(producer=producer)
    assert create_lot(lot_data(sibling, take(zone, 1), code="L1"), member).code == "L1"


@pytest.mark.parametrize(("changes", "field"), [
    ({"quantity": 0}, "quantity"),
    ({"quantity": 1_000_001}, "quantity"),
    ({"unit": "  "}, "unit"),
])
def test_quantity_and_unit_are_checked(session, product, zone, member, changes, field):
    assert refusal(lot_data(product, take(zone, 1), **changes), member).field == field


def test_the_quantity_limits_are_accepted(session, product, zone, member):
    assert create_lot(lot_data(product, take(zone, 1), quantity=1), member).quantity == 1
    assert create_lot(lot_data(product, take(zone, 1), code="L2", quantity=1_000_000),
                      member).quantity == 1_000_000


def test_the_quantity_limit_is_written_with_its_thousands(session, product, zone, member):
    assert refusal(lot_data(product, take(zone, 1), quantity=0), member).message == (
        "A lot holds 1 to 1,000,000 units.")


# --- who may record ------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.PRODUCER, Role.CUSTOMER, Role.OFFICER])
def test_only_the_products_own_producer_may_record_its_lots(session, product, zone, role):
    outsider = UserFactory(role=role, producer=ProducerFactory() if role is Role.PRODUCER
                           else None)
    refused = refusal(lot_data(product, take(zone, 1)), outsider)
    assert (refused.field, refused.message) == ("product_id", "Choose one of your products.")


def test_an_unknown_product_is_refused(session, zone, member):
    refused = refusal(LotData(product_id=987_654, code="L1", produced_on=PRODUCED,
                              expires_on=PRODUCED, quantity=1, unit="hộp",
                              inputs=(take(zone, 1),)), member)
    assert refused.field == "product_id"

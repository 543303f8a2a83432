"""Production lots: who may record them, their fields, zone inputs, mass balance, recalls."""

import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from flask_babel import refresh
from sqlalchemy import delete, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import scoped_session, sessionmaker

from shop.accounts.models import Role, User
from shop.catalog.models import Product
from shop.errors import Forbidden, InvalidInput, InvalidState, NotFound
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.places.models import Province
from shop.producers.models import Producer
from shop.trace.gs1 import SERIAL_ALPHABET
from shop.trace.lots import (
    HarvestInput,
    LotData,
    create_lot,
    get_lot,
    recall_lot,
    season_label,
)
from shop.trace.models import CropCycle, Lot, LotInput, Standard, Zone, ZoneStatus
from shop.trace.zones import ZoneInput, create_zone
from tests.factories import (
    LotFactory,
    LotInputFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
    ZoneFactory,
)

TODAY = date(2026, 3, 16)
PRODUCED = date(2026, 3, 10)
HARVESTED = date(2026, 3, 1)


pytestmark = pytest.mark.usefixtures("frozen", "english")


@pytest.fixture
def product(producer):
    return ProductFactory(producer=producer)


@pytest.fixture
def zone(producer):
    """10,000 kg a season, one season a year, VietGAP certified until 2027."""
    return ZoneFactory(producer=producer, code="VN-68-672-24835-01-24",
                       expected_yield_kg=10_000, seasons_per_year=1,
                       standard_expires_on=date(2027, 3, 16))


def draw(zone, kilograms: int, harvested_on: date = date(2026, 2, 1), product=None) -> Lot:
    """An existing lot of the zone's producer that drew `kilograms` from `zone`."""
    product = product or ProductFactory(producer=zone.producer)
    lot = LotFactory(product=product, harvest=None)
    LotInputFactory(lot=lot, zone=zone, harvested_on=harvested_on, quantity_kg=kilograms)
    return lot


def lot_data(product, *inputs: HarvestInput, **changes) -> LotData:
    values = dict(product_id=product.id, code="L2603-01", produced_on=PRODUCED,
                  expires_on=date(2027, 3, 10), quantity=1_000, unit="hộp", inputs=inputs)
    return LotData(**(values | changes))


def take(zone, kilograms: int, harvested_on: date = HARVESTED) -> HarvestInput:
    return HarvestInput(zone_id=zone.id, harvested_on=harvested_on, quantity_kg=kilograms)


def refusal(data: LotData, actor) -> InvalidInput:
    before = db.session.scalar(select(func.count()).select_from(Lot))
    with pytest.raises(InvalidInput) as refused:
        create_lot(data, actor)
    assert db.session.scalar(select(func.count()).select_from(Lot)) == before
    return refused.value


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


# --- mass balance -------------------------------------------------------------------------------

def test_a_lot_may_take_exactly_what_the_zone_has_left_this_season(
        session, product, zone, member):
    draw(zone, 4_000)
    lot = create_lot(lot_data(product, take(zone, 6_000)), member)
    assert lot.inputs[0].quantity_kg == 6_000


def test_one_kilogram_more_is_refused_with_the_numbers(session, product, zone, member):
    draw(zone, 4_000)
    refused = refusal(lot_data(product, take(zone, 6_001)), member)
    assert refused.field == "inputs-0-quantity_kg"
    assert refused.message == (
        "Zone VN-68-672-24835-01-24 yields at most 10,000 kg in season 2026; 4,000 kg already "
        "went to other lots, so 6,001 kg is too much (6,000 kg left).")


def test_the_numbers_are_written_the_vietnamese_way_by_default(app, session, product, zone,
                                                               member):
    draw(zone, 4_000)
    with app.test_request_context():  # no language cookie: Vietnamese
        refresh()
        refused = refusal(lot_data(product, take(zone, 6_001)), member)
    for number in ("10.000", "4.000", "6.001", "6.000"):
        assert number in refused.message


def test_rows_of_one_zone_in_one_lot_are_summed_and_the_first_row_is_named(
        session, product, zone, member):
    other = ZoneFactory(producer=zone.producer)
    draw(zone, 4_000)
    data = lot_data(product, take(other, 500), take(zone, 3_000), take(other, 500),
                    take(zone, 3_001))
    refused = refusal(data, member)
    assert refused.field == "inputs-1-quantity_kg"
    assert "so 6,001 kg is too much (6,000 kg left)" in refused.message
    lot = create_lot(replace(data, inputs=data.inputs[:3] + (take(zone, 3_000),)), member)
    assert sum(i.quantity_kg for i in lot.inputs if i.zone_id == zone.id) == 6_000


def test_a_full_zone_refuses_even_one_kilogram_and_says_none_is_left(
        session, product, zone, member):
    draw(zone, 10_000)
    refused = refusal(lot_data(product, take(zone, 1)), member)
    assert refused.message.endswith("so 1 kg is too much (0 kg left).")


def test_the_mass_balance_counts_every_lot_of_the_zone_of_any_product(
        session, product, zone, member):
    draw(zone, 3_000)
    draw(zone, 3_000, harvested_on=date(2026, 1, 1))
    draw(zone, 3_000, harvested_on=date(2026, 12, 31), product=product)
    refused = refusal(lot_data(product, take(zone, 1_001)), member)
    assert "9,000 kg already went to other lots" in refused.message
    assert create_lot(lot_data(product, take(zone, 1_000)), member).id is not None


def test_last_years_harvest_does_not_count_against_this_year(session, product, zone, member):
    draw(zone, 10_000, harvested_on=date(2025, 12, 31))
    assert create_lot(lot_data(product, take(zone, 10_000, date(2026, 1, 1))), member).id


def test_with_two_seasons_the_next_season_starts_on_the_first_of_july(
        session, product, zone, member):
    zone.seasons_per_year = 2
    draw(zone, 10_000, harvested_on=date(2025, 7, 1))
    # 30 June is still the first season of 2025: the full yield is there.
    first = create_lot(lot_data(product, take(zone, 10_000, date(2025, 6, 30)),
                                code="L-S1"), member)
    assert first.id is not None
    refused = refusal(lot_data(product, take(zone, 1, date(2025, 12, 31)), code="L-S2"), member)
    assert refused.message == (
        "Zone VN-68-672-24835-01-24 yields at most 10,000 kg in season 2/2 of 2025; 10,000 kg "
        "already went to other lots, so 1 kg is too much (0 kg left).")


def test_one_lot_drawing_on_two_seasons_is_checked_season_by_season(
        session, product, zone, member):
    zone.seasons_per_year = 4
    draw(zone, 9_000, harvested_on=date(2026, 1, 15))
    data = lot_data(product, take(zone, 7_000, date(2025, 12, 31)),
                    take(zone, 1_000, date(2026, 3, 1)))
    assert create_lot(data, member).id is not None
    refused = refusal(lot_data(product, take(zone, 1, date(2025, 10, 1)),
                               take(zone, 1, date(2026, 2, 1)), code="L-2"), member)
    assert refused.field == "inputs-1-quantity_kg"
    assert "season 1/4 of 2026" in refused.message


def test_another_zones_harvests_do_not_count(session, product, zone, member):
    draw(ZoneFactory(producer=zone.producer), 10_000)
    assert create_lot(lot_data(product, take(zone, 10_000)), member).id is not None


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


# --- recalls -------------------------------------------------------------------------------------

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


@pytest.mark.parametrize(("year", "season", "seasons", "label"), [
    (2026, 1, 1, "2026"), (2026, 2, 3, "2/3 of 2026"), (2025, 4, 4, "4/4 of 2025"),
])
def test_a_season_is_named_as_people_say_it(year, season, seasons, label):
    assert season_label(year, season, seasons) == label


# --- two lots at once ----------------------------------------------------------------------------

class _Race:
    """Lot A pauses after reading the zone's balance until lot B has asked for the zone; on
    PostgreSQL B's locking read must then wait for A, on SQLite B's write for A's (or A's
    for B's): either way the second lot sees the first or fails, never both succeed."""

    def __init__(self, app):
        self.app = app
        self.a_read_the_balance = threading.Event()
        self.b_asked_for_the_zone = threading.Event()
        self.outcomes: dict[str, object] = {}

    def before(self, _conn, _cursor, statement, *_args) -> None:
        if threading.current_thread().name == "lot-B" and "FROM zones" in statement:
            self.b_asked_for_the_zone.set()

    def after(self, _conn, _cursor, statement, *_args) -> None:
        if (threading.current_thread().name == "lot-A"
                and "sum(lot_inputs.quantity_kg)" in statement
                and not self.a_read_the_balance.is_set()):
            self.a_read_the_balance.set()
            # A safety net only: the outcome is checked whatever the interleaving.
            self.b_asked_for_the_zone.wait(timeout=30)

    def attempt(self, name: str, data: LotData, actor_id: int) -> None:
        with self.app.test_request_context(headers={"Cookie": "lang=en"}):
            if name == "lot-B":
                self.a_read_the_balance.wait(timeout=30)
            try:
                lot = create_lot(data, db.session.get(User, actor_id))
                code = lot.code
                db.session.commit()
                self.outcomes[name] = code
            except (InvalidInput, OperationalError) as error:
                db.session.rollback()
                self.outcomes[name] = error
            finally:
                db.session.remove()


def test_two_lots_racing_for_one_zone_cannot_both_take_its_harvest(app):
    """Each lot alone fits the 10,000 kg season; together they would take 12,000 kg."""
    engine = db.engine
    test_session = db.session
    # Sessions of their own (one per thread), on committed data, as two requests would have.
    db.session = scoped_session(sessionmaker(bind=engine))
    race = _Race(app)
    made: dict[str, int] = {}
    try:
        producer = ProducerFactory()
        product = ProductFactory(producer=producer)
        member = UserFactory(role=Role.PRODUCER, producer=producer)
        zone = ZoneFactory(producer=producer, expected_yield_kg=10_000, seasons_per_year=1)
        db.session.flush()
        made = {"province": producer.province_id, "producer": producer.id,
                "group": product.group_id, "product": product.id, "user": member.id,
                "zone": zone.id}
        db.session.commit()
        db.session.remove()

        def data(code: str) -> LotData:
            return LotData(product_id=made["product"], code=code, produced_on=PRODUCED,
                           expires_on=date(2027, 3, 10), quantity=100, unit="hộp",
                           inputs=(HarvestInput(made["zone"], HARVESTED, 6_000),))

        event.listen(engine, "before_cursor_execute", race.before)
        event.listen(engine, "after_cursor_execute", race.after)
        try:
            threads = [threading.Thread(target=race.attempt, name=name,
                                        args=(name, data(code), made["user"]))
                       for name, code in (("lot-A", "RACE-A"), ("lot-B", "RACE-B"))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        finally:
            event.remove(engine, "before_cursor_execute", race.before)
            event.remove(engine, "after_cursor_execute", race.after)

        assert not any(thread.is_alive() for thread in threads)
        winners = [name for name, outcome in race.outcomes.items() if isinstance(outcome, str)]
        losers = {name: outcome for name, outcome in race.outcomes.items()
                  if not isinstance(outcome, str)}
        assert len(winners) == 1 and len(losers) == 1, race.outcomes
        (error,) = losers.values()
        if engine.dialect.name == "postgresql":
            # The zone's row lock makes the second lot wait, then see the first one's harvest.
            assert winners == ["lot-A"]
            assert isinstance(error, InvalidInput), error
            assert error.field == "inputs-0-quantity_kg"
            assert "6,000 kg already went to other lots" in error.message
        else:
            # SQLite has one writer at a time: the second either sees the first or is turned
            # away when its stale read tries to write.
            assert isinstance(error, InvalidInput | OperationalError), error
        committed = db.session.scalar(
            select(func.sum(LotInput.quantity_kg)).where(LotInput.zone_id == made["zone"]))
        lots = db.session.scalars(
            select(Lot.code).where(Lot.product_id == made["product"])).all()
        assert committed == 6_000
        assert lots == [race.outcomes[winners[0]]]
    finally:
        db.session.remove()
        _delete_committed(made)
        db.session = test_session
    with db.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Product).where(
            Product.id == made["product"])) == 0
        assert connection.scalar(select(func.count()).select_from(Zone).where(
            Zone.id == made["zone"])) == 0


def _delete_committed(made: dict[str, int]) -> None:
    """Remove what the race committed, children first, so no other test sees it."""
    if not made:
        return
    with db.engine.begin() as connection:
        lots = select(Lot.id).where(Lot.product_id == made["product"])
        connection.execute(delete(LotInput).where(LotInput.lot_id.in_(lots)))
        connection.execute(delete(Lot).where(Lot.product_id == made["product"]))
        connection.execute(delete(Zone).where(Zone.id == made["zone"]))
        connection.execute(delete(Certificate).where(Certificate.product_id == made["product"]))
        connection.execute(delete(Product).where(Product.id == made["product"]))
        connection.execute(delete(User).where(User.id == made["user"]))
        connection.execute(delete(ProductGroup).where(ProductGroup.id == made["group"]))
        connection.execute(delete(Producer).where(Producer.id == made["producer"]))
        connection.execute(delete(Province).where(Province.id == made["province"]))

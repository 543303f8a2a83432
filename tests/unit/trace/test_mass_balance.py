"""Mass balance: what a zone supplies in a season never exceeds its yield, even under races."""

import threading
from dataclasses import replace
from datetime import date

import pytest
from flask_babel import refresh
from sqlalchemy import delete, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import scoped_session, sessionmaker

from shop.accounts.models import Role, User
from shop.catalog.models import Product
from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.ocop.models import Certificate, ProductGroup
from shop.places.models import Province
from shop.producers.models import Producer
from shop.trace.lots import HarvestInput, LotData, create_lot, season_label
from shop.trace.models import Lot, LotInput, Zone
from tests.factories import ProducerFactory, ProductFactory, UserFactory, ZoneFactory
from tests.unit.trace.lots_support import HARVESTED, PRODUCED, draw, lot_data, refusal, take

pytestmark = pytest.mark.usefixtures("frozen", "english")


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

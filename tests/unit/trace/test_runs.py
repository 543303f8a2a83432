"""Label runs: serials issued per printed unit, the lot's quantity as a ceiling, label URLs."""

from datetime import date

import pytest
from flask_babel import refresh
from sqlalchemy import func, select

from shop.accounts.models import Role
from shop.core.errors import Forbidden, InvalidInput, InvalidState
from shop.core.gs1 import SERIAL_ALPHABET, SERIAL_LENGTH
from shop.trace.labels import LabelSize
from shop.trace.links import lot_url
from shop.trace.lots import recall_lot
from shop.trace.models import LabelRun, Unit
from shop.trace.queries import load_lot
from shop.trace.runs import MAX_RUN_LABELS, issued_serials, lot_label, print_run, run_labels
from tests.factories import (
    CertificateFactory,
    LotFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
)

HOST = "https://ocop.example.vn"


pytestmark = pytest.mark.usefixtures("frozen", "english")


@pytest.fixture
def product():
    return ProductFactory(gtin="8934563138165", name_en="Coffee blossom honey")


@pytest.fixture
def member(product):
    return UserFactory(role=Role.PRODUCER, producer=product.producer)


def make_lot(product, **changes):
    values = dict(product=product, code="L2603/01", quantity=10,
                  expires_on=date(2027, 2, 5)) | changes
    return LotFactory(**values)


def units_of(session, lot) -> list[Unit]:
    return list(session.scalars(select(Unit).where(Unit.lot_id == lot.id).order_by(Unit.id)))


def count_refusal(lot, count, member, serialised=True) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        print_run(lot.id, LabelSize.MEDIUM, count, serialised, member)
    assert refused.value.field == "count"
    return refused.value


# --- issuing serials ----------------------------------------------------------------------------

def test_a_serialised_run_issues_one_random_serial_per_label(session, product, member):
    lot = make_lot(product, quantity=500)
    run = print_run(lot.id, LabelSize.SMALL, 250, True, member)
    assert (run.lot_id, run.size, run.count, run.serialised, run.created_by_id) == (
        lot.id, "small", 250, True, member.id)
    units = units_of(session, lot)
    serials = [unit.serial for unit in units]
    assert len(serials) == 250 == len(set(serials))
    assert all(len(s) == SERIAL_LENGTH and set(s) <= set(SERIAL_ALPHABET) for s in serials)
    assert all(unit.run_id == run.id and unit.scan_count == 0 and unit.first_scanned_at is None
               for unit in units)
    assert issued_serials(lot.id) == 250


def test_each_run_issues_new_serials(session, product, member):
    lot = make_lot(product, quantity=100)
    first = print_run(lot.id, LabelSize.MEDIUM, 40, True, member)
    second = print_run(lot.id, LabelSize.LARGE, 40, True, member)
    units = units_of(session, lot)
    assert len({u.serial for u in units}) == 80
    assert sum(u.run_id == first.id for u in units) == sum(u.run_id == second.id
                                                          for u in units) == 40


def test_serials_may_be_issued_up_to_the_lots_quantity_exactly(session, product, member):
    lot = make_lot(product, quantity=10)
    print_run(lot.id, LabelSize.MEDIUM, 4, True, member)
    refused = count_refusal(lot, 7, member)
    assert refused.message == (
        "The lot has 10 units and 4 serials are already issued; at most 6 more can be.")
    print_run(lot.id, LabelSize.MEDIUM, 6, True, member)
    assert issued_serials(lot.id) == 10
    refused = count_refusal(lot, 1, member)
    assert refused.message.endswith("10 serials are already issued; at most 0 more can be.")
    assert issued_serials(lot.id) == 10


def test_the_ceiling_is_written_with_thousands_separators(session, product, member):
    lot = make_lot(product, quantity=1_500)
    print_run(lot.id, LabelSize.MEDIUM, 1_000, True, member)
    assert count_refusal(lot, 501, member).message == (
        "The lot has 1,500 units and 1,000 serials are already issued; at most 500 more can be.")


def test_the_serials_of_other_lots_do_not_count(session, product, member):
    other = make_lot(product, code="L-OTHER", quantity=5)
    print_run(other.id, LabelSize.MEDIUM, 5, True, member)
    lot = make_lot(product, quantity=5)
    print_run(lot.id, LabelSize.MEDIUM, 5, True, member)
    assert (issued_serials(other.id), issued_serials(lot.id)) == (5, 5)


def test_a_lot_label_run_issues_no_serials_and_has_no_ceiling(session, product, member):
    lot = make_lot(product, quantity=10)
    run = print_run(lot.id, LabelSize.LARGE, 50, False, member)
    assert (run.count, run.serialised) == (50, False)
    assert issued_serials(lot.id) == 0


@pytest.mark.parametrize("count", [0, -1, MAX_RUN_LABELS + 1])
@pytest.mark.parametrize("serialised", [True, False])
def test_a_run_prints_one_to_the_maximum_count(session, product, member, count, serialised):
    lot = make_lot(product, quantity=5_000)
    refused = count_refusal(lot, count, member, serialised)
    assert refused.message == "Print 1 to 2,000 labels at a time."
    assert session.scalar(select(func.count()).select_from(LabelRun)) == 0


def test_the_limits_themselves_are_accepted(session, product, member):
    lot = make_lot(product, quantity=MAX_RUN_LABELS + 1)
    print_run(lot.id, LabelSize.MEDIUM, MAX_RUN_LABELS, True, member)
    print_run(lot.id, LabelSize.MEDIUM, 1, True, member)
    assert issued_serials(lot.id) == MAX_RUN_LABELS + 1


@pytest.mark.parametrize("serialised", [True, False])
def test_a_recalled_lot_no_longer_prints(session, product, member, serialised):
    lot = make_lot(product)
    recall_lot(lot.id, "Bao bì bị lỗi", member)
    with pytest.raises(InvalidState) as refused:
        print_run(lot.id, LabelSize.MEDIUM, 1, serialised, member)
    assert refused.value.message == (
        "This lot has been recalled; its labels can no longer be printed.")
    assert session.scalar(select(func.count()).select_from(LabelRun)) == 0
    assert issued_serials(lot.id) == 0


def test_another_producers_member_cannot_print(session, product):
    lot = make_lot(product)
    outsider = UserFactory(role=Role.PRODUCER, producer=ProducerFactory())
    with pytest.raises(Forbidden):
        print_run(lot.id, LabelSize.MEDIUM, 1, True, outsider)
    assert issued_serials(lot.id) == 0


# --- what the labels carry ----------------------------------------------------------------------

def test_each_serial_of_a_run_gets_its_own_digital_link(
        session, product, member):
    lot = make_lot(product)
    run = print_run(lot.id, LabelSize.MEDIUM, 5, True, member)
    lot = load_lot(lot.id)
    labels = run_labels(run, lot)
    serials = [unit.serial for unit in units_of(session, lot)]
    assert [label.serial for label in labels] == serials
    for label, serial in zip(labels, serials, strict=True):
        assert label.url == lot_url(lot, serial) == (
            f"{HOST}/01/08934563138165/10/L2603%2F01/21/{serial}?17=270205")
        assert (label.lot, label.expires_on, label.stars) == ("L2603/01", date(2027, 2, 5), 4)
        assert label.product_name == "Coffee blossom honey"


def test_a_lot_run_repeats_the_lot_label_count_times(session, product, member):
    lot = make_lot(product)
    run = print_run(lot.id, LabelSize.MEDIUM, 3, False, member)
    lot = load_lot(lot.id)
    labels = run_labels(run, lot)
    assert len(labels) == 3
    assert set(labels) == {lot_label(lot)}
    assert labels[0].serial is None
    assert labels[0].url == f"{HOST}/01/08934563138165/10/L2603%2F01?17=270205"


def test_a_product_without_gtin_gets_short_trace_urls(session, product, member):
    product = ProductFactory(producer=product.producer)
    lot = make_lot(product)
    run = print_run(lot.id, LabelSize.MEDIUM, 2, True, member)
    lot = load_lot(lot.id)
    urls = [label.url for label in run_labels(run, lot)]
    assert urls == [f"{HOST}/t/{lot.token}/{unit.serial}" for unit in units_of(session, lot)]
    assert lot_label(lot).url == f"{HOST}/t/{lot.token}"


def test_a_label_is_in_the_readers_language(app, session, product, member):
    lot = load_lot(make_lot(product).id)
    with app.test_request_context():
        refresh()
        assert lot_label(lot).product_name == product.name_vi


def test_an_uncertified_products_label_shows_no_stars(session, product, member):
    product = ProductFactory(producer=product.producer, certificate=None)
    assert lot_label(load_lot(make_lot(product).id)).stars is None


def test_a_product_rated_below_three_stars_prints_without_stars(session, product, member):
    """Only 3★ and above may carry the OCOP mark; a 2★ certificate must not stop the print."""
    product = ProductFactory(producer=product.producer, stars=2)
    lot = make_lot(product)
    run = print_run(lot.id, LabelSize.MEDIUM, 2, True, member)
    assert [label.stars for label in run_labels(run, load_lot(lot.id))] == [None, None]


def test_a_product_whose_certificate_was_revoked_prints_a_label_without_stars(
        session, product, member):
    """Our own trace page says a revoked product "is no longer an OCOP product"."""
    product = ProductFactory(producer=product.producer, certificate=None)
    CertificateFactory(product=product, revoked_on=date(2026, 3, 1),
                       revocation_number="12/QĐ-UBND", revocation_reason="Vi phạm ATTP")
    assert lot_label(load_lot(make_lot(product).id)).stars is None

"""Recording production lots and their raw material in the producer portal."""

from datetime import date

import pytest
from sqlalchemy import select

from shop.extensions import db
from shop.trace.models import Lot, LotInput, Standard, ZoneStatus
from tests.factories import LotFactory, ProductFactory, ZoneFactory
from tests.web.portal import error_of, selected, typed


@pytest.fixture
def product(producer):
    return ProductFactory(producer=producer, name_en="Cau Dat oolong tea")


@pytest.fixture
def zone(producer):
    return ZoneFactory(producer=producer, code="VN-68-672-24820-01-24", expected_yield_kg=500)


def lot_form(product, rows=(), **changes) -> dict:
    """The lot form as posted: 3 input rows, the given ones filled, the others empty."""
    data = {"product_id": str(product.id), "code": "2026-03A", "produced_on": "2026-03-10",
            "expires_on": "2027-03-10", "quantity": "400", "unit": "hộp 100 g"}
    padded = list(rows) + [("", "", "")] * (3 - len(rows))
    for index, (zone_id, harvested_on, kilograms) in enumerate(padded):
        data |= {f"inputs-{index}-zone_id": str(zone_id),
                 f"inputs-{index}-harvested_on": harvested_on,
                 f"inputs-{index}-quantity_kg": kilograms}
    return data | changes


def lots_of(product) -> list[Lot]:
    return list(db.session.scalars(select(Lot).where(Lot.product_id == product.id)))


def inputs_of(lot) -> list[tuple[int, date, int]]:
    """(zone id, harvest date, kilograms) of each input of a lot, in that order."""
    return sorted(tuple(row) for row in db.session.execute(select(
        LotInput.zone_id, LotInput.harvested_on, LotInput.quantity_kg).where(
        LotInput.lot_id == lot.id)))


def test_the_form_offers_the_producers_products_and_active_zones(member_client, producer,
                                                                 product, zone):
    ProductFactory(producer=producer, name_en="Unlisted green tea", certificate=None)
    ProductFactory(name_en="Someone else's honey")
    ZoneFactory(producer=producer, code="VN-68-672-24820-02-24", status=ZoneStatus.SUSPENDED)
    ZoneFactory(code="VN-68-672-24820-09-24")
    html = member_client.get("/portal/lots/new").get_data(as_text=True)
    assert "Cau Dat oolong tea" in html and "Unlisted green tea" in html
    assert "Someone else&#39;s honey" not in html
    assert html.count("VN-68-672-24820-01-24") == 3  # one option in each input row
    assert "VN-68-672-24820-02-24" not in html and "VN-68-672-24820-09-24" not in html
    assert typed(html, "produced_on") == "2026-03-16"
    assert '<label for="inputs-2-quantity_kg">Kilograms</label>' in html


def test_recording_a_lot_opens_its_page(member_client, member, product, zone):
    other = ZoneFactory(producer=product.producer)
    response = member_client.post("/portal/lots/new", data=lot_form(product, rows=[
        (zone.id, "2026-03-01", "300"), ("", "", ""), (other.id, "2026-03-02", "50")]))
    assert response.status_code == 302
    (lot,) = lots_of(product)
    assert response.headers["Location"] == f"/portal/lots/{lot.id}"
    assert (lot.code, lot.quantity, lot.unit) == ("2026-03A", 400, "hộp 100 g")
    assert (lot.produced_on, lot.expires_on) == (date(2026, 3, 10), date(2027, 3, 10))
    assert lot.created_by_id == member.id
    assert inputs_of(lot) == [
        (zone.id, date(2026, 3, 1), 300), (other.id, date(2026, 3, 2), 50)]
    page = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Lot 2026-03A recorded." in page
    assert "VN-68-672-24820-01-24" in page


def test_too_much_from_a_zone_shows_the_numbers_on_its_row(member_client, product, zone):
    LotFactory(product=product, harvest__zone=zone, harvest__quantity_kg=200)
    other = ZoneFactory(producer=product.producer)
    form = lot_form(product, rows=[("", "", ""), (other.id, "2026-03-01", "40"),
                                   (zone.id, "2026-03-02", "350")])
    response = member_client.post("/portal/lots/new", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "inputs-2-quantity_kg") == (
        "Zone VN-68-672-24820-01-24 yields at most 500 kg in season 2026; 200 kg already "
        "went to other lots, so 350 kg is too much (300 kg left).")
    assert error_of(html, "inputs-1-quantity_kg") is None
    assert "Please correct the highlighted fields." in html
    for name, value in form.items():
        if name.endswith(("harvested_on", "quantity_kg")) or name in ("code", "quantity"):
            assert typed(html, name) == value, name
    assert selected(html, "inputs-1-zone_id") == str(other.id)
    assert selected(html, "inputs-2-zone_id") == str(zone.id)
    assert selected(html, "product_id") == str(product.id)
    assert len(lots_of(product)) == 1


def test_a_suspended_zone_cannot_supply_a_lot(member_client, product, zone):
    zone.status = ZoneStatus.SUSPENDED
    response = member_client.post("/portal/lots/new", data=lot_form(
        product, rows=[(zone.id, "2026-03-01", "100")]))
    assert response.status_code == 400
    assert error_of(response.get_data(as_text=True), "inputs-0-zone_id") == (
        "Zone VN-68-672-24820-01-24 is suspended and cannot supply a lot.")
    assert lots_of(product) == []


def test_a_harvest_after_the_zones_standard_expired_is_refused(member_client, product, zone):
    zone.standard, zone.standard_certificate = Standard.VIETGAP, "VG-0042"
    zone.standard_expires_on = date(2026, 2, 28)
    response = member_client.post("/portal/lots/new", data=lot_form(
        product, rows=[(zone.id, "2026-03-01", "100")]))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "inputs-0-harvested_on") == (
        "Zone VN-68-672-24820-01-24&#39;s certificate VG-0042 expired on 28/02/2026, "
        "before this harvest.")
    assert lots_of(product) == []


def test_add_another_row_keeps_what_was_typed(member_client, product, zone):
    form = lot_form(product, rows=[(zone.id, "2026-03-01", "100"), ("", "2026-03-02", ""),
                                   ("", "", "70")], code="LOT-7") | {"add_row": "1"}
    response = member_client.post("/portal/lots/new", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert typed(html, "code") == "LOT-7"
    assert selected(html, "inputs-0-zone_id") == str(zone.id)
    assert typed(html, "inputs-0-quantity_kg") == "100"
    assert typed(html, "inputs-1-harvested_on") == "2026-03-02"
    assert typed(html, "inputs-2-quantity_kg") == "70"
    assert typed(html, "inputs-3-quantity_kg") == ""
    assert "inputs-4-quantity_kg" not in html
    assert "Raw material 4" in html
    assert "class=\"error\"" not in html
    assert lots_of(product) == []

    form = lot_form(product, rows=[(zone.id, "2026-03-01", "100")]) | {
        "inputs-3-zone_id": str(zone.id), "inputs-3-harvested_on": "2026-03-05",
        "inputs-3-quantity_kg": "20"}
    assert member_client.post("/portal/lots/new", data=form).status_code == 302
    (lot,) = lots_of(product)
    assert [kilograms for *_, kilograms in inputs_of(lot)] == [100, 20]


def test_a_half_filled_row_is_refused(member_client, product, zone):
    response = member_client.post("/portal/lots/new", data=lot_form(
        product, rows=[(zone.id, "2026-03-01", "100"), (zone.id, "", "")]))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "inputs-1-harvested_on").startswith("Fill in the zone, the harvest "
                                                              "date and the kilograms")
    assert error_of(html, "inputs-0-quantity_kg") is None
    assert lots_of(product) == []


def test_a_lot_needs_raw_material(member_client, product, zone):
    response = member_client.post("/portal/lots/new", data=lot_form(product))
    assert response.status_code == 400
    assert error_of(response.get_data(as_text=True), "inputs-0-zone_id") == (
        "Add at least one raw-material zone the lot was made from.")
    assert lots_of(product) == []


def test_another_producers_product_is_refused(member_client, zone):
    theirs = ProductFactory()
    response = member_client.post("/portal/lots/new", data=lot_form(
        theirs, rows=[(zone.id, "2026-03-01", "100")]))
    assert response.status_code == 400
    assert error_of(response.get_data(as_text=True), "product_id") == (
        "Choose one of your products.")
    assert lots_of(theirs) == []


def test_another_producers_zone_is_refused(member_client, product, zone):
    theirs = ZoneFactory()
    response = member_client.post("/portal/lots/new", data=lot_form(
        product, rows=[(zone.id, "2026-03-01", "100"), (theirs.id, "2026-03-01", "100")]))
    assert response.status_code == 400
    assert error_of(response.get_data(as_text=True), "inputs-1-zone_id") == (
        "Choose one of your own zones.")
    assert lots_of(product) == []


def test_the_list_shows_the_producers_lots_newest_first(member_client, product):
    LotFactory(product=product, code="OLD-1", produced_on=date(2026, 1, 5), quantity=1200)
    LotFactory(product=product, code="NEW-2", produced_on=date(2026, 3, 1),
               recalled_at=date(2026, 3, 2), recall_reason="Mốc")
    LotFactory(code="THEIRS-3")
    html = member_client.get("/portal/lots").get_data(as_text=True)
    assert html.index("NEW-2") < html.index("OLD-1")
    assert "THEIRS-3" not in html
    assert "1,200 hộp" in html and "Cau Dat oolong tea" in html
    assert html.count('<span class="status status-revoked">Recalled</span>') == 1


def test_the_list_runs_the_same_few_queries_for_many_lots(member_client, producer,
                                                          count_queries):
    products = ProductFactory.create_batch(5, producer=producer)
    for index in range(50):
        LotFactory(product=products[index % 5])
    member_client.get("/portal/lots")  # warm up: first-request work is not the list's
    with count_queries() as queries:
        html = member_client.get("/portal/lots").get_data(as_text=True)
    assert html.count('<tr id="lot-') == 50
    assert len(queries) <= 3, queries
    LotFactory(product=products[0], code="PAGE-2-LOT", produced_on=date(2025, 1, 1))
    second = member_client.get("/portal/lots?page=2").get_data(as_text=True)
    assert "PAGE-2-LOT" in second and "Page 2 of 2; 51 lots." in second

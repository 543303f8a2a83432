"""The EPCIS 2.0 export of a lot validates against GS1's JSON Schema and says what happened."""

import copy
import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator, FormatChecker

from shop.catalog.models import Product
from shop.core import gs1
from shop.producers.models import Producer
from shop.trace.epcis import lot_document
from shop.trace.links import lot_url
from shop.trace.models import Lot, LotInput, Standard, Zone
from shop.trace.queries import load_lot
from tests.factories import LotFactory, LotInputFactory, ProductFactory, ZoneFactory

HOST = "https://ocop.example.vn"
GTIN13 = "8931234500016"
GTIN14 = "0" + GTIN13
STANDARDS = Path("/work/shared/standards")
CREATED = datetime(2026, 3, 16, 3, 0, tzinfo=UTC)

_RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", re.ASCII)
# RFC 3986: a scheme, then only unreserved, reserved and %-escaped characters.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*", re.ASCII)


def _format_checker() -> FormatChecker:
    """Draft 7's checker, with strict date-time and uri checks when jsonschema lacks them.

    jsonschema checks "date-time" and "uri" only when optional packages are installed
    (rfc3339-validator, rfc3987 or rfc3986-validator); without them it passes any string,
    and the schema's formats would go unchecked.
    """
    checker = copy.copy(Draft7Validator.FORMAT_CHECKER)
    checker.checkers = dict(checker.checkers)
    if "date-time" not in checker.checkers:
        checker.checks("date-time")(
            lambda value: not isinstance(value, str) or (
                _RFC3339.fullmatch(value) is not None and _parses(value)))
    if "uri" not in checker.checkers:
        checker.checks("uri")(
            lambda value: not isinstance(value, str) or _URI.fullmatch(value) is not None)
    return checker


def _parses(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


SCHEMA = json.loads((STANDARDS / "EPCIS-JSON-Schema.json").read_text())
VALIDATOR = Draft7Validator(SCHEMA, format_checker=_format_checker())


def errors(document: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def export(lot: Lot) -> dict:
    """The document of `lot` loaded afresh, as the API loads it (nothing lazy-loads)."""
    from shop.extensions import db

    db.session.flush()
    db.session.expire_all()
    return lot_document(load_lot(lot.id), HOST, CREATED)


def events(document: dict) -> list[dict]:
    return document["epcisBody"]["eventList"]


@pytest.fixture
def zone() -> Zone:
    return ZoneFactory(code="VN-68-672-24781-01-24", crop="Chè", variety="Ô long",
                       standard=Standard.VIETGAP, standard_certificate="VG-00042")


@pytest.fixture
def lot(zone) -> Lot:
    lot = LotFactory(product=ProductFactory(gtin=GTIN13, producer=zone.producer),
                     code="L26/11-A", produced_on=date(2026, 2, 14),
                     expires_on=date(2027, 2, 14), quantity=480, harvest=None)
    LotInputFactory(lot=lot, zone=zone, harvested_on=date(2026, 2, 9), quantity_kg=120)
    return lot


def test_the_checker_really_checks_formats():
    checker = _format_checker()
    assert checker.conforms("2026-02-14T00:00:00+07:00", "date-time")
    assert not checker.conforms("2026-02-14 00:00", "date-time")
    assert not checker.conforms("2026-02-30T00:00:00+07:00", "date-time")
    assert checker.conforms("https://ocop.example.vn/01/08931234500016/10/L26%2F11-A", "uri")
    assert not checker.conforms("https://ocop.example.vn/zones/vùng 1", "uri")
    assert not checker.conforms("no-scheme", "uri")


def test_gs1s_own_example_validates_but_for_its_blank_node_id():
    example = json.loads(
        (STANDARDS / "EPCIS-example-TransformationEvent-DigitalLink.jsonld").read_text())
    # "_:document1" is a JSON-LD blank node, not a URI: it passes only where "uri" goes
    # unchecked. Everything else GS1 wrote passes the strict checks.
    assert errors(example) == ["['id']: '_:document1' is not a 'uri'"]
    del example["id"]
    assert errors(example) == []


def test_a_single_input_lot_is_harvest_transformation_and_commissioning(lot):
    document = export(lot)

    assert errors(document) == []
    assert document["@context"] == [
        "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
        {"ocop": f"{HOST}/ns/ocop#"}]
    assert (document["type"], document["schemaVersion"]) == ("EPCISDocument", "2.0")
    assert document["creationDate"] == "2026-03-16T10:00:00+07:00"
    harvest, transformation, commissioning = events(document)
    assert [(e["type"], e.get("action"), e["bizStep"], e["disposition"])
            for e in events(document)] == [
        ("ObjectEvent", "ADD", "creating_class_instance", "active"),
        ("TransformationEvent", None, "creating_class_instance", "active"),
        ("ObjectEvent", "ADD", "commissioning", "active"),
    ]
    assert all(e["eventTimeZoneOffset"] == "+07:00" for e in events(document))
    assert harvest["eventTime"] == "2026-02-09T00:00:00+07:00"
    assert transformation["eventTime"] == commissioning["eventTime"] == \
        "2026-02-14T00:00:00+07:00"


def test_the_lot_is_the_output_by_its_digital_link_and_raw_material_the_input_in_kg(lot):
    harvest, transformation, commissioning = events(export(lot))

    lot_class = f"{HOST}/01/{GTIN14}/10/L26%2F11-A"
    assert lot_url(lot).split("?")[0] == lot_class  # the QR's link, without the expiry
    material = f"{HOST}/zones/VN-68-672-24781-01-24/harvests/2026-02-09"
    assert harvest["quantityList"] == [{"epcClass": material, "quantity": 120, "uom": "KGM"}]
    assert transformation["inputQuantityList"] == harvest["quantityList"]
    assert transformation["outputQuantityList"] == [{"epcClass": lot_class, "quantity": 480}]
    assert commissioning["quantityList"] == transformation["outputQuantityList"]
    assert harvest["bizLocation"] == {"id": f"{HOST}/zones/VN-68-672-24781-01-24"}
    producer = f"{HOST}/producers/{lot.product.producer.slug}"
    assert transformation["readPoint"] == commissioning["bizLocation"] == {"id": producer}


def test_ilmd_carries_lot_number_expiry_and_planting_area_codes(lot):
    harvest, transformation, commissioning = events(export(lot))

    expected = {
        "cbvmda:lotNumber": "L26/11-A",
        "cbvmda:itemExpirationDate": "2027-02-14",
        "cbvmda:countryOfOrigin": "VN",
        "ocop:plantingAreaCodes": ["VN-68-672-24781-01-24"],
    }
    assert transformation["ilmd"] == commissioning["ilmd"] == expected
    assert harvest["ilmd"] == {
        "ocop:plantingAreaCode": "VN-68-672-24781-01-24", "ocop:crop": "Chè",
        "ocop:variety": "Ô long", "ocop:standard": "vietgap",
        "ocop:standardCertificate": "VG-00042", "cbvmda:countryOfOrigin": "VN"}


def test_several_zones_give_one_harvest_event_per_zone_and_day(lot, zone):
    first = zone
    second = ZoneFactory(producer=first.producer, code="VN-68-672-24781-02-25")
    LotInputFactory(lot=lot, zone=second, harvested_on=date(2026, 2, 10), quantity_kg=80)
    LotInputFactory(lot=lot, zone=second, harvested_on=date(2026, 2, 10), quantity_kg=20)
    LotInputFactory(lot=lot, zone=first, harvested_on=date(2026, 2, 12), quantity_kg=30)

    document = export(lot)

    assert errors(document) == []
    *harvests, transformation, _commissioning = events(document)
    assert [(e["eventTime"][:10], e["ilmd"]["ocop:plantingAreaCode"]) for e in harvests] == [
        ("2026-02-09", "VN-68-672-24781-01-24"),
        ("2026-02-10", "VN-68-672-24781-02-25"),
        ("2026-02-12", "VN-68-672-24781-01-24"),
    ]
    kilograms = [(q["epcClass"].removeprefix(f"{HOST}/zones/"), q["quantity"], q["uom"])
                 for q in transformation["inputQuantityList"]]
    assert kilograms == [
        ("VN-68-672-24781-01-24/harvests/2026-02-09", 120, "KGM"),
        ("VN-68-672-24781-02-25/harvests/2026-02-10", 100, "KGM"),
        ("VN-68-672-24781-01-24/harvests/2026-02-12", 30, "KGM"),
    ]
    assert transformation["ilmd"]["ocop:plantingAreaCodes"] == [
        "VN-68-672-24781-01-24", "VN-68-672-24781-02-25"]


def test_a_recalled_lot_ends_with_a_recalled_observation_in_vietnam_time(lot):
    lot.recalled_at = datetime(2026, 3, 10, 3, 30, 15, 123456, tzinfo=UTC)
    lot.recall_reason = "Phát hiện nấm mốc"

    document = export(lot)

    assert errors(document) == []
    recall = events(document)[-1]
    assert (recall["type"], recall["action"], recall["disposition"]) == \
        ("ObjectEvent", "OBSERVE", "recalled")
    assert "bizStep" not in recall
    assert recall["eventTime"] == "2026-03-10T10:30:15+07:00"
    assert recall["eventTimeZoneOffset"] == "+07:00"
    assert recall["quantityList"] == [
        {"epcClass": f"{HOST}/01/{GTIN14}/10/L26%2F11-A", "quantity": 480}]
    assert recall["ocop:recallReason"] == "Phát hiện nấm mốc"


def test_a_product_without_gtin_is_named_by_its_short_trace_url():
    lot = LotFactory(product=ProductFactory(gtin=None), token="abc123defg")

    document = export(lot)

    assert errors(document) == []
    assert events(document)[1]["outputQuantityList"][0]["epcClass"] == f"{HOST}/t/abc123defg"


def test_event_ids_are_unique_and_the_same_in_every_export(lot):
    first = events(export(lot))
    again = events(lot_document(load_lot(lot.id), HOST, CREATED + timedelta(days=1)))

    ids = [e["eventID"] for e in first]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("urn:uuid:") for i in ids)
    assert ids == [e["eventID"] for e in again]


@pytest.mark.parametrize("breakage", [
    lambda d: events(d)[1].pop("eventTimeZoneOffset"),
    lambda d: events(d)[1].update(eventTime="2026-02-14 00:00"),
    lambda d: events(d)[1].update(bizStep="harvesting"),
    lambda d: events(d)[1].update(bizStep="urn:epcglobal:cbv:bizstep:commissioning"),
    lambda d: events(d)[0]["quantityList"][0].update(uom="kg"),
    lambda d: events(d)[1]["outputQuantityList"][0].update(epcClass="lô hàng 1"),
    lambda d: events(d)[2].pop("action"),
    lambda d: d.pop("schemaVersion"),
], ids=["no-offset", "bad-time", "not-cbv", "cbv-urn", "bad-uom", "bad-uri", "no-action",
        "no-version"])
def test_a_broken_document_fails_validation(lot, breakage):
    document = export(lot)
    assert errors(document) == []
    breakage(document)
    assert errors(document) != []


def _transient_lot(code: str, zone_code: str, gtin: str | None, kilograms: list[int]) -> Lot:
    producer = Producer(slug="htx-thu")
    zone = Zone(id=1, code=zone_code, crop="Lúa", variety="", standard=Standard.NONE,
                standard_certificate="")
    return Lot(id=7, code=code, token="tok0000001", produced_on=date(2026, 1, 20),
               expires_on=date(2026, 7, 20), quantity=10, recalled_at=None,
               product=Product(gtin=gtin, producer=producer),
               inputs=[LotInput(zone=zone, harvested_on=date(2026, 1, day + 1), quantity_kg=kg)
                       for day, kg in enumerate(kilograms)])


# Any lot number GS1 allows and any planting-area code (opaque text) make a valid document.
# The test touches no database; the autouse per-test transaction is harmless to share.
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
# Lot numbers of dots only are refused (gs1.validate_code): they are no lot number.
@given(code=st.text(alphabet=sorted(gs1.CSET82), min_size=1, max_size=20).filter(
           lambda code: code.strip(".")),
       zone_code=st.text(min_size=1, max_size=40),
       gtin=st.sampled_from([GTIN13, "96385074", None]),
       kilograms=st.lists(st.integers(1, 10**6), min_size=1, max_size=4))
def test_any_lot_number_and_zone_code_make_a_valid_document(code, zone_code, gtin, kilograms):
    document = lot_document(_transient_lot(code, zone_code, gtin, kilograms), HOST, CREATED)
    assert errors(document) == []

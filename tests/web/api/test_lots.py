"""GET /api/v1/lots…: a lot's trace and its EPCIS 2.0 events; lots on the product detail."""

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from shop.api.schemas import MAX_PRODUCT_LOTS
from shop.trace.epcis import lot_document
from shop.trace.links import lot_url
from shop.trace.models import Lot, Standard
from shop.trace.queries import load_lot
from tests.factories import (
    CertificateFactory,
    LotFactory,
    LotInputFactory,
    ProducerFactory,
    ProductFactory,
    ProductImageFactory,
    ProvinceFactory,
    ZoneFactory,
)
from tests.web.api.conftest import TODAY

HOST = "https://ocop.example.vn"
GTIN13 = "8931234500016"
GTIN14 = "0" + GTIN13
PROBLEM_JSON = "application/problem+json"
EPCIS_SCHEMA = json.loads(Path("/work/shared/standards/EPCIS-JSON-Schema.json").read_text())


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en")


@pytest.fixture
def lot() -> Lot:
    province = ProvinceFactory(name="Lâm Đồng", slug="lam-dong")
    producer = ProducerFactory(name="HTX Trà Cầu Đất", slug="htx-tra-cau-dat",
                               address="Thôn Trường Thọ, xã Xuân Trường", province=province)
    product = ProductFactory(slug="tra-o-long", name_vi="Trà Ô long", name_en="Oolong tea",
                             gtin=GTIN13, producer=producer, certificate=None)
    CertificateFactory(product=product, stars=4, number="15/QĐ-UBND",
                       recognized_on=date(2025, 9, 1))
    ProductImageFactory(product=product, path="products/tra.png")
    zone = ZoneFactory(producer=producer, code="VN-68-672-24781-01-24", name="Đồi chè số 1",
                       crop="Chè", variety="Ô long", area_ha=Decimal("2.50"),
                       commune="Xã Xuân Trường", district="Đà Lạt",
                       latitude=Decimal("11.845000"), longitude=Decimal("108.556000"),
                       standard=Standard.VIETGAP, standard_certificate="VG-00042",
                       standard_expires_on=date(2026, 12, 31))
    lot = LotFactory(product=product, code="L26/11-A", produced_on=date(2026, 2, 14),
                     expires_on=date(2027, 2, 14), quantity=480, unit="hộp", harvest=None)
    LotInputFactory(lot=lot, zone=zone, harvested_on=date(2026, 2, 9), quantity_kg=120)
    return lot


def get_trace(client, lot_id: int) -> dict:
    response = client.get(f"/api/v1/lots/{lot_id}")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.json


def assert_problem(response, status: int, names: list[str] | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM_JSON
    body = response.json
    assert body["status"] == status and body["title"] and body["detail"]
    if names is not None:
        assert [error["name"] for error in body["errors"]] == names
        assert all(error["reason"] for error in body["errors"])
    return body


def test_a_lot_traces_to_its_product_producer_and_zones(client, lot):
    digital_link = lot_url(lot)

    body = get_trace(client, lot.id)

    assert body["as_of"] == TODAY.isoformat()
    assert body["lot"] == {
        "id": lot.id, "code": "L26/11-A", "produced_on": "2026-02-14",
        "expires_on": "2027-02-14", "expired": False, "quantity": 480, "unit": "hộp",
        "recalled": False, "recalled_at": None, "recall_reason": None,
        "digital_link": digital_link,
        "trace_url": f"{HOST}/01/{GTIN14}/10/L26%2F11-A",
        "label_png": f"{HOST}/labels/lots/{lot.id}.png",
        "label_svg": f"{HOST}/labels/lots/{lot.id}.svg",
        "epcis_url": f"{HOST}/api/v1/lots/{lot.id}/epcis",
    }
    assert digital_link == f"{HOST}/01/{GTIN14}/10/L26%2F11-A?17=270214"
    assert body["product"] == {
        "slug": "tra-o-long", "name": "Trà Ô long", "name_vi": "Trà Ô long",
        "name_en": "Oolong tea", "gtin": GTIN14, "stars": 4, "listed": True,  # stored as GTIN-14
        "certificate": {"number": "15/QĐ-UBND", "level": "province",
                        "authority": "UBND tỉnh Lâm Đồng", "stars": 4,
                        "recognized_on": "2025-09-01", "expires_on": "2028-09-01",
                        "status": "current", "revoked_on": None},
        "url": f"{HOST}/products/tra-o-long",
        "image_url": f"{HOST}/media/products/tra.png",
    }
    assert body["producer"] == {
        "slug": "htx-tra-cau-dat", "name": "HTX Trà Cầu Đất",
        "address": "Thôn Trường Thọ, xã Xuân Trường",
        "province": {"slug": "lam-dong", "name": "Lâm Đồng"}}
    assert body["inputs"] == [{
        "zone": {"code": "VN-68-672-24781-01-24", "name": "Đồi chè số 1", "crop": "Chè",
                 "variety": "Ô long", "area_ha": 2.5, "commune": "Xã Xuân Trường",
                 "district": "Đà Lạt", "province": {"slug": "lam-dong", "name": "Lâm Đồng"},
                 "latitude": 11.845, "longitude": 108.556, "standard": "vietgap",
                 "standard_certificate": "VG-00042", "standard_expires_on": "2026-12-31"},
        "harvested_on": "2026-02-09", "quantity_kg": 120,
    }]
    assert body["notices"] == []
    assert [(step["on"], step["kind"]) for step in body["journey"]] == [
        ("2026-02-09", "harvest"), ("2026-02-14", "production")]


def test_the_digital_link_finds_the_same_lot_by_gtin_13_or_14(client, lot):
    expected = get_trace(client, lot.id)
    for gtin in (GTIN13, GTIN14):
        response = client.get("/api/v1/lots", query_string={"gtin": gtin, "lot": "L26/11-A"})
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.json == expected


def test_a_product_without_gtin_has_a_short_trace_url(client):
    lot = LotFactory(product=ProductFactory(gtin=None), token="abc123defg")

    body = get_trace(client, lot.id)

    assert body["lot"]["digital_link"] == body["lot"]["trace_url"] == f"{HOST}/t/abc123defg"
    assert body["product"]["gtin"] is None


@pytest.mark.parametrize("lot_id", ["999999", "0", "-1", "abc", str(2**31)])
def test_an_unknown_or_invalid_lot_id_is_a_problem(client, lot_id):
    response = client.get(f"/api/v1/lots/{lot_id}")
    if lot_id == "999999":
        assert_problem(response, 404)
    else:
        assert_problem(response, 400, ["lot_id"])
    assert_problem(client.get(f"/api/v1/lots/{lot_id}/epcis"), response.status_code)


@pytest.mark.parametrize(("query", "names"), [
    ({"gtin": "8931234500017", "lot": "L1"}, ["gtin"]),  # check digit should be 6
    ({"gtin": "89312345", "lot": "L1"}, ["gtin"]),
    ({"gtin": "893123450001x", "lot": "L1"}, ["gtin"]),
    ({"gtin": GTIN13, "lot": "Lô 1"}, ["lot"]),  # outside GS1's character set 82
    ({"gtin": GTIN13, "lot": "L" * 21}, ["lot"]),
    ({"gtin": "8931234500017", "lot": "L#1"}, ["gtin", "lot"]),
    ({"gtin": GTIN13 + "12", "lot": "L1"}, ["gtin"]),
    ({"lot": "L1"}, ["gtin"]),
], ids=["check-digit", "length", "letter", "charset", "too-long", "both", "over-14", "missing"])
def test_a_malformed_gtin_or_lot_is_a_400_problem_naming_it(client, lot, query, names):
    assert_problem(client.get("/api/v1/lots", query_string=query), 400, names)


def test_the_gtin_reason_says_which_check_digit_is_right(client, lot):
    body = assert_problem(client.get("/api/v1/lots?gtin=8931234500017&lot=L1"), 400)
    assert "6" in body["errors"][0]["reason"]


def test_a_well_formed_but_unknown_digital_link_is_a_404_problem(client, lot):
    for query in ({"gtin": GTIN13, "lot": "L26/11-B"}, {"gtin": "96385074", "lot": "L26/11-A"}):
        assert_problem(client.get("/api/v1/lots", query_string=query), 404)


def test_a_recalled_lot_stays_visible_with_the_recall_notice(client, lot):
    lot.recalled_at = datetime(2026, 3, 10, 3, 30, tzinfo=UTC)
    lot.recall_reason = "Phát hiện nấm mốc"

    body = get_trace(client, lot.id)

    assert body["lot"]["recalled"] is True
    assert body["lot"]["recall_reason"] == "Phát hiện nấm mốc"
    assert datetime.fromisoformat(body["lot"]["recalled_at"]) == \
        datetime(2026, 3, 10, 3, 30, tzinfo=UTC)
    (notice,) = body["notices"]
    assert (notice["kind"], notice["severity"]) == ("recalled", "danger")
    assert "Phát hiện nấm mốc" in notice["message"]
    assert body["journey"][-1]["kind"] == "recall"


def test_a_lot_of_a_revoked_product_warns_though_the_product_is_gone(client):
    product = ProductFactory(slug="bi-thu-hoi", certificate=None)
    CertificateFactory(product=product, revoked_on=TODAY - timedelta(days=3),
                       revocation_number="9/QĐ", revocation_reason="Vi phạm ATTP")
    lot = LotFactory(product=product)

    body = get_trace(client, lot.id)

    assert [n["kind"] for n in body["notices"]] == ["certificate_revoked"]
    assert body["notices"][0]["severity"] == "danger"
    assert body["product"]["listed"] is False
    assert body["product"]["certificate"]["status"] == "revoked"
    assert body["product"]["certificate"]["revoked_on"] == (TODAY - timedelta(days=3)).isoformat()
    assert client.get(f"/api/v1/lots/{lot.id}/epcis").status_code == 200
    assert_problem(client.get("/api/v1/products/bi-thu-hoi"), 404)


def test_a_lot_of_an_uncertified_expired_product_says_both(client):
    lot = LotFactory(product=ProductFactory(certificate=None),
                     produced_on=TODAY - timedelta(days=400), expires_on=TODAY - timedelta(days=1))

    body = get_trace(client, lot.id)

    assert [n["kind"] for n in body["notices"]] == ["no_certificate", "lot_expired"]
    assert body["lot"]["expired"] is True
    assert (body["product"]["certificate"], body["product"]["stars"]) == (None, None)


def test_the_epcis_export_is_the_validated_document_as_json_ld(client, lot):
    response = client.get(f"/api/v1/lots/{lot.id}/epcis")

    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert response.cache_control.public
    document = json.loads(response.get_data(as_text=True))
    checker = Draft7Validator(EPCIS_SCHEMA, format_checker=Draft7Validator.FORMAT_CHECKER)
    assert list(checker.iter_errors(document)) == []
    # The same document the unit tests validate strictly (only its creation date differs).
    created = datetime.fromisoformat(document["creationDate"])
    assert document == lot_document(load_lot(lot.id), HOST, created)
    types = [event["type"] for event in document["epcisBody"]["eventList"]]
    assert types == ["ObjectEvent", "TransformationEvent", "ObjectEvent"]


def test_a_lot_trace_runs_three_queries_however_many_inputs(client, count_queries, lot):
    other = LotFactory(product=lot.product, harvest=None)
    for day in range(4):
        LotInputFactory(lot=other, zone=ZoneFactory(producer=lot.product.producer),
                        harvested_on=other.produced_on - timedelta(days=day))
    # Read before any request: a request's commit expires them, and reading reloads.
    first_id, other_id, code = lot.id, other.id, other.code

    with count_queries() as one:
        get_trace(client, first_id)
    with count_queries() as four:
        assert len(get_trace(client, other_id)["inputs"]) == 4
    with count_queries() as by_link:
        assert client.get("/api/v1/lots", query_string={"gtin": GTIN13, "lot": code}
                          ).status_code == 200
    with count_queries() as epcis:
        assert client.get(f"/api/v1/lots/{other_id}/epcis").status_code == 200

    for statements in (one, four, by_link, epcis):
        # Product with producer and certificate, images, then inputs with zones: nothing
        # written either (unlike the resolver, the API counts no scan).
        assert len(statements) == 3, "\n---\n".join(statements)
        assert all(s.lstrip().upper().startswith("SELECT") for s in statements)


def test_the_product_detail_lists_its_lots_newest_first_with_their_links(client, lot):
    older = LotFactory(product=lot.product, code="L25-09", produced_on=date(2025, 9, 1),
                       expires_on=date(2026, 9, 1))
    recalled = LotFactory(product=lot.product, code="L26-03", produced_on=date(2026, 3, 1),
                          recalled_at=datetime(2026, 3, 5, tzinfo=UTC), recall_reason="Lỗi")
    LotFactory(code="OTHER")  # another product's lot
    expected = {item.id: lot_url(item) for item in (lot, older, recalled)}

    body = client.get("/api/v1/products/tra-o-long").json

    assert body["lot_count"] == 3
    assert [item["code"] for item in body["lots"]] == ["L26-03", "L26/11-A", "L25-09"]
    assert [item["recalled"] for item in body["lots"]] == [True, False, False]
    for item in body["lots"]:
        assert item["digital_link"] == expected[item["id"]]
        assert item["label_png"] == f"{HOST}/labels/lots/{item['id']}.png"
        assert item["label_svg"] == f"{HOST}/labels/lots/{item['id']}.svg"
        assert item["url"] == f"{HOST}/api/v1/lots/{item['id']}"
        assert client.get(item["url"]).json["lot"]["code"] == item["code"]
    assert body["lots"][1] == {
        "id": lot.id, "code": "L26/11-A", "produced_on": "2026-02-14",
        "expires_on": "2027-02-14", "recalled": False, "digital_link": expected[lot.id],
        "label_png": f"{HOST}/labels/lots/{lot.id}.png",
        "label_svg": f"{HOST}/labels/lots/{lot.id}.svg",
        "url": f"{HOST}/api/v1/lots/{lot.id}"}


def test_the_product_detail_shows_at_most_20_lots_and_counts_them_all(client, count_queries):
    ProductFactory(slug="khong-co-lo")
    product = ProductFactory(slug="nhieu-lo")
    for n in range(MAX_PRODUCT_LOTS + 2):
        LotFactory(product=product, produced_on=TODAY - timedelta(days=n))

    with count_queries() as none:
        body = client.get("/api/v1/products/khong-co-lo").json
    assert (body["lots"], body["lot_count"]) == ([], 0)
    with count_queries() as many:
        body = client.get("/api/v1/products/nhieu-lo").json

    assert body["lot_count"] == MAX_PRODUCT_LOTS + 2
    assert [item["produced_on"] for item in body["lots"]] == [
        (TODAY - timedelta(days=n)).isoformat() for n in range(MAX_PRODUCT_LOTS)]
    assert len(many) == len(none)


def test_lot_answers_may_be_cached_for_a_minute(client, lot):
    response = client.get(f"/api/v1/lots/{lot.id}")
    assert response.cache_control.public and response.cache_control.max_age == 60
    assert not client.get("/api/v1/lots/999999").cache_control.public


def test_openapi_documents_the_lot_paths_and_their_schemas(client, lot):
    document = client.get("/api/openapi.json").json
    paths = document["paths"]
    assert {"/api/v1/lots", "/api/v1/lots/{lot_id}", "/api/v1/lots/{lot_id}/epcis"} <= set(paths)
    assert paths["/api/v1/lots/{lot_id}/epcis"]["get"]["responses"]["200"]["content"] == {
        "application/ld+json": {"schema": {"$ref": "#/components/schemas/EPCISDocument"}}}
    for path in ("/api/v1/lots", "/api/v1/lots/{lot_id}"):
        assert set(paths[path]["get"]["responses"]) >= {"200", "400", "404", "default"}
    parameters = {p["name"]: p for p in paths["/api/v1/lots"]["get"]["parameters"]}
    assert set(parameters) == {"gtin", "lot"}
    assert all(p["in"] == "query" and p["required"] for p in parameters.values())
    schemas = document["components"]["schemas"]
    assert set(get_trace(client, lot.id)) == set(schemas["LotTrace"]["properties"])
    assert set(get_trace(client, lot.id)["lot"]) == set(schemas["TraceLot"]["properties"])
    epcis = json.loads(client.get(f"/api/v1/lots/{lot.id}/epcis").get_data(as_text=True))
    assert set(epcis) == set(schemas["EPCISDocument"]["properties"])
    assert {"lots", "lot_count"} <= set(schemas["ProductDetail"]["properties"])

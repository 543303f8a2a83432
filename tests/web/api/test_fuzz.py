"""Schemathesis fuzzes every operation of /api/openapi.json, in process and bounded.

Each operation gets valid requests and invalid ones (wrong types, out of bounds, missing,
unknown methods): every answer must be below 500, of a documented status and media type and
match the documented schema; invalid parameters must be refused with problem details. Half
the valid requests that name a lot or product name one that exists, so the 200 answers are
checked too, not only the 400s and 404s.
"""

import re
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.core.failures import FailureGroup

from shop import create_app
from shop.accounts.models import Role
from shop.api.schemas import GTIN_PATTERN, LOT_PATTERN
from shop.core import gs1
from shop.fairs import services
from shop.outlets.models import DeliveryFee, OpeningHours, OutletStatus
from shop.outlets.stock import receive
from tests.factories import (
    CertificateFactory,
    ComboFactory,
    LotFactory,
    LotInputFactory,
    OutletFactory,
    ProducerFactory,
    ProductFactory,
    ProductImageFactory,
    ProductSubgroupFactory,
    UserFactory,
    ZoneFactory,
)
from tests.unit.fairs.support import fair_input, published_fair
from tests.web.api.conftest import TODAY

PROBLEM_JSON = "application/problem+json"
# Fuzzed requests per operation, besides the few dozen schemathesis derives from the schema
# (boundaries, wrong types, missing parameters, other methods) in its coverage phase.
MAX_EXAMPLES = 50
CONFIG = schemathesis.Config.from_dict({
    # Derandomized and without an example database: every run sends the same requests.
    "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "suppress-health-check": ["too_slow"],
    # A body valid by the schema is still refused for what only the data decides (a slug
    # naming nothing, a phone that is no mobile number, a day the outlet is closed): 422.
    "operations": [{"include-operation-id": "placeOrder", "checks": {
        "positive_data_acceptance": {"expected-statuses": ["201", "409", "422"]}}}],
})
CHECKS = [getattr(schemathesis.checks, name) for name in (
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_schema_conformance", "negative_data_rejection", "positive_data_acceptance")]


def _valid_gtins() -> st.SearchStrategy[str]:
    """GTIN-8, -12, -13 and -14 with the right check digit, as the `gtin` format says."""
    bodies = st.sampled_from(gs1.GTIN_LENGTHS).flatmap(
        lambda length: st.text("0123456789", min_size=length - 1, max_size=length - 1))
    return bodies.map(lambda body: body + str(gs1.check_digit(body)))


schemathesis.openapi.format("gtin", _valid_gtins())

# The plugin parametrizes at collection, before the test app exists, so the document is read
# (through WSGI) from an app of its own, which touches no database or cache: the document
# depends on neither. The requests go to the test app, through the `client` fixture.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", create_app({
    "TESTING": True, "SECRET_KEY": "fuzz", "SQLALCHEMY_DATABASE_URI": "sqlite://",
    "CACHE_TYPE": "SimpleCache"}), config=CONFIG)

# Where each operation names a row, and (filled by the `existing` fixture, as ids differ
# between databases) the rows that exist, by what they are (the kind of row) and the names of
# the parameters naming them.
NAMING = {
    "GET /api/v1/products/{slug}": ("path_parameters", ("slug",), "product"),
    "GET /api/v1/lots/{lot_id}": ("path_parameters", ("lot_id",), "lot"),
    "GET /api/v1/lots/{lot_id}/epcis": ("path_parameters", ("lot_id",), "lot"),
    "GET /api/v1/lots": ("query", ("gtin", "lot"), "digital link"),
    "GET /api/v1/outlets/{slug}": ("path_parameters", ("slug",), "outlet"),
    "GET /api/v1/combos/{slug}": ("path_parameters", ("slug",), "combo"),
    "GET /api/v1/fairs/{slug}": ("path_parameters", ("slug",), "fair"),
}
EXISTING: dict[str, list[tuple]] = {}


# Tea the centre holds (mostly), with the combo it cannot make up (no honey there), or a
# revoked product.
TEA, COMBO = {"product": "tra-o-long"}, {"combo": "qua-tet-ha-noi"}
REVOKED = {"product": "bi-thu-hoi"}
REAL_ITEMS = [[TEA], [TEA, COMBO], [TEA], [REVOKED], [TEA]]


def _real_order(case, items: list[dict], key: int):
    """The fuzzed order, for things that exist, at the centre, on its open day: a unit of tea
    (of the 40 there: 201), with the combo it cannot make up (409), or a revoked product
    (409). Orders take real stock, inside the test's transaction, rolled back after."""
    case.body.update(outlet="ttgt-ocop-ha-noi", items=items, idempotency_key=f"fuzz-{key:016d}",
                     fulfilment={"method": "pickup", "pickup_on": TODAY.isoformat()},
                     contact={"name": "Người mua thử", "phone": "0912345678",
                              "email": "thu@example.vn"}, payment_method="vietqr", gift=None)
    return case


@schema.hook
def flatmap_case(context, case):
    """Half the valid requests that name a lot or product name one that exists; half the
    valid orders name real things (the rest are refused, as their slugs name nothing)."""
    if context.operation.label == "POST /api/v1/orders" and case.meta.generation.mode.is_positive:
        items = st.sampled_from(REAL_ITEMS).map(
            lambda chosen: [{**item, "quantity": 1} for item in chosen])
        return st.one_of(st.just(case), st.builds(_real_order, st.just(case), items,
                                                  st.integers(0, 10**12)))
    location, names, kind = NAMING.get(context.operation.label, ("", (), ""))
    rows = EXISTING.get(kind)
    # Only valid requests: an invalid one would mostly turn valid, and test nothing new.
    if not rows or not case.meta.generation.mode.is_positive:
        return st.just(case)
    return st.one_of(st.just(case), st.sampled_from(rows).map(
        lambda row: _naming(case, location, names, row)))


def _naming(case, location: str, names: tuple[str, ...], row: tuple):
    getattr(case, location).update(zip(names, row, strict=True))
    return case


@pytest.fixture
def existing():
    """Lots of every kind a trace tells apart, of listed and unlisted products."""
    tea = ProductFactory(slug="tra-o-long", gtin="8931234500016", stars=5,
                         subgroup=ProductSubgroupFactory())
    ProductImageFactory(product=tea)
    plain = LotFactory(product=tea, code="L26/11-A")
    recalled = LotFactory(product=tea, code="L26-03", recalled_at=datetime(2026, 3, 5, tzinfo=UTC),
                          recall_reason="Phát hiện nấm mốc")
    expired = LotFactory(product=tea, code="L24.1", produced_on=TODAY - timedelta(days=400),
                         expires_on=TODAY - timedelta(days=1))

    honey = ProductFactory(slug="mat-ong", gtin=None, certificate=None)
    CertificateFactory(product=honey, stars=3, expires_on=TODAY + timedelta(days=30))
    unmapped = ZoneFactory(producer=honey.producer, latitude=None, longitude=None,
                           standard_certificate="", area_ha=Decimal("0.25"))
    expiring = LotFactory(product=honey, harvest=None)
    LotInputFactory(lot=expiring, zone=unmapped)

    revoked = ProductFactory(slug="bi-thu-hoi", gtin="96385074", certificate=None)
    CertificateFactory(product=revoked, revoked_on=TODAY - timedelta(days=3),
                       revocation_number="9/QĐ", revocation_reason="Vi phạm ATTP")
    of_revoked = LotFactory(product=revoked, code="R1")
    uncertified = ProductFactory(slug="chua-chung-nhan", gtin="00012345600012", certificate=None)
    of_uncertified = LotFactory(product=uncertified, code="U1")
    ProducerFactory()  # one without products, which lists leave out

    lots = [plain, recalled, expired, expiring, of_revoked, of_uncertified]
    centre = _outlets(plain, expiring)
    ComboFactory(slug="qua-tet-ha-noi", parts=[(tea, 2), (honey, 1)], sold_at=[centre],
                 province=centre.province, wrapping_fee_vnd=20_000)
    ComboFactory(slug="qua-da-thu-hoi", parts=[(tea, 1), (revoked, 1)], sold_at=[centre])
    _fairs(tea, honey)
    EXISTING.update({
        "product": [("tra-o-long",), ("mat-ong",), ("bi-thu-hoi",), ("chua-chung-nhan",)],
        "lot": [(lot.id,) for lot in lots],
        "digital link": [(lot.product.gtin, lot.code) for lot in lots if lot.product.gtin],
        "outlet": [("ttgt-ocop-ha-noi",), ("diem-ban-hoi-an",), ("da-dong-cua",)],
        "combo": [("qua-tet-ha-noi",), ("qua-da-thu-hoi",)],
        "fair": [("hoi-cho-ocop",), ("hoi-cho-nhap",)],
    })
    yield lots
    EXISTING.clear()


def _fairs(*products) -> None:
    """A published fair showing the listed products; a draft one (not found)."""
    admin = UserFactory(role=Role.ADMIN)
    published_fair(admin, products[0].producer.province, list(products), slug="hoi-cho-ocop")
    services.create_fair(fair_input(products[0].producer.province, slug="hoi-cho-nhap"), admin)


def _outlets(plain, expiring):
    """An open centre delivering and paid by VietQR; a paused point with few left; a closed
    outlet (not found). The centre, which sells the combos."""
    centre = OutletFactory(
        slug="ttgt-ocop-ha-noi", bank_bin="970436", bank_account="0011004455667",
        bank_account_name="TRUNG TAM XTTM HA NOI", accepts_vietqr=True, offers_delivery=True,
        accepts_cod=True, free_delivery_from_vnd=500_000, email="")
    centre.delivery_fees = [DeliveryFee(province_id=centre.province_id, fee_vnd=25_000)]
    centre.hours = [OpeningHours(weekday=0, opens_at=time(7, 30), closes_at=time(11, 30)),
                    OpeningHours(weekday=0, opens_at=time(13, 30), closes_at=time(21))]
    paused = OutletFactory(slug="diem-ban-hoi-an", status=OutletStatus.PAUSED)
    OutletFactory(slug="da-dong-cua", status=OutletStatus.CLOSED)
    admin = UserFactory(role=Role.ADMIN)
    receive(centre.id, plain.id, 40, admin)
    receive(paused.id, expiring.id, 3, admin)
    return centre


@schema.parametrize()
# The examples share one transaction and one set of rows on purpose: the API only reads, but
# for orders, which then take from the centre's stock as real ones would.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_operation_answers_as_documented(case, client, existing):
    case.call_and_validate(session=client, checks=CHECKS)


# What the document promises of an answer, for requests made by hand: whether a request is
# valid is not for schemathesis to judge here, as the test says what it expects.
CONFORMANCE = CHECKS[:4]
GTIN = "8931234500016"


def _operation(label: str):
    method, path = label.split(" ", 1)
    return schema[path][method]


@pytest.mark.parametrize("label", sorted(NAMING))
def test_every_existing_lot_product_and_outlet_answers_as_documented(client, existing, label):
    location, names, kind = NAMING[label]
    statuses = []
    for row in EXISTING[kind]:
        case = _operation(label).Case(**{location: dict(zip(names, row, strict=True))})
        statuses.append(case.call_and_validate(session=client, checks=CONFORMANCE).status_code)
    # Products no longer for sale are not found; their lots are, with warnings; closed outlets
    # are gone.
    expected = {"product": [200, 200, 404, 404], "outlet": [200, 200, 404],
                "combo": [200, 404], "fair": [200, 404]}.get(
        kind, [200] * len(statuses))
    assert statuses == expected


@pytest.mark.parametrize("label", ["GET /api/v1/products", "GET /api/v1/producers",
                                   "GET /api/v1/groups", "GET /api/v1/provinces",
                                   "GET /api/v1/outlets", "GET /api/v1/combos",
                                   "GET /api/v1/fairs"])
def test_every_list_answers_as_documented(client, existing, label):
    response = _operation(label).Case().call_and_validate(session=client, checks=CONFORMANCE)
    assert response.status_code == 200
    assert response.json()["items"]


@pytest.mark.parametrize(("label", "parameters", "name"), [
    ("GET /api/v1/products", {"query": {"page": "0"}}, "page"),
    ("GET /api/v1/products", {"query": {"per_page": "101"}}, "per_page"),
    ("GET /api/v1/products", {"query": {"min_stars": "three"}}, "min_stars"),
    ("GET /api/v1/products", {"query": {"province": "Lâm Đồng"}}, "province"),
    ("GET /api/v1/producers", {"query": {"page": "0"}}, "page"),
    ("GET /api/v1/producers", {"query": {"per_page": "1000"}}, "per_page"),
    ("GET /api/v1/producers", {"query": {"page": "1.5"}}, "page"),
    ("GET /api/v1/products/{slug}", {"path_parameters": {"slug": "x" * 121}}, "slug"),
    ("GET /api/v1/products/{slug}", {"path_parameters": {"slug": "Tra-O-Long"}}, "slug"),
    # PostgreSQL refuses a NUL in text: it must not get that far.
    ("GET /api/v1/products/{slug}", {"path_parameters": {"slug": "tra-o-long\x00"}}, "slug"),
    ("GET /api/v1/lots/{lot_id}", {"path_parameters": {"lot_id": "0"}}, "lot_id"),
    ("GET /api/v1/lots/{lot_id}", {"path_parameters": {"lot_id": "abc"}}, "lot_id"),
    ("GET /api/v1/lots/{lot_id}", {"path_parameters": {"lot_id": str(2**31)}}, "lot_id"),
    ("GET /api/v1/lots/{lot_id}/epcis", {"path_parameters": {"lot_id": "-1"}}, "lot_id"),
    ("GET /api/v1/lots/{lot_id}/epcis", {"path_parameters": {"lot_id": "1.5"}}, "lot_id"),
    ("GET /api/v1/lots", {"query": {"gtin": "8931234500017", "lot": "L26/11-A"}}, "gtin"),
    ("GET /api/v1/lots", {"query": {"gtin": "89312345000", "lot": "L26/11-A"}}, "gtin"),
    ("GET /api/v1/lots", {"query": {"gtin": "893123450001x", "lot": "L26/11-A"}}, "gtin"),
    ("GET /api/v1/lots", {"query": {"lot": "L26/11-A"}}, "gtin"),
    ("GET /api/v1/lots", {"query": {"gtin": GTIN, "lot": "Lô 1"}}, "lot"),
    ("GET /api/v1/lots", {"query": {"gtin": GTIN, "lot": ".."}}, "lot"),
    ("GET /api/v1/lots", {"query": {"gtin": GTIN, "lot": "L" * 21}}, "lot"),
    ("GET /api/v1/outlets", {"query": {"province": "Hà Nội"}}, "province"),
    ("GET /api/v1/outlets/{slug}", {"path_parameters": {"slug": "TTGT"}}, "slug"),
    ("GET /api/v1/outlets/{slug}", {"path_parameters": {"slug": "x" * 121}}, "slug"),
    ("GET /api/v1/fairs/{slug}", {"path_parameters": {"slug": "Hội-chợ"}}, "slug"),
], ids=lambda value: value if isinstance(value, str) else ascii(*value.values())[:40])
def test_a_bad_parameter_is_a_400_problem_naming_it(client, existing, label, parameters, name):
    case = _operation(label).Case(**parameters)
    response = case.call_and_validate(session=client, checks=CONFORMANCE)

    assert response.status_code == 400
    assert response.headers["content-type"] == [PROBLEM_JSON]
    body = response.json()
    assert body["type"] == "about:blank"
    assert body["status"] == 400
    assert body["title"] and body["detail"]
    assert [error["name"] for error in body["errors"]] == [name]
    assert body["errors"][0]["reason"]


def test_the_checks_catch_a_server_error_and_an_undocumented_answer(client, existing):
    url = f"/api/v1/lots/{existing[0].id}"
    case = _operation("GET /api/v1/lots/{lot_id}").Case(path_parameters={"lot_id": existing[0].id})
    case.validate_response(client.get(url), checks=CHECKS)

    crashed, incomplete, html = client.get(url), client.get(url), client.get(url)
    crashed.status_code = 500
    incomplete.set_data(incomplete.get_data().replace(b'"as_of"', b'"as_on"'))
    html.mimetype = "text/html"
    for response in (crashed, incomplete, html):
        with pytest.raises(FailureGroup):
            case.validate_response(response, checks=CHECKS)


def test_the_documented_gs1_patterns_are_gs1s_rules():
    characters = {chr(code) for code in range(0x2000)} | {"ệ", "đ"}
    assert {c for c in characters if re.fullmatch(LOT_PATTERN, "L" + c)} == gs1.CSET82
    assert {c for c in characters if re.fullmatch(LOT_PATTERN, c)} == gs1.CSET82 - {"."}
    assert re.fullmatch(LOT_PATTERN, "..1.") and not re.fullmatch(LOT_PATTERN, "..")
    lengths = {n for n in range(1, 20) if re.fullmatch(GTIN_PATTERN, "0" * n)}
    assert lengths == set(gs1.GTIN_LENGTHS)
    assert not re.fullmatch(GTIN_PATTERN, "893123450001x")

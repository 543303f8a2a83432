"""The resolver at GS1 Digital Link paths: people get the trace page, machines a linkset."""

import pytest

from shop.trace.links import lot_url
from shop.trace.linkset import GS1_VOCABULARY, LINKSET_TYPE
from tests.factories import LotFactory, ProductFactory, UnitFactory

HOST = "https://ocop.example.vn"
GTIN13 = "8931234500016"  # a valid GTIN-13 under Vietnam's prefix
GTIN14 = "0" + GTIN13


@pytest.fixture
def lot():
    return LotFactory(product=ProductFactory(gtin=GTIN13, name_en="Lotus tea"), code="L26/11-A")


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en")


def test_the_label_url_is_a_digital_link_with_the_lot_encoded_and_the_expiry(lot):
    expiry = lot.expires_on.strftime("%y%m%d")
    assert lot_url(lot) == f"{HOST}/01/{GTIN14}/10/L26%2F11-A?17={expiry}"


def test_a_person_scanning_a_lot_code_sees_the_trace_page(client, lot):
    response = client.get(f"/01/{GTIN14}/10/L26%2F11-A")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Lotus tea" in page and "Lot L26/11-A" in page
    assert response.headers["Link"] == (
        f'<{HOST}/01/{GTIN14}/10/L26%2F11-A?linkType=all>; rel="linkset"; '
        f'type="{LINKSET_TYPE}"')


def test_the_gtin_13_form_resolves_too(client, lot):
    assert client.get(f"/01/{GTIN13}/10/L26%2F11-A").status_code == 200


@pytest.mark.parametrize("ask", [{"query_string": {"linkType": "all"}},
                                 {"headers": {"Accept": LINKSET_TYPE}}])
def test_a_machine_gets_a_linkset_with_the_gs1_link_types(client, lot, ask):
    response = client.get(f"/01/{GTIN14}/10/L26%2F11-A", **ask)
    assert response.status_code == 200
    assert response.mimetype == LINKSET_TYPE
    (context,) = response.get_json()["linkset"]
    assert context["anchor"] == f"{HOST}/01/{GTIN14}/10/L26%2F11-A"
    links = {key.removeprefix(GS1_VOCABULARY): value[0]["href"] for key, value in context.items()
             if key != "anchor"}
    assert links["pip"] == f"{HOST}/products/{lot.product.slug}"
    assert links["traceability"] == f"{HOST}/01/{GTIN14}/10/L26%2F11-A"
    assert links["certificationInfo"] == f"{HOST}/products/{lot.product.slug}#certificate"
    assert links["epcis"] == f"{HOST}/api/v1/lots/{lot.id}/epcis"
    assert links["defaultLink"] == links["traceability"]


def test_link_type_pip_redirects_to_the_product_page(client, lot):
    response = client.get(f"/01/{GTIN14}/10/L26%2F11-A?linkType=gs1:pip")
    assert response.status_code == 307
    assert response.location == f"{HOST}/products/{lot.product.slug}"


def test_an_unknown_link_type_falls_back_to_the_trace_page(client, lot):
    response = client.get(f"/01/{GTIN14}/10/L26%2F11-A?linkType=gs1:recipeInfo")
    assert response.status_code == 200 and "Lot L26/11-A" in response.get_data(as_text=True)


def test_a_gtin_alone_sends_a_person_to_the_product_page(client, lot):
    response = client.get(f"/01/{GTIN14}")
    assert response.status_code == 307
    assert response.location == f"{HOST}/products/{lot.product.slug}"


@pytest.mark.parametrize(("path", "reason"), [
    ("/01/08931234500012/10/A1", "check digit should be 6"),
    ("/01/0893123450001X/10/A1", "only digits"),
    ("/01/893/10/A1", "8, 12, 13 or 14 digits"),
    ("/01/08931234500016/10/ABCDEFGHIJKLMNOPQRSTU", "21 characters"),
    ("/01/08931234500016/10/L%C3%A9", "does not allow"),
    ("/01/08931234500016/21/S1/10/A1", "order 22, 10, 21"),
    ("/01/08931234500016/99/A1", "not a qualifier"),
    ("/01/08931234500016/10", "needs a value"),
])
def test_a_malformed_link_is_a_400_that_says_what_is_wrong(client, path, reason):
    response = client.get(path)
    assert response.status_code == 400
    assert reason in response.get_data(as_text=True)


def test_a_malformed_link_asked_by_a_machine_gets_problem_details(client):
    response = client.get("/01/08931234500012/10/A1", headers={"Accept": LINKSET_TYPE})
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert "check digit" in response.get_json()["detail"]


def test_an_unknown_product_or_lot_is_a_404(client, lot):
    assert client.get("/01/08931234500023/10/L1").status_code == 404
    response = client.get(f"/01/{GTIN14}/10/NOPE")
    assert response.status_code == 404
    assert "No lot NOPE" in response.get_data(as_text=True)


def test_a_product_without_gtin_gets_a_short_trace_url_that_resolves(client):
    lot = LotFactory(product=ProductFactory(gtin=None))
    assert lot_url(lot) == f"{HOST}/t/{lot.token}"
    assert client.get(f"/t/{lot.token}").status_code == 200
    assert client.get("/t/unknown").status_code == 404


def test_a_unit_is_found_by_gtin_and_serial_alone(client, lot):
    unit = UnitFactory(run__lot=lot)
    response = client.get(f"/01/{GTIN14}/21/{unit.serial}")
    assert response.status_code == 200
    assert "first check of this code" in response.get_data(as_text=True)
    assert client.get(f"/01/{GTIN14}/21/NEVERISSUED1").status_code == 404

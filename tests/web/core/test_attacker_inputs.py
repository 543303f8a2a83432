"""Inputs an attacker sends by hand: huge ids and pages, control characters in `next`,
broken links and more rows than a form offers answer 4xx, never 500."""

from urllib.parse import unquote

import pytest

from shop.accounts.models import Role
from shop.core.urls import MAX_ID, safe_next
from shop.extensions import db
from shop.producers.models import Producer
from tests.factories import (
    PASSWORD,
    ProducerFactory,
    ProductFactory,
    UserFactory,
    ZoneFactory,
)

TOO_BIG = 2**63  # past SQLite's 64 bits; MAX_ID + 1 is past PostgreSQL's INTEGER


def int_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every route with an `<int:…>` part, filled with 2^63."""
    routes = []
    for rule in app.url_map.iter_rules():
        ints = {name for name, converter in rule._converters.items()
                if type(converter).__name__ == "IdConverter"}
        if not ints:
            continue
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<int:{name}>", str(TOO_BIG) if name in ints else "1")
        method = "GET" if "GET" in rule.methods else "POST"
        routes.append((method, path))
    return routes


def test_the_portal_the_registry_and_the_labels_have_int_routes(app):
    paths = [path for _, path in int_routes(app)]
    assert any(path.startswith("/portal/") for path in paths)
    assert any(path.startswith("/registry/") for path in paths)
    assert f"/labels/lots/{TOO_BIG}.png" in paths


@pytest.mark.parametrize("role", [None, Role.PRODUCER, Role.OFFICER, Role.ADMIN])
def test_ids_past_the_64_bit_range_name_nothing(app, client, sign_in, role):
    if role is not None:
        sign_in(UserFactory(role=role, producer=ProducerFactory() if role is Role.PRODUCER
                            else None))
    for method, path in int_routes(app):
        response = client.open(path, method=method)
        assert response.status_code == 404, (method, path)


@pytest.mark.parametrize("too_big", [MAX_ID + 1, 2**63 - 1, TOO_BIG])
def test_ids_no_column_holds_are_not_looked_up(client, too_big):
    assert client.get(f"/labels/lots/{too_big}.png").status_code == 404
    assert client.get(f"/labels/lots/{too_big}.svg").status_code == 404


def test_the_largest_id_is_looked_up_and_not_found(client):
    assert client.get(f"/labels/lots/{MAX_ID}.png").status_code == 404
    assert client.get(f"/labels/lots/{MAX_ID}.svg").status_code == 404


@pytest.mark.parametrize("page", ["922337203685477580", str(TOO_BIG), "-5", "٣", "1e9", ""])
def test_huge_or_odd_page_numbers_show_a_page(client, sign_in, page):
    producer = ProducerFactory()
    sign_in(UserFactory(role=Role.ADMIN, producer=producer))
    assert client.get(f"/portal/lots?page={page}").status_code == 200
    assert client.get(f"/registry/?page={page}").status_code == 200


@pytest.mark.parametrize("target", ["/a\rb", "/a\nb", "/a%0Db", "/\t/evil.example",
                                    "/a\x00b", "/\n/evil.example"])
def test_control_characters_in_next_fall_back(target):
    assert safe_next(unquote(target), "/home") == "/home"


@pytest.mark.parametrize("path", ["/lang/en?next=/a%0Db", "/lang/vi?next=/a%0Ab",
                                  "/lang/en?next=/%09/evil.example"])
def test_switching_language_with_a_control_character_in_next_goes_home(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_signing_in_and_up_with_a_control_character_in_next_is_no_error(client):
    assert client.get("/sign-in?next=/a%0Db").status_code == 200
    assert client.get("/sign-up?next=/a%0Db").status_code == 200
    user = UserFactory(email="next@example.vn")
    response = client.post("/sign-in?next=/a%0Db", data={"email": user.email,
                                                          "password": PASSWORD})
    assert response.status_code == 302
    assert "\r" not in response.headers["Location"]
    assert response.headers["Location"] == "/"


def test_a_broken_link_in_the_registrys_lot_finder_is_explained(client, sign_in, officer):
    sign_in(officer)
    client.set_cookie("lang", "en")
    response = client.get("/registry/lots?link=http://[x/01/08931454800033/10/L1")
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    assert "This is not a lot&#39;s trace link: This is not a web address." in page.get_data(
        as_text=True)


def lot_rows(product, zone, count: int) -> dict:
    data = {"product_id": str(product.id), "code": "ROWS-1", "produced_on": "2026-03-10",
            "expires_on": "2027-03-10", "quantity": "10", "unit": "hộp"}
    for index in range(count):
        data |= {f"inputs-{index}-zone_id": str(zone.id),
                 f"inputs-{index}-harvested_on": "2026-03-01",
                 f"inputs-{index}-quantity_kg": "1"}
    return data


def producer_of(member):
    """The producer a member belongs to."""
    return db.session.get(Producer, member.producer_ids[0])


@pytest.fixture
def producer_member(client, sign_in):
    member = UserFactory(role=Role.PRODUCER, producer=ProducerFactory())
    sign_in(member)
    client.set_cookie("lang", "en")
    return member


@pytest.mark.parametrize("count", [31, 45])
def test_more_input_rows_than_the_form_offers_are_refused(client, producer_member, count):
    product = ProductFactory(producer=producer_of(producer_member))
    zone = ZoneFactory(producer=producer_of(producer_member))
    response = client.post("/portal/lots/new", data=lot_rows(product, zone, count))
    assert response.status_code == 400
    assert "A lot lists at most 30 rows of raw material." in response.get_data(as_text=True)


def test_adding_a_row_past_the_last_one_is_refused(client, producer_member):
    product = ProductFactory(producer=producer_of(producer_member))
    zone = ZoneFactory(producer=producer_of(producer_member))
    response = client.post("/portal/lots/new",
                           data=lot_rows(product, zone, 30) | {"add_row": "1"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "A lot lists at most 30 rows of raw material." in html
    assert html.count('name="inputs-29-zone_id"') == 1
    assert 'name="inputs-30-zone_id"' not in html


def test_thirty_rows_are_recorded(client, producer_member):
    product = ProductFactory(producer=producer_of(producer_member))
    zone = ZoneFactory(producer=producer_of(producer_member))
    response = client.post("/portal/lots/new", data=lot_rows(product, zone, 30))
    assert response.status_code == 302

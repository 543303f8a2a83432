"""Absolute URLs name PUBLIC_HOST, never the Host a request claims (which anyone can forge)."""

import pytest
from flask import request

from shop.core.urls import absolute_url
from shop.trace.linkset import LINKSET_TYPE
from tests.factories import LotFactory, ProductFactory, ProductImageFactory

HOST = "https://ocop.example.vn"
FORGED = {"Host": "evil.example"}
GTIN13 = "8931234500016"


@pytest.fixture
def lot():
    product = ProductFactory(slug="tra-sen", gtin=GTIN13)
    ProductImageFactory(product=product)
    return LotFactory(product=product, code="L1")


def test_the_forged_host_reaches_the_request(app):
    with app.test_request_context("/", headers=FORGED):
        assert request.host == "evil.example"
        assert absolute_url("catalog.product", slug="tra-sen") == f"{HOST}/products/tra-sen"


@pytest.mark.parametrize("path", [
    "/api/v1/products",
    "/api/v1/products/tra-sen",
    "/sitemap.xml",
    f"/01/0{GTIN13}/10/L1?linkType=all",
    f"/01/0{GTIN13}/10/L1",
])
def test_no_response_names_a_forged_host(client, lot, path):
    response = client.get(path, headers=FORGED)
    assert response.status_code == 200, response.get_data(as_text=True)
    everything = response.get_data(as_text=True) + str(response.headers)
    assert "evil.example" not in everything
    assert f"{HOST}/" in everything


def test_the_api_lot_and_its_links_name_the_public_host(client, lot):
    body = client.get(f"/api/v1/lots/{lot.id}", headers=FORGED).get_json()
    assert body["lot"]["epcis_url"] == f"{HOST}/api/v1/lots/{lot.id}/epcis"
    assert body["product"]["url"] == f"{HOST}/products/tra-sen"
    assert body["product"]["image_url"].startswith(f"{HOST}/media/")
    response = client.get(f"/01/0{GTIN13}/10/L1", headers={**FORGED, "Accept": LINKSET_TYPE})
    assert "evil.example" not in response.get_data(as_text=True)


def test_a_public_host_with_a_path_prefixes_every_url(make_app):
    app = make_app(PUBLIC_HOST="https://shop.example.vn/ocop")
    with app.app_context():
        assert absolute_url("catalog.products") == "https://shop.example.vn/ocop/products"

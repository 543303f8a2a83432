"""A provincial officer's registry: their province's producers only, by every identifier."""

import pytest

from shop.registry.services import live_certificates
from tests.factories import ProducerFactory, ProductFactory, ProvinceFactory
from tests.unit.registry.support import provincial_officer


@pytest.fixture
def world():
    """A product in the officer's province and one in another; ids as the pages use them."""
    own_province, other_province = ProvinceFactory(name="Lâm Đồng"), ProvinceFactory()
    own = ProductFactory(name_en="Own tea", producer=ProducerFactory(province=own_province))
    other = ProductFactory(name_en="Other honey",
                           producer=ProducerFactory(province=other_province))
    certificates = live_certificates([own.id, other.id])
    return {"officer": provincial_officer(own_province), "own": own.id, "other": other.id,
            "own_certificate": certificates[own.id].id,
            "other_certificate": certificates[other.id].id}


@pytest.fixture
def officer_client(client, sign_in, world):
    client.set_cookie("lang", "en")
    return sign_in(world["officer"])


REFUSAL = "This product is from another province"


def test_the_registry_shows_the_officers_province_only(officer_client):
    html = officer_client.get("/registry/").get_data(as_text=True)
    assert "Own tea" in html and "Other honey" not in html


def test_the_certificate_form_offers_the_officers_products_only(officer_client, world):
    html = officer_client.get("/registry/certificates/new").get_data(as_text=True)
    assert "Own tea" in html and "Other honey" not in html


@pytest.mark.parametrize("product", ["own", "other"])
def test_recording_by_form_field_is_refused_outside_the_province(officer_client, world, product):
    response = officer_client.post("/registry/certificates/new", data={
        "product_id": str(world[product]), "number": "125/QĐ-UBND",
        "authority": "UBND tỉnh Lâm Đồng", "level": "province", "stars": "4", "score": "78",
        "recognized_on": "2026-03-02"})
    number = live_certificates([world[product]])[world[product]].number
    if product == "own":
        assert response.status_code == 302 and number == "125/QĐ-UBND"
    else:
        html = response.get_data(as_text=True)
        assert response.status_code == 400 and number != "125/QĐ-UBND"
        assert f'<p class="error" id="product_id-error">{REFUSAL}' in html
        assert 'value="125/QĐ-UBND"' in html  # what was typed is kept


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_revoking_by_path_id_is_refused_outside_the_province(officer_client, world, method):
    path = f"/registry/certificates/{world['other_certificate']}/revoke"
    response = officer_client.open(path, method=method, data={
        "number": "9/QĐ-UBND", "revoked_on": "2026-03-16", "reason": "Vi phạm an toàn"})
    assert response.status_code == 403
    assert REFUSAL in response.get_data(as_text=True)
    assert live_certificates([world["other"]])[world["other"]].revoked_on is None
    own = f"/registry/certificates/{world['own_certificate']}/revoke"
    assert officer_client.get(own).status_code == 200

"""The combo list and page: for sale only while every component is listed, with the saving,
where to buy in bands, and schema.org JSON-LD."""

import json
import re

from tests.factories import ComboFactory, ProductFactory
from tests.unit.combos.conftest import revoke


def _jsonld(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found, "the page carries JSON-LD"
    return json.loads(found.group(1))


def test_the_page_shows_components_price_saving_and_where_to_buy(client, combo):
    response = client.get("/combos/qua-tet-tay-bac")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Northwest Tết box" in page
    assert 'href="/products/tra-shan-tuyet"' in page and "Mint honey" in page
    assert "₫350,000" in page and "₫420,000" in page and "You save ₫70,000" in page
    assert "Available at 1 outlet" in page and "Đà Lạt OCOP outlet" in page
    assert "In stock" in page
    assert "20" not in re.sub(r"<[^>]+>", "", page.split('id="where-title"')[1])


def test_the_jsonld_is_a_product_with_an_offer_in_vnd_and_the_certificates(client, combo):
    document = _jsonld(client.get("/combos/qua-tet-tay-bac").get_data(as_text=True))
    assert document["@type"] == "Product" and document["name"] == "Northwest Tết box"
    assert document["offers"] == {
        "@type": "Offer", "url": "https://ocop.example.vn/combos/qua-tet-tay-bac", "price": 350000,
        "priceCurrency": "VND", "availability": "https://schema.org/InStock", "offerCount": 1}
    assert len(document["award"]) == 2 and document["award"][0].startswith("OCOP 5★")


def test_out_of_stock_everywhere_says_so_in_page_and_jsonld(client, tea, honey):
    ComboFactory(slug="qua-het-hang", parts=[(tea, 1), (honey, 1)])
    page = client.get("/combos/qua-het-hang").get_data(as_text=True)
    assert "Out of stock at every outlet" in page
    assert _jsonld(page)["offers"]["availability"] == "https://schema.org/OutOfStock"


def test_a_revoked_component_takes_it_off_list_page_and_home_at_once(client, combo, honey):
    assert "Northwest Tết box" in client.get("/combos").get_data(as_text=True)
    assert "Northwest Tết box" in client.get("/").get_data(as_text=True)

    revoke(honey)

    assert "Northwest Tết box" not in client.get("/combos").get_data(as_text=True)
    assert "Northwest Tết box" not in client.get("/").get_data(as_text=True)
    response = client.get("/combos/qua-tet-tay-bac")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "no longer OCOP-certified" in page and "Mint honey" in page
    assert "₫350,000" not in page and "ld+json" not in page


def test_an_unknown_combo_is_a_plain_404(client):
    assert client.get("/combos/khong-co").status_code == 404


def test_search_folds_diacritics_tet_finds_tet(client, combo):
    ComboFactory(name_vi="Quà Trung thu Hà Nội", name_en="Hanoi mid-autumn gifts",
                 occasion="mid_autumn", story_vi="Bánh và trà cho đêm rằm.",
                 story_en="Cakes and tea for the full-moon night.")
    found = client.get("/combos?q=tet").get_data(as_text=True)
    assert "Northwest Tết box" in found and "Hanoi mid-autumn gifts" not in found
    assert "Hanoi mid-autumn gifts" in client.get("/combos?q=trung+thu").get_data(as_text=True)
    assert "Northwest Tết box" in client.get("/combos?q=lao+cai").get_data(as_text=True)


def test_filters_by_occasion_province_and_price_and_sorts(client, combo):
    ComboFactory(name_en="Teachers' day tea", occasion="teachers_20_11", price_vnd=90_000,
                 parts=[(ProductFactory(), 1), (ProductFactory(), 1)])
    by_occasion = client.get("/combos?occasion=teachers_20_11").get_data(as_text=True)
    assert "Teachers&#39; day tea" in by_occasion and "Northwest Tết box" not in by_occasion
    assert "Teachers&#39; day tea" not in client.get("/combos?province=lao-cai").get_data(
        as_text=True)
    cheap = client.get("/combos?price_max=100000").get_data(as_text=True)
    assert "Teachers&#39; day tea" in cheap and "Northwest Tết box" not in cheap
    ordered = client.get("/combos?sort=price_asc").get_data(as_text=True)
    assert ordered.index("Teachers&#39; day tea") < ordered.index("Northwest Tết box")


def test_bad_filters_are_dropped_and_said(client, combo):
    response = client.get("/combos?occasion=christmas&price_min=-5&page=abc")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Northwest Tết box" in page and "were ignored" in page

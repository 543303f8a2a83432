"""A product's page says where it can be had now, in bands, and carries schema.org JSON-LD
(price in VND, availability from the outlets' stock, the OCOP certificate as an award)."""

import json
import re

from sqlalchemy import select

from shop.accounts.models import Role
from shop.ocop.models import Certificate
from shop.producers.models import Producer
from shop.trace.lots import recall_lot
from tests.factories import OutletFactory, UserFactory
from tests.web.outlets.conftest import stock


def _jsonld(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found, "the page carries JSON-LD"
    return json.loads(found.group(1))


def _where(page: str) -> str:
    """The text of the page's "Where to buy" section."""
    section = page.split('id="where-title"')[1].split("</section>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))


def test_the_page_lists_the_outlets_in_bands_never_counts(client, outlet, tea):
    other = OutletFactory(name_vi="Điểm bán OCOP Sa Pa", name_en="Sa Pa OCOP outlet")
    stock(outlet, tea, 37)
    stock(other, tea, 3)
    page = client.get(f"/products/{tea.slug}").get_data(as_text=True)

    where = _where(page)
    assert "Available at 2 outlets" in where
    assert "Hội An OCOP outlet In stock" in where and "Sa Pa OCOP outlet Few left" in where
    assert not re.search(r"\b(37|3|40)\b", where.replace("2 outlets", ""))
    assert 'name="item_id"' in page  # it can go in the cart


def test_the_jsonld_is_a_product_with_its_offer_brand_and_certificate(client, session, outlet,
                                                                     tea):
    stock(outlet, tea, 8)
    document = _jsonld(client.get(f"/products/{tea.slug}").get_data(as_text=True))
    producer = session.get(Producer, tea.producer_id)
    certificate = session.scalar(select(Certificate).where(Certificate.product_id == tea.id,
                                                           Certificate.superseded.is_(False)))

    assert document["@context"] == "https://schema.org" and document["@type"] == "Product"
    assert document["name"] == "Oolong tea"
    assert document["brand"] == {"@type": "Brand", "name": producer.name}
    assert document["award"] == f"OCOP {certificate.stars}★ ({certificate.number})"
    assert document["offers"] == {
        "@type": "Offer", "url": f"https://ocop.example.vn/products/{tea.slug}",
        "price": tea.price_vnd, "priceCurrency": "VND",
        "availability": "https://schema.org/InStock", "offerCount": 1}


def test_out_of_stock_everywhere_says_so_and_offers_no_cart(client, tea):
    page = client.get(f"/products/{tea.slug}").get_data(as_text=True)
    assert "Out of stock at every outlet at the moment." in _where(page)
    assert _jsonld(page)["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert 'name="item_id"' not in page


def test_a_recall_empties_where_to_buy_of_a_cached_page_at_once(client, outlet, tea):
    lot = stock(outlet, tea, 12)
    assert "Available at 1 outlet" in client.get(f"/products/{tea.slug}").get_data(as_text=True)

    recall_lot(lot.id, "Nhiễm nấm mốc", UserFactory(role=Role.OFFICER))

    page = client.get(f"/products/{tea.slug}").get_data(as_text=True)
    assert "Out of stock at every outlet at the moment." in _where(page)
    assert _jsonld(page)["offers"]["availability"] == "https://schema.org/OutOfStock"

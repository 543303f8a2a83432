"""The portal's home page: the producer a member acts for, each feature's panel of its data,
and no portal for an account outside any producer."""

import pytest

from shop.accounts.models import Role
from tests.factories import LotFactory, ProductFactory, UserFactory, ZoneFactory


@pytest.fixture
def lot(producer):
    return LotFactory(product=ProductFactory(producer=producer), code="LOT-42")


def test_the_home_page_counts_the_producers_zones_and_lots(member_client, producer, lot):
    ZoneFactory(producer=producer, status="suspended")
    LotFactory(product=lot.product, recalled_at=lot.created_at, recall_reason="Mốc")
    LotFactory()  # another producer's lot, with another producer's zone
    html = member_client.get("/portal/").get_data(as_text=True)
    assert "<h1>HTX Chè Cầu Đất</h1>" in html
    # Each lot made by the factory brings a zone of its own.
    assert '<dd id="zone-count">3</dd>' in html
    assert '<dd id="active-zone-count">2</dd>' in html
    assert '<dd id="lot-count">2</dd>' in html
    assert '<dd id="recalled-lot-count">1</dd>' in html
    assert 'href="/portal/zones"' in html and 'href="/portal/lots"' in html
    # The panels of trace (zones, lots), then of the catalog (listings), in that order.
    assert (html.index('id="zones-title"') < html.index('id="lots-title"')
            < html.index('id="products-title"'))
    assert 'href="/portal/products"' in html


def test_an_account_outside_any_producer_has_no_portal(client, sign_in):
    sign_in(UserFactory(role=Role.ADMIN))
    response = client.get("/portal/")
    assert response.status_code == 403
    assert "Your account does not belong to a producer." in response.get_data(as_text=True)

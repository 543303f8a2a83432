"""The public outlet pages: where to buy, opening hours, a map link, and bands, never counts."""

import re
from datetime import UTC, datetime

from shop.accounts.models import Role
from shop.outlets.models import OutletStatus
from shop.trace.lots import recall_lot
from tests.factories import OutletFactory, ProductFactory, ProvinceFactory, UserFactory
from tests.web.outlets.conftest import stock


def test_the_list_shows_address_hours_and_a_map_link(client, outlet):
    page = client.get("/outlets").get_data(as_text=True)
    assert "Hội An OCOP outlet" in page
    assert "25 Trần Phú, Phường Hội An, Đà Nẵng" in page
    assert ('href="https://www.openstreetmap.org/?mlat=15.877200&amp;mlon=108.326100'
            '#map=17/15.877200/108.326100"') in page
    assert "Open now" in page  # Monday 10:00, open 08:00–21:00
    assert 'href="tel:02353861234">0235 386 1234<' in page


def test_the_list_filters_by_province_and_hides_closed_outlets(client, outlet):
    elsewhere = OutletFactory(name_en="Sa Pa OCOP outlet",
                              province=ProvinceFactory(name="Lào Cai", slug="lao-cai"))
    OutletFactory(name_en="Gone for good", status=OutletStatus.CLOSED, province=outlet.province)

    everywhere = client.get("/outlets").get_data(as_text=True)
    assert "Sa Pa OCOP outlet" in everywhere and "Gone for good" not in everywhere
    in_da_nang = client.get("/outlets?province=da-nang").get_data(as_text=True)
    assert "Hội An OCOP outlet" in in_da_nang and "Sa Pa OCOP outlet" not in in_da_nang
    assert "OCOP outlets in Đà Nẵng" in in_da_nang
    assert client.get("/outlets?province=no-such-place").status_code == 200
    assert elsewhere.slug in client.get("/outlets?province=lao-cai").get_data(as_text=True)


def test_an_outlet_page_shows_its_products_in_bands_never_counts(client, outlet, tea):
    honey = ProductFactory(name_en="Coffee blossom honey")
    stock(outlet, tea, 37)
    stock(outlet, honey, 4)
    page = client.get(f"/outlets/{outlet.slug}").get_data(as_text=True)

    assert "Oolong tea" in page and "In stock" in page
    assert "Coffee blossom honey" in page and "Few left" in page
    # As a number of its own: factory names carry sequence numbers ("HTX Đồng Xanh 1379").
    assert not re.search(r"\b37\b", page) and ">4<" not in page
    assert "Monday" in page and "08:00–21:00" in page
    assert "Cash at pickup" in page and "Tax code 0101234567" in page


def test_a_recalled_lot_leaves_the_outlet_page_at_once(client, outlet, tea):
    lot = stock(outlet, tea, 12)
    recall_lot(lot.id, "Nhiễm nấm mốc", UserFactory(role=Role.OFFICER))
    page = client.get(f"/outlets/{outlet.slug}").get_data(as_text=True)
    assert "Oolong tea" not in page
    assert "No OCOP products in stock here at the moment." in page


def test_a_paused_outlet_says_so_and_a_closed_one_is_gone(client, outlet):
    outlet.status = OutletStatus.PAUSED
    page = client.get(f"/outlets/{outlet.slug}").get_data(as_text=True)
    assert "not taking orders for the moment" in page
    outlet.status = OutletStatus.CLOSED
    assert client.get(f"/outlets/{outlet.slug}").status_code == 404
    assert client.get("/outlets/no-such-outlet").status_code == 404


def test_a_closed_day_and_evening_are_shown_closed(client, outlet, time_machine):
    time_machine.move_to(datetime(2026, 3, 16, 15, 30, tzinfo=UTC))  # 22:30 in Vietnam
    assert "Closed now" in client.get("/outlets").get_data(as_text=True)

"""A combo of two listed products at an outlet with stock, read in English."""

import pytest

from tests.factories import ComboFactory, OutletFactory, ProductFactory, ProvinceFactory
from tests.unit.combos.conftest import stock


@pytest.fixture(autouse=True)
def _english(client):
    client.set_cookie("lang", "en")


@pytest.fixture
def outlet():
    return OutletFactory(name_vi="Điểm bán OCOP Đà Lạt", name_en="Đà Lạt OCOP outlet",
                         slug="diem-ban-da-lat")


@pytest.fixture
def tea():
    return ProductFactory(name_en="Shan tuyet tea", slug="tra-shan-tuyet", price_vnd=120_000,
                          stars=5)


@pytest.fixture
def honey():
    return ProductFactory(name_en="Mint honey", slug="mat-ong-bac-ha", price_vnd=180_000)


@pytest.fixture
def combo(outlet, tea, honey):
    """Two teas and a honey, 350.000 ₫ against 420.000 ₫ bought one by one, in stock."""
    made = ComboFactory(slug="qua-tet-tay-bac", name_vi="Hộp quà Tết Tây Bắc",
                        name_en="Northwest Tết box", price_vnd=350_000,
                        province=ProvinceFactory(name="Lào Cai", slug="lao-cai"),
                        parts=[(tea, 2), (honey, 1)], sold_at=[outlet])
    stock(outlet, tea, 20)
    stock(outlet, honey, 20)
    return made

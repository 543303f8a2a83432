"""A published fair in Lâm Đồng with two producers' products, on a fixed day."""

import pytest

from shop.core import clock
from tests.factories import CertificateFactory, ProducerFactory, ProductFactory, ProvinceFactory
from tests.unit.fairs.support import provincial_officer, published_fair


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture
def province():
    return ProvinceFactory(name="Lâm Đồng", slug="lam-dong")


@pytest.fixture
def officer(province):
    return provincial_officer(province)


@pytest.fixture
def products(province):
    coffee = ProducerFactory(name="HTX Cà phê Cầu Đất", province=province)
    tea = ProducerFactory(name="Công ty Trà Bảo Lộc")
    made = [ProductFactory(name_vi="Cà phê Arabica Cầu Đất", name_en="Cau Dat Arabica coffee",
                           slug="ca-phe-arabica-cau-dat", producer=coffee, stars=5),
            ProductFactory(name_vi="Trà ô long Bảo Lộc", name_en="Bao Loc oolong tea",
                           slug="tra-o-long-bao-loc", producer=tea, certificate=None)]
    CertificateFactory(product=made[1], stars=3,
                       expires_on=clock.today().replace(year=2027))
    return made


@pytest.fixture
def fair(officer, province, products):
    return published_fair(officer, province, products, slug="hoi-cho-ocop-lam-dong")

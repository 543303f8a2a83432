"""The public fair pages, the outlets selling each product, the catalog PDF and its QR codes."""

import re
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from shop.accounts.models import Role
from shop.core import clock
from shop.extensions import db
from shop.fairs import services
from shop.ocop.models import Certificate
from shop.outlets.models import OutletStatus
from shop.outlets.reservations import take_fefo
from shop.outlets.stock import receive
from tests.factories import (
    LotFactory,
    OutletFactory,
    ProductFactory,
    ProductImageFactory,
    UserFactory,
)
from tests.unit.fairs.support import fair_input, published_fair


def test_the_fair_shows_its_booths_and_products_with_badges_and_links(client, fair):
    page = client.get("/fairs/hoi-cho-ocop-lam-dong").get_data(as_text=True)
    assert "Hội chợ OCOP Lâm Đồng 2026" in page
    assert 'id="booth-A-1"' in page and 'id="booth-A-2"' in page
    assert 'href="/products/ca-phe-arabica-cau-dat"' in page
    assert "star-badge-5" in page and "star-badge-3" in page
    assert "<strong>Hơn 100</strong>" in page
    assert 'href="/fairs/hoi-cho-ocop-lam-dong/catalog.pdf"' in page


@pytest.mark.parametrize(("query", "shown", "hidden"), [
    ("stars=5", "ca-phe-arabica", "tra-o-long"),
    ("province=lam-dong", "ca-phe-arabica", "tra-o-long"),
    ("stars=4&group=nothing", None, "ca-phe-arabica"),
    ("stars=junk", "tra-o-long", None),
])
def test_filters_narrow_the_products(client, fair, query, shown, hidden):
    page = client.get(f"/fairs/hoi-cho-ocop-lam-dong?{query}").get_data(as_text=True)
    if shown:
        assert f'id="product-{shown}' in page
    if hidden:
        assert f'id="product-{hidden}' not in page


def test_a_revoked_product_leaves_the_fair_page_at_once(client, fair, products):
    assert 'id="product-tra-o-long-bao-loc"' in client.get("/fairs/hoi-cho-ocop-lam-dong").text
    certificate = db.session.scalar(db.select(Certificate).where(
        Certificate.product_id == products[1].id))
    certificate.revoked_on = clock.today()
    certificate.revocation_number = "12/QĐ-UBND"
    certificate.revocation_reason = "Vi phạm an toàn thực phẩm"
    db.session.flush()

    page = client.get("/fairs/hoi-cho-ocop-lam-dong").get_data(as_text=True)
    assert 'id="product-tra-o-long-bao-loc"' not in page
    assert 'id="booth-A-2"' not in page
    assert 'id="product-ca-phe-arabica-cau-dat"' in page
    api = client.get("/api/v1/fairs/hoi-cho-ocop-lam-dong").json
    assert [p["slug"] for b in api["booths"] for p in b["products"]] == [
        "ca-phe-arabica-cau-dat"]


def test_drafts_are_not_found_and_the_list_splits_past_fairs(client, officer, province, fair):
    draft = services.create_fair(fair_input(province, slug="nhap"), officer)
    assert client.get(f"/fairs/{draft.slug}").status_code == 404
    assert client.get(f"/fairs/{draft.slug}/catalog.pdf").status_code == 404
    services.close_fair(fair.id, officer)
    page = client.get("/fairs").get_data(as_text=True)
    assert "nhap" not in page
    coming, past = page.split('id="past-heading"')
    assert "hoi-cho-ocop-lam-dong" in past and "hoi-cho-ocop-lam-dong" not in coming


def _pdf_streams(pdf: bytes) -> list[bytes]:
    """The PDF's streams inflated (page contents among them); others as they are."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    return streams


QR_PATH = re.compile(rb"q 0 g ([\d.]+) 0 0 -[\d.]+ [\d.]+ [\d.]+ cm ((?:\d+ \d+ \d+ 1 re ?)+) f Q")


def _drawn_codes(pdf: bytes) -> list[str]:
    """Every QR code the PDF's pages draw, rendered as the page draws it and decoded."""
    decoded = []
    for stream in _pdf_streams(pdf):
        for match in QR_PATH.finditer(stream):
            runs = [tuple(map(int, r.split())) for r in
                    re.findall(rb"(\d+ \d+ \d+) 1 re", match.group(2))]
            size = max(c + n for c, _r, n in runs) + 4
            image = Image.new("L", (size * 8, size * 8), 255)
            draw = ImageDraw.Draw(image)
            for column, row, length in runs:
                draw.rectangle((column * 8, row * 8, (column + length) * 8 - 1, row * 8 + 7),
                               fill=0)
            decoded += [code.text for code in zxingcpp.read_barcodes(image)]
    return decoded


def test_the_catalogs_qr_codes_decode_to_the_product_pages(client, app, fair):
    response = client.get("/fairs/hoi-cho-ocop-lam-dong/catalog.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    host = app.config["PUBLIC_HOST"]
    assert sorted(_drawn_codes(response.data)) == [
        f"{host}/products/ca-phe-arabica-cau-dat", f"{host}/products/tra-o-long-bao-loc"]


def test_the_catalog_skips_missing_and_broken_photos(client, app, fair, products):
    broken = ProductImageFactory(product=products[0], path="products/broken.jpg")
    (Path(app.config["MEDIA_ROOT"]) / "products").mkdir(parents=True, exist_ok=True)
    (Path(app.config["MEDIA_ROOT"]) / broken.path).write_bytes(b"\xff\xd8\xff")
    ProductImageFactory(product=products[1], path="products/missing.jpg")
    client.set_cookie("lang", "en")
    response = client.get("/fairs/hoi-cho-ocop-lam-dong/catalog.pdf")
    assert response.status_code == 200
    assert len(_drawn_codes(response.data)) == 2


def _stock(outlet, product, units: int):
    lot = LotFactory(product=product, produced_on=clock.today() - timedelta(days=30),
                     expires_on=clock.today() + timedelta(days=365))
    receive(outlet.id, lot.id, units, UserFactory(role=Role.ADMIN))


def _outlets_of(page: str, slug: str) -> str:
    return page.split(f'id="product-{slug}"')[1].split("</li>\n  \n")[0].split("</ul>")[0]


def test_each_product_links_to_the_outlets_selling_it_with_their_bands(client, fair, products):
    coffee, tea = products
    hanoi = OutletFactory(name_vi="Điểm bán Hà Nội", slug="diem-ban-ha-noi")
    dalat = OutletFactory(name_vi="Điểm bán Đà Lạt", slug="diem-ban-da-lat")
    shut = OutletFactory(name_vi="Điểm bán đã đóng", status=OutletStatus.CLOSED)
    _stock(hanoi, coffee, 40)
    _stock(dalat, coffee, 3)
    _stock(shut, coffee, 40)
    _stock(dalat, tea, 2)
    take_fefo(dalat.id, tea.id, 2, None, hold_until=clock.utcnow() + timedelta(minutes=15))

    page = client.get("/fairs/hoi-cho-ocop-lam-dong").get_data(as_text=True)
    at_coffee = _outlets_of(page, "ca-phe-arabica-cau-dat")
    assert 'href="/outlets/diem-ban-ha-noi"' in at_coffee
    assert "band-in_stock" in at_coffee.split("diem-ban-ha-noi")[1].split("</li>")[0]
    assert "band-few_left" in at_coffee.split("diem-ban-da-lat")[1].split("</li>")[0]
    assert "Điểm bán đã đóng" not in at_coffee
    at_tea = _outlets_of(page, "tra-o-long-bao-loc")
    assert "band-out_of_stock" in at_tea.split("diem-ban-da-lat")[1].split("</li>")[0]


def test_the_fair_page_runs_as_many_queries_for_many_products_and_outlets(
        client, count_queries, officer, province, products):
    outlets = [OutletFactory() for _ in range(3)]
    few = products[:1]
    many = few + [ProductFactory(producer=products[0].producer) for _ in range(8)]
    for product in many:
        for outlet in outlets:
            _stock(outlet, product, 10)
    published_fair(officer, province, few, slug="it-san-pham")
    published_fair(officer, province, many, slug="nhieu-san-pham")

    counts = []
    for slug in ("it-san-pham", "nhieu-san-pham"):
        with count_queries() as queries:
            assert client.get(f"/fairs/{slug}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts

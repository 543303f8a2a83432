"""What a shopper sees after scanning: origin, zones, journey, and every warning."""

from datetime import date, timedelta
from io import BytesIO

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from shop.core import clock
from shop.extensions import db
from shop.trace.links import lot_path, lot_url
from shop.trace.models import Scan, Unit
from tests.factories import (
    CertificateFactory,
    LotFactory,
    LotInputFactory,
    ProductFactory,
    UnitFactory,
    ZoneFactory,
)


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en")


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_page_shows_product_producer_lot_zones_and_journey(client):
    lot = LotFactory(product=ProductFactory(name_en="Shan tuyet tea", gtin="8931234500016"),
                     code="T-0425", produced_on=date(2026, 4, 25), expires_on=date(2027, 4, 25),
                     harvest=None)
    zone = ZoneFactory(producer=lot.product.producer, code="VN-15-123-04567-02-24",
                       name="Suối Giàng tea hills", area_ha=3.5)
    LotInputFactory(lot=lot, zone=zone, harvested_on=date(2026, 4, 20), quantity_kg=420)
    html = page(client, lot_path(lot))
    assert "Shan tuyet tea" in html
    assert lot.product.producer.name in html and lot.product.producer.address in html
    assert 'aria-label="OCOP 4 stars"' in html
    assert "Lot T-0425" in html and "Apr 25, 2026" in html and "Apr 25, 2027" in html
    assert "VN-15-123-04567-02-24" in html and "Suối Giàng tea hills" in html
    assert "3.5 ha" in html and "VietGAP" in html
    journey = html[html.index('class="journey"'):]
    assert journey.index("Harvested 420 kg in zone VN-15-123-04567-02-24") < journey.index(
        "Produced as lot T-0425")
    assert 'role="alert"' not in html


def test_vietnamese_is_the_default(client):
    client.delete_cookie("lang")
    lot = LotFactory()
    html = page(client, lot_path(lot))
    assert f"Lô {lot.code}" in html and 'lang="vi"' in html


def test_a_recalled_lot_shows_the_recall_first_and_loudly(client, officer):
    lot = LotFactory()
    lot.recalled_at, lot.recall_reason, lot.recalled_by_id = (
        clock.utcnow(), "Phát hiện nấm mốc ở một số hộp", officer.id)
    html = page(client, lot_path(lot))
    main = html[html.index('id="main"'):]
    assert main.index('data-kind="recalled"') < main.index("<h1")
    assert 'role="alert"' in main and "Phát hiện nấm mốc ở một số hộp" in main


def test_a_lot_past_its_expiry_date_is_flagged(client):
    lot = LotFactory(produced_on=clock.today() - timedelta(days=400),
                     expires_on=clock.today() - timedelta(days=1))
    assert "past its expiry date" in page(client, lot_path(lot))
    fresh = LotFactory(expires_on=clock.today())  # the expiry day itself is still good
    assert "past its expiry date" not in page(client, lot_path(fresh))


def test_a_certificate_revoked_after_the_lot_was_made_is_a_clear_warning(client):
    product = ProductFactory(certificate=None)
    certificate = CertificateFactory(product=product, recognized_on=date(2025, 1, 10))
    lot = LotFactory(product=product, produced_on=date(2025, 6, 1))
    certificate.revoked_on, certificate.revocation_number = date(2025, 9, 1), "9/QĐ-UBND"
    certificate.revocation_reason = "Không duy trì chất lượng"
    html = page(client, lot_path(lot))
    assert "certificate was revoked on Sep 1, 2025, after this lot was made" in html
    assert "See the product in the shop" not in html


def test_an_expired_certificate_is_a_warning(client):
    product = ProductFactory(certificate=None)
    CertificateFactory(product=product, recognized_on=date(2022, 1, 10))
    lot = LotFactory(product=product, produced_on=date(2023, 1, 1),
                     expires_on=clock.today() + timedelta(days=30))
    assert "certificate expired on Jan 10, 2025" in page(client, lot_path(lot))


def test_a_unit_counts_its_checks(client):
    lot = LotFactory()
    unit = UnitFactory(run__lot=lot)
    path = lot_path(lot, unit.serial)
    assert "This is the first check of this code." in page(client, path)
    html = page(client, path)
    assert "checked 2 times" in html and "First verified on" in html
    assert db.session.get(Unit, unit.id).scan_count == 2


def test_a_code_checked_unusually_often_is_flagged(client, app):
    lot = LotFactory()
    unit = UnitFactory(run__lot=lot, scan_count=app.config["SUSPICIOUS_SCAN_COUNT"] - 1,
                       first_scanned_at=clock.utcnow() - timedelta(days=3))
    path = lot_path(lot, unit.serial)
    assert "the label may have been copied" not in page(client, path)  # the 10th check
    assert "checked 11 times" in page(client, path)
    assert "the label may have been copied" in page(client, path)


def test_a_serial_never_issued_is_not_genuine(client):
    lot = LotFactory()
    UnitFactory(run__lot=lot)
    lot_id = lot.id
    html = page(client, lot_path(lot, "FAKE0000FAKE0"))
    assert 'data-kind="not_genuine"' in html and "this is not a genuine code" in html
    logged = db.session.scalar(select(Scan).where(Scan.unknown_serial == "FAKE0000FAKE0"))
    assert logged is not None and logged.lot_id == lot_id


def test_each_look_by_a_person_is_logged_but_machines_and_head_are_not(client):
    lot = LotFactory()
    path, lot_id = lot_path(lot), lot.id
    page(client, path)
    client.head(path)
    client.get(path, query_string={"linkType": "all"})
    assert db.session.scalar(select(func.count(Scan.id)).where(Scan.lot_id == lot_id)) == 1


def test_the_page_runs_a_bounded_number_of_queries(client, count_queries):
    lot = LotFactory(harvest=None)
    for _ in range(5):
        LotInputFactory(lot=lot, zone=ZoneFactory(producer=lot.product.producer))
    unit = UnitFactory(run__lot=lot)
    path = lot_path(lot, unit.serial)
    db.session.commit()
    with count_queries() as queries:
        page(client, path)
    reads = [q for q in queries if q.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 4, reads  # user-less page: lot+product, images, inputs+zones (+1)


def test_the_public_lot_label_decodes_to_the_lot_url_and_is_cacheable(client):
    lot = LotFactory(product=ProductFactory(gtin="8931234500016"), code="L-7/A")
    url = lot_url(lot)
    response = client.get(f"/labels/lots/{lot.id}.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    decoded = zxingcpp.read_barcode(Image.open(BytesIO(response.data)))
    assert decoded is not None and decoded.text == url
    assert "public" in response.headers["Cache-Control"]
    etag = response.headers["ETag"]
    again = client.get(f"/labels/lots/{lot.id}.png", headers={"If-None-Match": etag})
    assert again.status_code == 304
    svg = client.get(f"/labels/lots/{lot.id}.svg")
    assert svg.mimetype == "image/svg+xml" and svg.data.lstrip().startswith(b"<")
    assert client.get(f"/labels/lots/{lot.id}.png?size=huge").status_code == 400
    assert client.get("/labels/lots/999999.png").status_code == 404


def test_a_recall_or_revocation_shows_at_once_though_the_lot_part_is_cached(
        client, officer, time_machine):
    time_machine.move_to("2026-05-20T09:00:00+07:00", tick=False)  # same timestamps throughout
    product = ProductFactory(certificate=None)
    certificate = CertificateFactory(product=product, recognized_on=date(2025, 1, 10))
    lot = LotFactory(product=product, produced_on=date(2026, 4, 1))
    path = lot_path(lot)
    assert 'role="alert"' not in page(client, path)
    certificate.revoked_on, certificate.revocation_number = date(2026, 5, 20), "9/QĐ-UBND"
    assert "certificate was revoked on May 20, 2026" in page(client, path)
    lot.recalled_at, lot.recall_reason, lot.recalled_by_id = (
        clock.utcnow(), "Bao bì bị lỗi", officer.id)
    assert "Bao bì bị lỗi" in page(client, path)


def test_the_lot_part_is_rendered_once_per_day_and_language(client, count_queries):
    lot = LotFactory()
    path = lot_path(lot)
    page(client, path)
    with count_queries() as queries:
        page(client, path)
    reads = [q for q in queries if q.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 1, reads  # the lot's id; nothing else is loaded
    client.set_cookie("lang", "vi")
    assert f"Lô {lot.code}" in page(client, path)

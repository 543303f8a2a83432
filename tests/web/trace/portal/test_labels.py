"""A lot's page, its label images and label runs, and recalling it."""

import io
import re

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from shop.core import gs1
from shop.extensions import db
from shop.trace.links import lot_url
from shop.trace.models import LabelRun, Unit
from shop.trace.queries import load_lot
from tests.factories import LabelRunFactory, LotFactory, ProductFactory, UnitFactory
from tests.web.portal import error_of, typed

GTIN = gs1.with_check_digit("893456789012")


@pytest.fixture
def lot(producer):
    product = ProductFactory(producer=producer, gtin=GTIN, name_en="Cau Dat oolong tea")
    return LotFactory(product=product, code="2026/03-A", quantity=12, unit="hộp")


def decoded(png: bytes) -> list[str]:
    """The texts of the QR codes in an image."""
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def pdf_codes(pdf: bytes) -> list[str]:
    """The texts of the QR codes on every page of a PDF, read off a 300 dpi rendering."""
    document = pypdfium2.PdfDocument(pdf)
    return [result.text for page in document
            for result in zxingcpp.read_barcodes(page.render(scale=300 / 72).to_pil())]


def units_of(lot) -> int:
    return db.session.scalar(select(func.count(Unit.id)).where(Unit.lot_id == lot.id))


def test_the_lot_page_shows_its_links_inputs_and_label(member_client, lot):
    html = member_client.get(f"/portal/lots/{lot.id}").get_data(as_text=True)
    url = lot_url(load_lot(lot.id))
    assert url == f"https://ocop.example.vn/01/0{GTIN}/10/2026%2F03-A?17=270316"
    assert f'<a href="/01/0{GTIN}/10/2026%2F03-A">' in html
    assert f'<code class="digital-link">{url}</code>' in html
    assert "Cau Dat oolong tea" in html and "12 hộp" in html
    assert lot.inputs[0].zone.code in html
    assert f'src="/portal/lots/{lot.id}/label.png"' in html
    assert f'href="/portal/lots/{lot.id}/label.svg"' in html
    assert "Serials issued: 0 of 12 units." in html
    assert "No labels printed yet." in html


def test_the_label_png_holds_the_lots_digital_link(member_client, lot):
    response = member_client.get(f"/portal/lots/{lot.id}/label.png")
    assert response.status_code == 200
    assert response.content_type == "image/png"
    assert decoded(response.data) == [lot_url(load_lot(lot.id))]


def test_a_lot_without_gtin_gets_its_short_trace_url(member_client, producer):
    lot = LotFactory(product=ProductFactory(producer=producer, gtin=None), token="abcdefghjk")
    response = member_client.get(f"/portal/lots/{lot.id}/label.png?size=small")
    assert decoded(response.data) == ["https://ocop.example.vn/t/abcdefghjk"]


def test_the_label_svg_and_its_sizes(member_client, lot):
    response = member_client.get(f"/portal/lots/{lot.id}/label.svg")
    assert response.status_code == 200
    assert response.content_type.startswith("image/svg+xml")
    assert 'width="70mm"' in response.get_data(as_text=True)
    large = member_client.get(f"/portal/lots/{lot.id}/label.svg?size=large")
    assert 'width="105mm"' in large.get_data(as_text=True)
    wrong = member_client.get(f"/portal/lots/{lot.id}/label.svg?size=huge")
    assert wrong.status_code == 400
    assert "There is no label size called “huge”." in wrong.get_data(as_text=True)


def test_a_serialised_run_issues_serials_and_downloads_its_sheet(member_client, lot):
    response = member_client.post(f"/portal/lots/{lot.id}/runs",
                                  data={"size": "large", "count": "5", "kind": "serial"})
    assert response.status_code == 302
    (run,) = db.session.scalars(select(LabelRun).where(LabelRun.lot_id == lot.id))
    assert response.headers["Location"] == f"/portal/runs/{run.id}.pdf"
    assert (run.size, run.count, run.serialised) == ("large", 5, True)
    serials = set(db.session.scalars(select(Unit.serial).where(Unit.run_id == run.id)))
    assert len(serials) == 5

    pdf = member_client.get(response.headers["Location"])
    assert pdf.status_code == 200
    assert pdf.content_type == "application/pdf"
    assert pdf.headers["Content-Disposition"] == (
        f'attachment; filename="labels-2026_03-A-{run.id}.pdf"')
    assert "no-store" in pdf.headers["Cache-Control"]
    lot_link = f"https://ocop.example.vn/01/0{GTIN}/10/2026%2F03-A"
    assert sorted(pdf_codes(pdf.data)) == sorted(
        f"{lot_link}/21/{serial}?17=270316" for serial in serials)

    html = member_client.get(f"/portal/lots/{lot.id}").get_data(as_text=True)
    assert "Serials issued: 5 of 12 units." in html
    assert f'href="/portal/runs/{run.id}.pdf"' in html
    assert "one serial per unit" in html


def test_a_lot_run_prints_one_code_many_times(member_client, lot):
    response = member_client.post(f"/portal/lots/{lot.id}/runs",
                                  data={"size": "small", "count": "3", "kind": "lot"})
    assert response.status_code == 302
    pdf = member_client.get(response.headers["Location"])
    assert pdf_codes(pdf.data) == [lot_url(load_lot(lot.id))] * 3
    assert units_of(lot) == 0


def test_more_serials_than_the_lot_holds_are_refused_with_the_numbers(member_client, lot):
    run = LabelRunFactory(lot=lot, count=4)
    UnitFactory.create_batch(4, run=run)
    response = member_client.post(f"/portal/lots/{lot.id}/runs",
                                  data={"size": "medium", "count": "9", "kind": "serial"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert error_of(html, "count") == ("The lot has 12 units and 4 serials are already issued; "
                                       "at most 8 more can be.")
    assert typed(html, "count") == "9"
    assert re.search(r'<input checked id="kind-1" name="kind" type="radio" value="serial">', html)
    assert units_of(lot) == 4
    assert db.session.scalar(select(func.count(LabelRun.id))
                             .where(LabelRun.lot_id == lot.id)) == 1


def test_recalling_a_lot_shows_the_recall_and_stops_printing(member_client, member, lot):
    response = member_client.post(f"/portal/lots/{lot.id}/recall",
                                  data={"reason": "Phát hiện dư lượng thuốc trừ sâu"})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/portal/lots/{lot.id}"
    assert lot.recalled_by_id == member.id
    html = member_client.get(f"/portal/lots/{lot.id}").get_data(as_text=True)
    assert "Lot 2026/03-A recalled." in html
    assert "This lot was recalled on Mar 16, 2026" in html
    assert "Phát hiện dư lượng thuốc trừ sâu" in html
    assert "Print a sheet of labels" not in html and "Recall this lot" not in html

    response = member_client.post(f"/portal/lots/{lot.id}/runs",
                                  data={"size": "medium", "count": "1", "kind": "lot"})
    assert response.status_code == 302
    html = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This lot has been recalled; its labels can no longer be printed." in html
    assert db.session.scalar(select(func.count(LabelRun.id))
                             .where(LabelRun.lot_id == lot.id)) == 0
    lots = member_client.get("/portal/lots").get_data(as_text=True)
    assert '<span class="status status-revoked">Recalled</span>' in lots


def test_a_recall_needs_a_reason(member_client, lot):
    response = member_client.post(f"/portal/lots/{lot.id}/recall", data={"reason": "  "})
    assert response.status_code == 400
    assert error_of(response.get_data(as_text=True), "reason") == (
        "Say why the lot is recalled; shoppers will read it.")
    assert lot.recalled_at is None


def test_recalling_twice_says_so(member_client, lot):
    member_client.post(f"/portal/lots/{lot.id}/recall", data={"reason": "Mốc"})
    response = member_client.post(f"/portal/lots/{lot.id}/recall", data={"reason": "Lần hai"})
    assert response.status_code == 302
    html = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This lot was already recalled." in html
    assert lot.recall_reason == "Mốc"

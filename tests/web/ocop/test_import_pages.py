"""The officer's decision import pages: upload beside the decision, preview, apply, the list,
the templates; bad input keeps what was typed and names the field."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from shop.extensions import db
from shop.ocop.models import Certificate
from shop.registry.decisions.models import DecisionImport
from tests.factories import ProductGroupFactory, ProvinceFactory
from tests.unit.registry.files import HEADER, csv_text, windows_1258, xlsx
from tests.unit.registry.imports_support import row
from tests.unit.registry.support import provincial_officer


@pytest.fixture
def province():
    ProductGroupFactory(code=1, name_vi="Thực phẩm", name_en="Food")
    return ProvinceFactory(name="Lâm Đồng")


def form(province, content: bytes, name: str = "annex.xlsx", **changes) -> dict:
    return {"file": (io.BytesIO(content), name), "number": "125/QĐ-UBND",
            "decided_on": "2026-03-02", "authority": "UBND tỉnh Lâm Đồng", "level": "province",
            "province_id": str(province.id)} | changes


def typed(html: str, name: str) -> str | None:
    found = re.search(rf'<input[^>]*\bname="{name}"[^>]*\bvalue="([^"]*)"', html)
    return found and found.group(1)


ROWS = [row("Cà phê Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001"),
        row("Trà Lâm Hà", "HTX Cà phê Lâm Hà", registration="5800999001", stars=3, score=60)]


def test_the_upload_page_offers_the_templates_and_the_decision_fields(officer_client, province):
    html = officer_client.get("/registry/imports/new").get_data(as_text=True)
    assert "<h1>Import a recognition decision</h1>" in html
    for link in ("template-vi.xlsx", "template-vi.csv", "template-en.xlsx", "template-en.csv"):
        assert f'href="/registry/imports/{link}"' in html
    for label in ("Annex file (XLSX or CSV)", "Decision number", "Decision date",
                  "Issuing authority", "Level", "Province"):
        assert f">{label}</label>" in html
    assert 'enctype="multipart/form-data"' in html


def test_a_good_file_is_previewed_then_applied_once(officer_client, province):
    response = officer_client.post("/registry/imports/new", data=form(province, xlsx(
        [HEADER, *ROWS])))
    assert response.status_code == 302
    preview = officer_client.get(response.location).get_data(as_text=True)
    assert "<h1>Decision 125/QĐ-UBND</h1>" in preview
    assert preview.count("New producer, new product, new certificate</li>") == 0
    assert preview.count("New producer, new product, new certificate\n") == 2
    assert "Apply all 2 rows" in preview
    record = db.session.scalar(select(DecisionImport))
    before = db.session.scalar(select(func.count()).select_from(Certificate))
    applied = officer_client.post(f"/registry/imports/{record.id}/apply", follow_redirects=True)
    assert "Decision 125/QĐ-UBND applied: 2 certificates recorded." in applied.get_data(
        as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Certificate)) == before + 2
    again = officer_client.post(f"/registry/imports/{record.id}/apply", follow_redirects=True)
    assert "was applied under decision 125/QĐ-UBND already" in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Certificate)) == before + 2
    listing = officer_client.get("/registry/imports/").get_data(as_text=True)
    assert f'href="/registry/imports/{record.id}">125/QĐ-UBND</a>' in listing
    assert "Applied: 2 certificates" in listing


def test_a_file_with_errors_shows_them_and_cannot_be_applied(officer_client, province):
    bad = [*ROWS, row("Mật ong", "HTX Cà phê Lâm Hà", registration="5800999001", stars=3,
                      score=72)]
    response = officer_client.post("/registry/imports/new", data=form(province, xlsx(
        [HEADER, *bad])), follow_redirects=True)
    html = response.get_data(as_text=True)
    assert '<a href="#row-4">Row 4, column Điểm: 72 is not in the 3-star band (50–69).</a>' \
        in html
    assert "Apply all" not in html
    record = db.session.scalar(select(DecisionImport))
    officer_client.post(f"/registry/imports/{record.id}/apply")
    assert db.session.get(DecisionImport, record.id).applied_at is None


def test_row_errors_are_in_vietnamese_by_default(client, sign_in, officer, province):
    sign_in(officer)
    rows = [row(f"Trà {n}", "HTX Chè", registration="5800888000") for n in range(13)]
    rows[12] = row("Trà 12", "HTX Chè", registration="5800888000", stars=3, score=72)
    response = client.post("/registry/imports/new", data=form(province, xlsx([HEADER, *rows])),
                           follow_redirects=True)
    assert "Dòng 14, cột Điểm: 72 không thuộc hạng 3 sao (50–69)" in response.get_data(
        as_text=True)


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "annex.csv", "This file is named .csv but is not a text file."),
    (b"", "annex.csv", "The file is empty."),
    ("Tên sản phẩm,Chủ thể,Điểm\r\nTrà,Chè,60\r\n".encode("utf-16"), "annex.txt",
     "Choose an XLSX or CSV file: “annex.txt” is neither."),
    (xlsx([HEADER, row("Trà", "HTX", score="=60")]), "annex.xlsx", "holds a formula (=60)"),
    (windows_1258("Tên sản phẩm,Chủ thể,Điểm\r\nCà phê,Công ty,60\r\n"), "annex.csv",
     "This CSV file is in Windows-1258"),
])
def test_a_bad_file_keeps_what_was_typed_names_the_field_and_keeps_nothing(
        officer_client, province, content, name, message):
    response = officer_client.post("/registry/imports/new", data=form(province, content, name))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(r'<p class="error" id="file-error">[^<]*' + re.escape(message), html)
    assert typed(html, "number") == "125/QĐ-UBND"
    assert typed(html, "authority") == "UBND tỉnh Lâm Đồng"
    assert db.session.scalar(select(func.count()).select_from(DecisionImport)) == 0


def test_a_file_over_the_cap_is_refused(app, officer_client, province):
    content = xlsx([HEADER, *ROWS])
    app.config["DECISION_IMPORT_MAX_BYTES"] = len(content) - 1
    try:
        response = officer_client.post("/registry/imports/new", data=form(province, content))
    finally:
        app.config["DECISION_IMPORT_MAX_BYTES"] = 4 * 1024 * 1024
    assert response.status_code == 400
    assert "the most we accept" in response.get_data(as_text=True)


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"number": ""}, "number", "This field is required."),
    ({"decided_on": "2026-03-17"}, "decided_on", "The recognition date cannot be in the future."),
    ({"province_id": ""}, "province_id", "Choose a province."),
    ({"file": (io.BytesIO(b""), "")}, "file", "Choose the annex file."),
])
def test_bad_decision_fields_are_named(officer_client, province, changes, field, message):
    response = officer_client.post("/registry/imports/new",
                                   data=form(province, xlsx([HEADER, *ROWS]), **changes))
    assert response.status_code == 400
    assert f'<p class="error" id="{field}-error">{message}' in response.get_data(as_text=True)


def test_a_provincial_officer_picks_their_province_and_no_other(client, sign_in, province):
    client.set_cookie("lang", "en")
    other = ProvinceFactory(name="Sơn La")
    sign_in(provincial_officer(province))
    html = client.get("/registry/imports/new").get_data(as_text=True)
    assert f'<option selected value="{province.id}">Lâm Đồng</option>' in html
    assert "Sơn La" not in html
    response = client.post("/registry/imports/new",
                           data=form(other, xlsx([HEADER, *ROWS]), province_id=str(other.id)))
    assert response.status_code == 400
    assert '<p class="error" id="province_id-error">You keep the registry of another province' \
        in response.get_data(as_text=True)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_templates_carry_the_headers_in_each_language(officer_client, language):
    names = {"vi": ["STT", "Tên sản phẩm", "Chủ thể", "Mã số thuế", "Địa chỉ", "Tỉnh",
                    "Nhóm sản phẩm", "GTIN", "Số sao", "Điểm"],
             "en": ["No.", "Product name", "Producer", "Registration number", "Address",
                    "Province", "Product group", "GTIN", "Stars", "Score"]}[language]
    workbook = officer_client.get(f"/registry/imports/template-{language}.xlsx")
    assert workbook.headers["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(workbook.data), read_only=True).worksheets[0]
    assert [cell.value for cell in next(sheet.iter_rows())] == names
    text = officer_client.get(f"/registry/imports/template-{language}.csv").data
    assert text.startswith(b"\xef\xbb\xbf")
    assert next(csv.reader(io.StringIO(text.decode("utf-8-sig")))) == names
    # A template filled in is read back as it was written.
    filled = csv_text([names, ["1", "Trà", "HTX Chè", "5800888000", "Xã Lát", "", "1", "",
                               "4", "78"]]).encode()
    assert officer_client.post("/registry/imports/new", data=form(
        ProvinceFactory(), filled, "filled.csv")).status_code == 302

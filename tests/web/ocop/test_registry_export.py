"""The registry exports what it shows: the same filter, the same columns, every page."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from tests.factories import CertificateFactory, ProducerFactory, ProductFactory, ProvinceFactory
from tests.unit.registry.support import provincial_officer

TODAY = date(2026, 3, 16)


def page_columns(html: str) -> list[str]:
    head = html[html.index("<thead>"):html.index("</thead>")]
    return [name for name in re.findall(r'<th scope="col">([^<]*)</th>', head)]


def exported(client, fmt: str, query: str = "") -> list[list]:
    response = client.get(f"/registry/export.{fmt}{query}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    if fmt == "csv":
        assert response.data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its BOM
        return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.data), read_only=True).worksheets[0]
    return [list(values) for values in sheet.iter_rows(values_only=True)]


@pytest.fixture
def certificates():
    current = ProductFactory(name_en="Current honey", certificate=None)
    CertificateFactory(product=current, number="77/QĐ-UBND", stars=4, score=78,
                       recognized_on=date(2025, 9, 1), authority="UBND tỉnh Lâm Đồng")
    revoked = ProductFactory(name_en="Revoked rice", certificate=None)
    CertificateFactory(product=revoked, revoked_on=TODAY, revocation_number="9/QĐ-UBND",
                       revocation_reason="Vi phạm", recognized_on=TODAY - timedelta(days=100))
    return current, revoked


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_exports_columns_are_the_pages(officer_client, certificates, fmt):
    current = certificates[0]
    producer, province = current.producer.name, current.producer.province.name
    columns = page_columns(officer_client.get("/registry/").get_data(as_text=True))
    assert columns == ["Product", "Producer", "Province", "Stars", "Score", "Decision",
                       "Authority", "Level", "Recognised on", "Valid until", "Status"]
    rows = exported(officer_client, fmt)
    assert rows[0] == columns
    # CSV holds text; the workbook numbers and dates (read back as datetimes).
    number = str if fmt == "csv" else int

    def day(value: date):
        return value.isoformat() if fmt == "csv" else datetime(value.year, value.month,
                                                               value.day)

    assert rows[1] == ["Current honey", producer, province,
                       number(4), number(78), "77/QĐ-UBND", "UBND tỉnh Lâm Đồng",
                       "Province level", day(date(2025, 9, 1)), day(date(2028, 9, 1)), "Current"]
    assert rows[2][-1] == f"Revoked (9/QĐ-UBND, {TODAY.isoformat()})"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_export_follows_the_pages_filter_across_every_page(officer_client, certificates,
                                                               fmt):
    assert [r[0] for r in exported(officer_client, fmt, "?status=revoked")[1:]] == [
        "Revoked rice"]
    for _ in range(55):
        ProductFactory()
    rows = exported(officer_client, fmt, "?status=current")
    assert len(rows) == 1 + 56  # more than the page's fifty
    assert officer_client.get(f"/registry/export.{fmt}?status=lost").status_code == 400


def test_a_provincial_officer_exports_their_province_only(client, sign_in, certificates):
    province = ProvinceFactory()
    ProductFactory(name_en="Local tea", producer=ProducerFactory(province=province))
    client.set_cookie("lang", "en")
    sign_in(provincial_officer(province))
    assert [r[0] for r in exported(client, "csv")[1:]] == ["Local tea"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_name_that_looks_like_a_formula_is_exported_as_text(officer_client, fmt):
    ProductFactory(name_en='=HYPERLINK("https://evil.example","Bấm")')
    response = officer_client.get(f"/registry/export.{fmt}")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
        assert rows[1][0] == '\'=HYPERLINK("https://evil.example","Bấm")'
    else:
        sheet = load_workbook(io.BytesIO(response.data)).worksheets[0]
        cell = sheet["A2"]
        assert (cell.value, cell.data_type) == ('=HYPERLINK("https://evil.example","Bấm")', "s")

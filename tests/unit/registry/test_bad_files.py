"""Annex files that cannot be read are refused with a message saying why; good ones in every
form Excel writes are read the same."""

import codecs
import io
import zipfile

import pytest

from shop.registry.decisions.columns import find_header
from shop.registry.decisions.reading import FileRefused, Limits, read_table
from shop.registry.decisions.services import read_annex
from tests.unit.registry.files import HEADER, csv_text, windows_1258, xlsx

LIMITS = Limits(max_bytes=1024 * 1024, max_unpacked_bytes=8 * 1024 * 1024, max_rows=50)
ROW = [1, "Trà Shan tuyết Tà Xùa", "HTX Chè Tà Xùa", "5500123456", "Xã Tà Xùa", "Đồ uống",
       "", 4, 78]
XLSX_ROW = [None if value == "" else value for value in ROW]  # a workbook has no empty text


def refusal(content: bytes, name: str, limits: Limits = LIMITS) -> str:
    with pytest.raises(FileRefused) as refused:
        table = read_table(content, name, limits)
        find_header(table)
    assert refused.value.field == "file"
    return refused.value.message


def rows_of(content: bytes, name: str) -> list:
    table = read_table(content, name, LIMITS)
    header = find_header(table)
    return [(line, list(values)) for line, values in table.rows if line > header.line]


def test_an_xlsx_and_csv_in_every_encoding_excel_writes_read_alike():
    text = csv_text([HEADER, ROW])
    expected = [(2, [str(v) for v in ROW])]
    assert rows_of(text.encode("utf-8"), "a.csv") == expected
    assert rows_of(codecs.BOM_UTF8 + text.encode("utf-8"), "a.csv") == expected
    assert rows_of(text.encode("utf-16"), "a.csv") == expected  # with its byte-order mark
    assert rows_of(text.encode("utf-16-le"), "a.csv") == expected  # without one
    assert rows_of(text.encode("utf-16-be"), "a.csv") == expected
    unicode_text = csv_text([HEADER, ROW], delimiter="\t")  # Excel's "Unicode text"
    assert rows_of(unicode_text.encode("utf-16"), "a.csv") == expected
    assert rows_of(csv_text([HEADER, ROW], delimiter=";").encode(), "A.CSV") == expected
    assert rows_of(xlsx([HEADER, ROW]), "annex.xlsx") == [(2, XLSX_ROW)]


@pytest.mark.parametrize(("encoding", "content"), [
    ("Windows-1258", windows_1258(csv_text([HEADER, ROW]))),
    ("Windows-1252", csv_text([["Product name", "Producer", "Score"],
                               ["Café crème brûlée", "Société Générale", 60]]).encode("cp1252")),
])
def test_other_encodings_are_refused_by_name(encoding, content):
    assert refusal(content, "annex.csv") == (
        f"This CSV file is in {encoding}, not UTF-8 or UTF-16: in Excel, save it as "
        "“CSV UTF-8 (Comma delimited)”.")


def test_a_file_neither_xlsx_nor_csv_is_refused():
    assert "“annex.pdf” is neither" in refusal(b"%PDF-1.7 ...", "annex.pdf")
    assert "“annex.ods” is neither" in refusal(xlsx([HEADER, ROW]), "annex.ods")


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "annex.csv", "is named .csv but is not a text file"),
    (csv_text([HEADER, ROW]).encode(), "annex.xlsx", "is named .xlsx but is not an Excel"),
    (xlsx([HEADER, ROW]), "annex.csv", "is named .csv but is not a text file"),
    (b"PK\x03\x04 broken zip", "annex.xlsx", "is named .xlsx but is not an Excel"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "annex.xlsx", "Excel 97–2003 (.xls)"),
])
def test_the_content_decides_not_the_name(content, name, message):
    assert message in refusal(content, name)


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "is not an Excel workbook" in refusal(buffer.getvalue(), "annex.xlsx")


@pytest.mark.parametrize("content", [
    b"", b"\r\n\r\n", codecs.BOM_UTF8, b" , , \r\n", xlsx([]), xlsx([[None, " "]]),
])
def test_an_empty_file_is_refused(content):
    name = "annex.xlsx" if content.startswith(b"PK") else "annex.csv"
    assert refusal(content, name) == "The file is empty."


def test_a_header_without_rows_is_refused():
    with pytest.raises(FileRefused) as refused:
        read_annex(xlsx([HEADER, [None] * 9]), "annex.xlsx", LIMITS)
    assert refused.value.message == "The file has a header but no rows below it."


def test_a_file_over_the_size_cap_is_refused():
    content = csv_text([HEADER, ROW]).encode()
    small = Limits(max_bytes=len(content) - 1, max_unpacked_bytes=10**6, max_rows=50)
    assert refusal(content, "annex.csv", small) == (
        f"The file is larger than {small.max_bytes / 1024 / 1024:g} MB, the most we accept.")
    read_table(content, "annex.csv", Limits(len(content), 10**6, 50))  # at the cap: read


def test_a_workbook_that_unpacks_too_far_is_refused():
    content = xlsx([HEADER] + [ROW] * 40)
    assert "unpacks to more than" in refusal(content, "a.xlsx", Limits(10**6, 20_000, 50))


def test_too_many_rows_are_refused():
    content = csv_text([HEADER] + [ROW] * 80).encode()
    assert "more than 50 rows" in refusal(content, "annex.csv")


def test_a_formula_anywhere_is_refused_naming_its_cell():
    content = xlsx([HEADER, ROW[:8] + ["=70+8"]])
    assert refusal(content, "annex.xlsx") == (
        "Cell I2 holds a formula (=70+8): copy the sheet and paste it back as values only, "
        "then upload it again.")


def test_merged_header_cells_are_refused_and_merged_title_rows_are_not():
    above = [["DANH SÁCH SẢN PHẨM OCOP NĂM 2026"], ["(Kèm theo Quyết định số 125/QĐ-UBND)"]]
    assert rows_of(xlsx([HEADER, ROW], merged=("A1:I1", "A2:I2"), above=above),
                   "a.xlsx") == [(4, XLSX_ROW)]
    message = refusal(xlsx([HEADER, ROW], merged=("H3:I3",), above=above), "a.xlsx")
    assert message.startswith("The header row has merged cells (H3:I3)")
    # Two header rows ("Kết quả" over "Số sao" and "Điểm") are merged headers too.
    assert "merged cells (H1:I2)" in refusal(xlsx([HEADER, HEADER, ROW], merged=("H1:I2",)),
                                             "a.xlsx")
    assert "Cells C2:C3 are merged" in refusal(xlsx([HEADER, ROW, ROW], merged=("C2:C3",)),
                                               "a.xlsx")


def test_a_workbook_declaring_xml_entities_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx([HEADER, ROW]))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + data
            target.writestr(item, data)
    assert "is not an Excel workbook" in refusal(buffer.getvalue(), "annex.xlsx")


def test_headers_are_matched_folded_as_usually_written():
    header = ["TT", "TÊN SẢN PHẨM", "Tên chủ thể", "Số đăng ký kinh doanh", "Địa chỉ",
              "Nhóm", "Mã vạch", "Hạng sao", "Tổng điểm", "Ghi chú"]
    table = read_table(csv_text([header, ROW + ["mới"]]).encode(), "a.csv", LIMITS)
    found = find_header(table)
    assert found.positions == {"line": 0, "product": 1, "producer": 2, "registration_number": 3,
                               "address": 4, "group": 5, "gtin": 6, "stars": 7, "score": 8}
    assert found.names["score"] == "Tổng điểm" and found.ignored == ("Ghi chú",)
    english = ["No.", "Product name", "Producer", "Registration number", "Address", "Province",
               "Product group", "GTIN", "Stars", "Score"]
    assert set(find_header(read_table(csv_text([english]).encode() + b"x,y,z\r\n", "a.csv",
                                      LIMITS)).positions) == {
        "line", "product", "producer", "registration_number", "address", "province", "group",
        "gtin", "stars", "score"}


def test_a_missing_or_doubled_column_and_a_missing_header_are_refused():
    without_score = [h for h in HEADER if h != "Điểm"]
    assert refusal(csv_text([without_score, ROW[:-1]]).encode(), "a.csv") == (
        "The header (row 1) has no column “Điểm”.")
    doubled = HEADER + ["Tổng điểm"]
    assert refusal(csv_text([doubled, ROW + [78]]).encode(), "a.csv") == (
        "Columns I and J both name “Tổng điểm”: keep one.")
    assert refusal(csv_text([ROW, ROW]).encode(), "a.csv").startswith(
        "No row among the first 10 names the columns “Tên sản phẩm” and “Chủ thể”")

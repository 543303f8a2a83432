"""Bank statements: reading what Vietnamese banks export, refusing what cannot be read (naming
the line and column), and matching credits to open orders, twice without effect."""

import codecs
import csv
import io
from datetime import date
from pathlib import Path

import pytest
from flask_babel import force_locale

from shop.core.errors import InvalidInput
from shop.payments.statements import (
    MAX_PROBLEMS,
    LineStatus,
    OpenOrder,
    StatementError,
    StatementLine,
    find_order_numbers,
    match,
    read_statement,
    reference_key,
)

pytestmark = pytest.mark.usefixtures("english")

FIXTURES = Path(__file__).parent / "statements"
OPEN_ORDERS = [
    OpenOrder("DH7K2Q9MZ", 325_000),
    OpenOrder("TR4NG8XAH", 450_000),
    OpenOrder("HN2Q7PWCM", 980_000),
    OpenOrder("SG5TET26H", 120_000),
    OpenOrder("VX2N8RTE6", 120_000),
]


def read(name: str) -> list[StatementLine]:
    with (FIXTURES / name).open("rb") as stream:
        return read_statement(stream)


def read_bytes(data: bytes, **options) -> list[StatementLine]:
    return read_statement(io.BytesIO(data), **options)


def refusal(data: bytes, **options) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        read_bytes(data, **options)
    assert refused.value.field == "statement"
    return refused.value


def one_column(header: str, value: str) -> bytes:
    """A small statement whose `header` column holds `value` on line 2."""
    columns = {"Date": "16/03/2026", "Credit": "325000", "Description": "OCOP DH7K2Q9MZ",
               "Reference": "FT1"}
    columns[header] = value
    return (",".join(columns) + "\n" + ",".join(f'"{v}"' for v in columns.values())).encode()


# --- reading ----------------------------------------------------------------------------------

def test_a_vietcombank_statement_reads_its_credits_only():
    lines = read("vietcombank.csv")
    assert [(line.line, line.booked_on, line.amount, line.reference) for line in lines] == [
        (8, date(2026, 3, 14), 325_000, "5079-41865"),
        (10, date(2026, 3, 15), 200_000, "5080-10077"),
        (11, date(2026, 3, 15), 500_000, "5080-10311"),
        (12, date(2026, 3, 16), 250_000, "5081-00452"),
        (13, date(2026, 3, 16), 1_000_000, "5081-00876"),
        (14, date(2026, 3, 16), 240_000, "5081-01200"),
    ]
    assert lines[0].description.startswith("MBVCB.8123456789.OCOP DH7K2Q9MZ.CT tu")
    assert all("EVN" not in line.description for line in lines)  # the debit is left out


def test_a_techcombank_statement_in_utf16_with_bilingual_headers_reads():
    lines = read("techcombank.txt")
    assert [(line.booked_on, line.amount, line.description, line.reference) for line in lines] == [
        (date(2026, 3, 16), 325_000, "DH7K2Q9MZ-OCOP DH7K2Q9MZ", "FT26075812345670"),
        (date(2026, 3, 16), 980_000, "ocop-hn2q7pwcm", "FT26075812345672"),
    ]


def test_a_semicolon_statement_with_signed_amounts_reads():
    lines = read("mbbank.csv")
    assert [(line.booked_on, line.amount, line.description) for line in lines] == [
        (date(2026, 3, 16), 325_000, "OCOP DH7K2Q9MZ"),
        (date(2026, 3, 17), 450_000, "TR4NG8XAH; chuyen khoan"),
    ]


@pytest.mark.parametrize("encode", [
    lambda text: text.encode("utf-8"),
    lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    lambda text: text.encode("utf-16"),
    lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    lambda text: text.encode("utf-16-le"),
], ids=["utf-8", "utf-8 with BOM", "utf-16", "utf-16-be", "utf-16-le without BOM"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_separator_excel_writes_reads_the_same(encode, delimiter):
    text = (FIXTURES / "vietcombank.csv").read_text(encoding="utf-8-sig")
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(csv.reader(io.StringIO(text)))
    text = out.getvalue()
    assert read_bytes(encode(text)) == read("vietcombank.csv")


@pytest.mark.parametrize(("written", "amount"), [
    ("325.000", 325_000), ("325,000", 325_000), ("325000", 325_000), ("325000.00", 325_000),
    ("325,000.00", 325_000), ("325.000,00", 325_000), ("1.325.000", 1_325_000),
    ("1,325,000", 1_325_000), ("+325 000 VND", 325_000), ("325.000 đ", 325_000),
    ("325.000\u00a0₫", 325_000), ("325000.0", 325_000), ("1.000", 1_000), ("999", 999),
])
def test_amounts_are_read_as_banks_write_them(written, amount):
    assert [line.amount for line in read_bytes(one_column("Credit", written))] == [amount]


@pytest.mark.parametrize("written", ["", "0", "0.00", "-325,000", "(325,000)"])
def test_a_line_without_money_received_is_left_out(written):
    assert read_bytes(one_column("Credit", written)) == []


@pytest.mark.parametrize(("header", "value", "problem"), [
    ("Credit", "325.50", "“325.50” holds a fraction of a đồng."),
    ("Credit", "325.000,50", "holds a fraction of a đồng"),
    ("Credit", "ba trăm nghìn", "“ba trăm nghìn” is not an amount in đồng."),
    ("Credit", "32,50,000", "is not an amount"),
    ("Credit", "1.32.000", "is not an amount"),
    ("Credit", "3,25.000", "is not an amount"),
    ("Credit", "١٢٣", "is not an amount"),
    ("Date", "31/02/2026", "“31/02/2026” is not a date (dd/mm/yyyy)."),
    ("Date", "2026/13/01", "is not a date"),
    ("Date", "March 16, 2026", "is not a date"),
    ("Date", "", "the date is missing."),
    ("Reference", "", "the bank's reference is missing."),
])
def test_a_bad_cell_is_refused_naming_its_line_and_column(header, value, problem):
    refused = refusal(one_column(header, value))
    assert refused.message.startswith(f"Line 2, column {header}: ")
    assert problem in refused.message


def test_every_problem_is_listed_with_its_line():
    text = "Ngày GD,Số tiền,Nội dung,Mã GD\n" + "".join(
        f"1{n}/03/2026,abc,OCOP,FT{n}\n" for n in range(3)) + "99/03/2026,1000,OCOP,FT9\n"
    refused = refusal(text.encode())
    assert isinstance(refused, StatementError)
    assert refused.problems == [
        "Line 2, column Số tiền: “abc” is not an amount in đồng.",
        "Line 3, column Số tiền: “abc” is not an amount in đồng.",
        "Line 4, column Số tiền: “abc” is not an amount in đồng.",
        "Line 5, column Ngày GD: “99/03/2026” is not a date (dd/mm/yyyy).",
    ]
    assert refused.message.startswith("The statement has 4 problems. The first: Line 2")


def test_the_problems_listed_stop_at_a_readable_number():
    text = "Date,Amount,Description,Reference\n" + "x,1,a,b\n" * 500
    assert len(refusal(text.encode()).problems) == MAX_PROBLEMS


def test_problems_read_in_vietnamese():
    with force_locale("vi"):
        refused = refusal(one_column("Credit", "325.50"))
    assert refused.message == "Dòng 2, cột Credit: “325.50” có phần lẻ dưới một đồng."


def test_a_line_both_debit_and_credit_is_refused():
    data = b"Date,Debit,Credit,Description,Reference\n16/03/2026,5000,5000,x,FT1\n"
    assert refusal(data).message == (
        "Line 2, column Credit: the line is both a debit and a credit.")


def test_a_type_column_tells_credits_from_debits():
    data = ("Date,Amount,Type,Description,Reference\n"
            "16/03/2026,325000,C,OCOP DH7K2Q9MZ,FT1\n"
            "16/03/2026,90000,D,Phi,FT2\n"
            "16/03/2026,450000,Có,TR4NG8XAH,FT3\n").encode()
    assert [line.reference for line in read_bytes(data)] == ["FT1", "FT3"]
    bad = b"Date,Amount,Type,Description,Reference\n16/03/2026,1000,X,a,FT1\n"
    assert refusal(bad).message == "Line 2, column Type: “X” says neither credit nor debit."


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"  \r\n", "empty"),
    (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
    ("Ngày GD,Amount,Description,Reference\n16/03/2026,1000,OCOP,FT1\n".encode("cp1258"),
     "neither UTF-8 nor UTF-16"),
    (b"Date,Amount,Description\n16/03/2026,1000,OCOP DH7K2Q9MZ\n", "no column for the bank's"),
    (b"Ngay,Tien,Ghi chu\n16/03/2026,1000,OCOP DH7K2Q9MZ\n", "No table with a date"),
    (b"Date,Amount,Description,Reference\n16/03/2026,\"1000,OCOP,FT1\n", "cannot be read as CSV"),
])
def test_an_unreadable_file_is_refused_saying_why(data, words):
    assert words in refusal(data).message


def test_the_size_is_capped():
    data = (FIXTURES / "vietcombank.csv").read_bytes()
    assert read_bytes(data, max_bytes=len(data)) == read("vietcombank.csv")
    assert "larger than" in refusal(data, max_bytes=len(data) - 1).message


# --- matching ---------------------------------------------------------------------------------

def test_a_statement_matches_its_lines_to_the_open_orders():
    result = match(read("vietcombank.csv"), OPEN_ORDERS)
    assert [(m.line.line, m.status, m.order_number, m.difference) for m in result.matches] == [
        (8, LineStatus.MATCHED, "DH7K2Q9MZ", 0),
        (10, LineStatus.SHORT, "TR4NG8XAH", -250_000),
        (11, LineStatus.UNMATCHED, None, 0),
        (12, LineStatus.MATCHED, "TR4NG8XAH", 0),     # the rest of the short payment
        (13, LineStatus.OVER, "HN2Q7PWCM", 20_000),
        (14, LineStatus.UNMATCHED, None, 0),          # two orders named: a person decides
    ]
    assert result.matches[-1].candidates == ("SG5TET26H", "VX2N8RTE6")
    assert result.settled == ("DH7K2Q9MZ", "TR4NG8XAH", "HN2Q7PWCM")
    assert result.received == {"DH7K2Q9MZ": 325_000, "TR4NG8XAH": 450_000,
                               "HN2Q7PWCM": 1_000_000}
    assert [m.line.line for m in result.with_status(LineStatus.UNMATCHED)] == [11, 14]


def test_importing_the_same_statement_again_changes_nothing():
    lines = read("vietcombank.csv")
    first = match(lines, OPEN_ORDERS)
    again = match(lines, OPEN_ORDERS, seen_references=first.references)
    assert {m.status for m in again.matches} == {LineStatus.DUPLICATE}
    assert (again.settled, again.received, again.references) == ((), {}, frozenset())


def test_an_overlapping_export_takes_only_the_new_lines():
    seen = match(read("vietcombank.csv")[:3], OPEN_ORDERS).references
    result = match(read("vietcombank.csv"), OPEN_ORDERS, seen_references=seen)
    assert [m.status for m in result.matches][:3] == [LineStatus.DUPLICATE] * 3
    assert result.references == {"5081-00452", "5081-00876", "5081-01200"}


def test_seen_references_compare_without_case_or_spaces():
    line = StatementLine(2, date(2026, 3, 16), 325_000, "OCOP DH7K2Q9MZ", "ft26075 000111")
    assert reference_key(line.reference) == "FT26075000111"
    result = match([line], OPEN_ORDERS, seen_references={"FT26075000111"})
    assert result.matches[0].status == LineStatus.DUPLICATE


def test_a_reference_twice_in_one_statement_counts_once():
    line = StatementLine(2, date(2026, 3, 16), 325_000, "OCOP DH7K2Q9MZ", "FT1")
    again = StatementLine(3, date(2026, 3, 16), 325_000, "OCOP DH7K2Q9MZ", "ft1")
    result = match([line, again], OPEN_ORDERS)
    assert [m.status for m in result.matches] == [LineStatus.MATCHED, LineStatus.DUPLICATE]
    assert result.received == {"DH7K2Q9MZ": 325_000}


def test_lines_are_taken_in_date_order_whatever_the_file_order():
    newest_first = list(reversed(read("vietcombank.csv")))
    result = match(newest_first, OPEN_ORDERS)
    by_line = {m.line.line: m.status for m in result.matches}
    assert (by_line[10], by_line[12]) == (LineStatus.SHORT, LineStatus.MATCHED)
    assert [m.line.line for m in result.matches] == [14, 13, 12, 11, 10, 8]


def test_what_was_already_paid_counts_and_a_second_full_payment_is_over():
    partly = [("TR4NG8XAH", 450_000, 200_000)]
    paid = StatementLine(2, date(2026, 3, 16), 250_000, "TR4NG8XAH", "FT1")
    twice = StatementLine(3, date(2026, 3, 17), 250_000, "TR4NG8XAH", "FT2")
    result = match([paid, twice], partly)
    assert [(m.status, m.owed, m.difference) for m in result.matches] == [
        (LineStatus.MATCHED, 250_000, 0), (LineStatus.OVER, 0, 250_000)]
    assert result.settled == ("TR4NG8XAH",)


def test_a_short_payment_alone_settles_nothing():
    line = StatementLine(2, date(2026, 3, 16), 300_000, "OCOP DH7K2Q9MZ", "FT1")
    result = match([line], OPEN_ORDERS)
    assert result.matches[0].status == LineStatus.SHORT
    assert result.settled == () and result.received == {"DH7K2Q9MZ": 300_000}


@pytest.mark.parametrize("description", [
    "OCOP DH7K2Q9MZ", "ocop dh7k2q9mz", "DH7K2Q9MZ", "DH7K 2Q9M Z", "DH7K-2Q9MZ",
    "MBVCB.8123456789.OCOPDH7K2Q9MZ.CT tu 0123456789 NGUYEN VAN AN",
    "IBFT ĐH7K2Q9MZ",  # Telex typing turns "dd" into đ
    "REM Tfr Ac: 0011004455667 O@L_DH7K2Q9MZ_FT26075",
])
def test_the_order_number_is_found_inside_what_banks_write(description):
    assert find_order_numbers(description, [o.number for o in OPEN_ORDERS]) == ("DH7K2Q9MZ",)


@pytest.mark.parametrize("description", [
    "OCOP DH7K2Q9M", "OCOP DH7K2Q9MX", "chuyen tien", "", "DH7K2Q9"])
def test_no_order_number_is_guessed(description):
    assert find_order_numbers(description, [o.number for o in OPEN_ORDERS]) == ()

"""Bank statements: reading the CSV a bank exports, and matching its credits to open orders.

Pure: the caller reads the upload, passes the open orders as plain values and records what
`match` found. A statement imported twice is recognised by the banks' references.
"""

import codecs
import csv
import enum
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from flask_babel import gettext as _

from shop.core.errors import InvalidInput
from shop.core.text import fold

MAX_STATEMENT_BYTES = 5 * 1024 * 1024
# Banks put the account, the period and a title above the table.
HEADER_SEARCH_ROWS = 30
MAX_PROBLEMS = 20
DELIMITERS = (",", ";", "\t")

# Header names as banks write them, folded (no case, accents or punctuation; "(VND)" dropped),
# most specific first. Bilingual headers ("Số tiền ghi có/Credit") are read part by part.
COLUMNS = {
    "date": ("ngay giao dich", "ngay gd", "ngay thuc hien", "ngay", "transaction date",
             "txn date", "posting date", "date"),
    "credit": ("so tien ghi co", "ghi co", "so tien co", "co", "credit amount", "credit", "cr"),
    # No bare "nợ": folded it is "no", the English row-number column ("No.").
    "debit": ("so tien ghi no", "ghi no", "so tien no", "debit amount", "debit", "dr"),
    "amount": ("so tien giao dich", "so tien", "transaction amount", "amount"),
    "kind": ("loai giao dich", "loai gd", "no co", "dr cr", "cr dr", "debit credit", "type"),
    "description": ("noi dung giao dich", "noi dung chi tiet", "noi dung", "mo ta", "dien giai",
                    "chi tiet giao dich", "transaction details", "description", "details",
                    "remarks", "narrative"),
    "reference": ("so tham chieu", "ma giao dich", "ma gd", "so but toan", "so chung tu",
                  "so ct", "reference number", "reference no", "reference", "ref no",
                  "transaction id", "transaction no", "transaction number"),
}
_CREDIT_KINDS = {"c", "cr", "co", "ghi co", "credit"}
_DEBIT_KINDS = {"d", "dr", "no", "ghi no", "debit"}
# First cells of the rows around the table that are not transactions.
_SUMMARY_WORDS = ("tong", "cong", "so du", "total", "balance", "opening", "closing")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_HEADER_PARTS = re.compile(r"[/\n|]")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?")
_AMOUNT_NOISE = re.compile(r"\s|vnđ|vnd|đ|₫", re.IGNORECASE)
_THOUSANDS = {".": re.compile(r"\d{1,3}(\.\d{3})+"), ",": re.compile(r"\d{1,3}(,\d{3})+")}
_NOT_ORDER_CHARACTER = re.compile(r"[^A-Z0-9]+")


class StatementError(InvalidInput):
    """A statement that cannot be read; `problems` lists each line and column at fault."""

    def __init__(self, problems: list[str]):
        message = problems[0] if len(problems) == 1 else _(
            "The statement has %(count)d problems. The first: %(first)s",
            count=len(problems), first=problems[0])
        super().__init__(message, "statement")
        self.problems = problems


@dataclass(frozen=True)
class StatementLine:
    """One credit of a statement: money received on `booked_on`, as the bank described it."""

    line: int
    booked_on: date
    amount: int
    description: str
    reference: str


class _CellError(ValueError):
    """A cell that cannot be read; the message says why, the caller adds line and column."""


def read_statement(stream: BinaryIO, max_bytes: int = MAX_STATEMENT_BYTES) -> list[StatementLine]:
    """The credits of a bank statement CSV (UTF-8 or UTF-16; comma, semicolon or tab)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InvalidInput(_("The statement is larger than %(size)d MB: export a shorter period.",
                             size=max_bytes // (1024 * 1024) or 1), "statement")
    text = _decode(data)
    for delimiter in DELIMITERS:
        header = _find_header(_rows(text, delimiter, HEADER_SEARCH_ROWS))
        if header is not None:
            return _credits(_rows(text, delimiter), *header)
    raise InvalidInput(_(
        "No table with a date, an amount and a description was found in the first %(rows)d "
        "lines. Name the columns as the bank does: Ngày giao dịch / Date, Số tiền ghi có / "
        "Credit, Mô tả / Description, Số tham chiếu / Reference.", rows=HEADER_SEARCH_ROWS),
        "statement")


def _decode(data: bytes) -> str:
    """The file's text: UTF-8 with or without its BOM, or UTF-16 (Excel's "Unicode text")."""
    if not data.strip():
        raise InvalidInput(_("The statement file is empty."), "statement")
    if data.startswith(b"PK\x03\x04"):
        raise InvalidInput(_("This is an Excel workbook: in Excel choose Save as, CSV UTF-8, "
                             "and upload that file."), "statement")
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        # Without a BOM, UTF-16 text of Latin letters and digits has a NUL in every other byte.
        if b"\x00" in data[:64]:
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(_("The statement is neither UTF-8 nor UTF-16 text (perhaps "
                             "Windows-1258 or TCVN3): in Excel choose Save as, CSV UTF-8."),
                           "statement") from None


def _rows(text: str, delimiter: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """The rows of `text` with the line each ends on: the first `limit` leniently, to look for
    the header under each delimiter, or all of them strictly (an unclosed quote is an error)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=limit is None)
    rows = []
    try:
        for row in itertools.islice(reader, limit):
            rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as error:
        raise InvalidInput(_("Line %(line)d cannot be read as CSV (%(error)s).",
                             line=reader.line_num, error=error), "statement") from None
    return rows


def _column_keys(header: str) -> set[str]:
    """A header as COLUMNS names it, whole and each part of a bilingual one:
    "Số tiền ghi có (VND)/Credit" -> {"so tien ghi co credit", "so tien ghi co", "credit"}."""
    parts = [header, *_HEADER_PARTS.split(header)]
    return {" ".join(_NOT_WORD.sub(" ", _PARENTHESES.sub(" ", fold(part))).split())
            .removesuffix(" vnd") for part in parts}


def _find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]] | None:
    """The index of the header row among the first rows, and each role's column."""
    for index, (_line, row) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [_column_keys(cell) for cell in row]
        columns = {}
        for role, names in COLUMNS.items():
            found = next((i for name in names for i, key in enumerate(keys) if name in key), None)
            if found is not None:
                columns[role] = found
        if {"date", "description"} <= columns.keys() and columns.keys() & {"credit", "amount"}:
            if "reference" not in columns:
                raise InvalidInput(_("The statement has no column for the bank's reference "
                                     "(Số tham chiếu / Reference), which tells one transfer "
                                     "from another."), "statement")
            return index, columns
    return None


def _credits(rows: list[tuple[int, list[str]]], header_index: int,
             columns: dict[str, int]) -> list[StatementLine]:
    """The credit lines under the header; every problem found, or the lines."""
    titles = rows[header_index][1]
    lines, problems = [], []
    for line, row in rows[header_index + 1:]:
        cells = {role: row[i] if i < len(row) else "" for role, i in columns.items()}
        try:
            credit = _credit(cells, row)
        except _CellError as error:
            column = titles[columns[error.args[1]]]
            problems.append(_("Line %(line)d, column %(column)s: %(problem)s",
                              line=line, column=column, problem=error.args[0]))
            if len(problems) == MAX_PROBLEMS:
                break
        else:
            if credit is not None:
                lines.append(StatementLine(line, *credit))
    if problems:
        raise StatementError(problems)
    return lines


def _credit(cells: dict[str, str], row: list[str]) -> tuple[date, int, str, str] | None:
    """(date, amount, description, reference) of a credit row; None for any other row."""
    if not any(row) or fold(next(cell for cell in row if cell)).startswith(_SUMMARY_WORDS):
        return None
    if not cells["date"]:
        # Some banks wrap a long description onto a row of its own, with no date or amount.
        if not any(cells.get(role) for role in ("credit", "debit", "amount")):
            return None
        raise _CellError(_("the date is missing."), "date")
    booked_on = _date(cells["date"])
    amount = _received(cells)
    if not amount:
        return None
    reference = "".join(cells["reference"].split())
    if not reference:
        raise _CellError(_("the bank's reference is missing."), "reference")
    return booked_on, amount, cells["description"], reference


def _received(cells: dict[str, str]) -> int | None:
    """The amount credited by the row: its credit column, or a signed or typed amount."""
    if "credit" in cells:
        credit = _amount(cells["credit"], "credit")
        debit = _amount(cells["debit"], "debit") if "debit" in cells else None
        if credit and debit:
            raise _CellError(_("the line is both a debit and a credit."), "credit")
        return credit if credit and credit > 0 else None
    amount = _amount(cells["amount"], "amount")
    if "kind" in cells and amount:
        kind = fold(cells["kind"])
        if kind in _DEBIT_KINDS:
            return None
        if kind not in _CREDIT_KINDS:
            raise _CellError(_("“%(value)s” says neither credit nor debit.",
                               value=cells["kind"]), "kind")
    return amount if amount and amount > 0 else None


def _date(text: str) -> date:
    """A day-first (16/03/2026, 16-03-2026 08:15) or ISO (2026-03-16) date."""
    day_first, iso = _DAY_FIRST.fullmatch(text), _ISO_DATE.fullmatch(text)
    try:
        if day_first:
            return date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    raise _CellError(_("“%(value)s” is not a date (dd/mm/yyyy).", value=text), "date")


def _amount(text: str, role: str) -> int | None:
    """Whole đồng from "325.000", "325,000", "325000.00", "+325 000 VND" or "(50,000)"."""
    value = _AMOUNT_NOISE.sub("", text)
    if not value:
        return None
    negative = value.startswith("(") and value.endswith(")")
    value = value.strip("()")
    if value[:1] in "+-":
        negative, value = value[0] == "-", value[1:]
    whole, fraction = _split_decimal(value)
    if not whole.isascii() or not whole.isdigit() or not set(fraction) <= {"0"}:
        problem = (_("“%(value)s” holds a fraction of a đồng.", value=text)
                   if whole.isdigit() and fraction.isdigit() else
                   _("“%(value)s” is not an amount in đồng.", value=text))
        raise _CellError(problem, role)
    return -int(whole) if negative else int(whole)


def _split_decimal(value: str) -> tuple[str, str]:
    """(whole digits, fraction digits): a separator before 3 digits groups thousands, the last
    one of two kinds, or one before 1–2 digits, marks decimals (đồng have none to keep)."""
    marks = [mark for mark in ".," if mark in value]
    if len(marks) == 2:
        decimal = max(marks, key=value.rindex)
        whole, _sep, fraction = value.rpartition(decimal)
        grouping = "," if decimal == "." else "."
        return (whole.replace(grouping, "") if _THOUSANDS[grouping].fullmatch(whole) else "?",
                fraction)
    if not marks:
        return value, ""
    mark = marks[0]
    if _THOUSANDS[mark].fullmatch(value):
        return value.replace(mark, ""), ""
    whole, _sep, fraction = value.partition(mark)
    return (whole, fraction) if mark not in fraction else ("?", "")


class LineStatus(enum.StrEnum):
    """What a statement line is to the shop."""

    MATCHED = "matched"
    SHORT = "short"
    OVER = "over"
    UNMATCHED = "unmatched"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class OpenOrder:
    """An order waiting for a transfer: its number, its total and what was already received."""

    number: str
    amount_due: int
    already_paid: int = 0


@dataclass(frozen=True)
class LineMatch:
    """A statement line and what it is: `owed` is what the order still owed before it."""

    line: StatementLine
    status: LineStatus
    order_number: str | None = None
    owed: int = 0
    candidates: tuple[str, ...] = ()

    @property
    def difference(self) -> int:
        """Received minus owed: below zero for a short payment, above for an over payment."""
        return self.line.amount - self.owed if self.order_number else 0


@dataclass(frozen=True)
class Reconciliation:
    """Every line of a statement matched (or not) to the open orders."""

    matches: tuple[LineMatch, ...]
    settled: tuple[str, ...]
    received: dict[str, int]

    def with_status(self, status: LineStatus) -> list[LineMatch]:
        """The lines of one status, in the statement's order."""
        return [match for match in self.matches if match.status == status]

    @property
    def references(self) -> frozenset[str]:
        """The reference keys read for the first time: store them so a re-import skips them."""
        return frozenset(reference_key(m.line.reference) for m in self.matches
                         if m.status != LineStatus.DUPLICATE)


def reference_key(reference: str) -> str:
    """A bank reference as compared: without spaces, upper case."""
    return "".join(reference.split()).upper()


def find_order_numbers(description: str, numbers: Iterable[str]) -> tuple[str, ...]:
    """Which of `numbers` appear in `description`, whatever the case, spaces or text around."""
    wanted = set(numbers)
    compact = _NOT_ORDER_CHARACTER.sub("", unicodedata.normalize("NFKC", description)
                                       .replace("đ", "d").replace("Đ", "D").upper())
    found: dict[str, None] = {}
    for length in sorted({len(number) for number in wanted}):
        for start in range(len(compact) - length + 1):
            if compact[start:start + length] in wanted:
                found.setdefault(compact[start:start + length])
    return tuple(found)


def match(lines: Sequence[StatementLine], open_orders: Iterable[OpenOrder | tuple],
          seen_references: Iterable[str] = ()) -> Reconciliation:
    """Match each credit to the open order whose number its description holds, by amount.

    Lines are taken in date order, so two transfers that together pay an order read as short,
    then matched. A reference already seen (`seen_references`, keys from `reference_key`) or
    repeated in the statement is a duplicate and counts for nothing.
    """
    orders = {order.number: order for order in
              (o if isinstance(o, OpenOrder) else OpenOrder(*o) for o in open_orders)}
    owed = {number: order.amount_due - order.already_paid for number, order in orders.items()}
    received: dict[str, int] = {}
    seen = {reference_key(reference) for reference in seen_references}
    results: dict[int, LineMatch] = {}
    for index, line in sorted(enumerate(lines), key=lambda item: item[1].booked_on):
        key = reference_key(line.reference)
        if key in seen:
            results[index] = LineMatch(line, LineStatus.DUPLICATE)
            continue
        seen.add(key)
        candidates = find_order_numbers(line.description, orders)
        if len(candidates) != 1:
            results[index] = LineMatch(line, LineStatus.UNMATCHED, candidates=candidates)
            continue
        number = candidates[0]
        before = max(owed[number], 0)
        status = (LineStatus.MATCHED if line.amount == before else
                  LineStatus.SHORT if line.amount < before else LineStatus.OVER)
        results[index] = LineMatch(line, status, number, before, candidates)
        owed[number] -= line.amount
        received[number] = received.get(number, 0) + line.amount
    settled = tuple(number for number in received if owed[number] <= 0)
    return Reconciliation(tuple(results[i] for i in range(len(lines))), settled, received)

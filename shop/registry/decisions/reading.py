"""Reading an annex file: what it is, judged by its content, and its rows; bad files refused.

XLSX is read by openpyxl in read-only mode, which streams the sheet's XML row by row instead
of building the workbook in memory. That mode does not report merged cells, so they are read
from the same sheet part by a streaming XML parse (they follow the rows in the part): one
more pass over XML already in memory, where loading the workbook in full a second time, only
to see its merged cells, would cost several times the read itself on a 5,000-row file.
"""

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree.ElementTree import ParseError, iterparse

from flask_babel import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from shop.core.errors import InvalidInput

XLSX, CSV = "xlsx", "csv"
_ZIP = b"PK\x03\x04"
# The Compound File header: Excel 97–2003 .xls, and password-protected .xlsx.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
# Control bytes that never occur in text (tab, line feed and carriage return do).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0D}
# Letters of Windows-1258 that Western code pages do not have, and its combining tone marks.
_VIETNAMESE_1258 = frozenset("ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323")
# The rows kept beyond the row cap: room for title rows above the header.
_SLACK_ROWS = 20


class FileRefused(InvalidInput):
    """The file as a whole cannot be read as an annex; nothing is kept of it."""

    def __init__(self, message: str):
        super().__init__(message, field="file")


@dataclass(frozen=True)
class Limits:
    """How large a file may be, how large it may unpack, and how many rows it may hold."""

    max_bytes: int
    max_unpacked_bytes: int
    max_rows: int


@dataclass(frozen=True)
class MergedRange:
    """Merged cells as the sheet names them ("B3:C3"), with the rows they span."""

    ref: str
    first_row: int
    last_row: int


@dataclass(frozen=True)
class Table:
    """The rows of a file that hold anything, each with its row number as Excel shows it."""

    format: str
    encoding: str | None
    rows: list[tuple[int, tuple]]
    merged: tuple[MergedRange, ...] = ()


def too_many_rows(limits: Limits) -> FileRefused:
    """The refusal of a file with more rows than `limits` allow."""
    return FileRefused(_("The file has more than %(max)d rows; split it into smaller files.",
                         max=limits.max_rows))


def read_table(content: bytes, file_name: str, limits: Limits) -> Table:
    """The rows of an XLSX or CSV file, or FileRefused saying what is wrong with it."""
    if not content:
        raise FileRefused(_("The file is empty."))
    if len(content) > limits.max_bytes:
        raise FileRefused(_("The file is larger than %(size)s MB, the most we accept.",
                            size=f"{limits.max_bytes / 1024 / 1024:g}"))
    extension = PurePath(file_name).suffix.lower()
    if content.startswith(_OLE):
        raise FileRefused(_("This is an Excel 97–2003 (.xls) or password-protected workbook: "
                            "save it in Excel as “Excel Workbook (.xlsx)”, without a password."))
    if extension == ".xlsx":
        table = _read_xlsx(content, limits)
    elif extension == ".csv":
        table = _read_csv(content, limits)
    else:
        raise FileRefused(_("Choose an XLSX or CSV file: “%(name)s” is neither.",
                            name=file_name))
    if not table.rows:
        raise FileRefused(_("The file is empty."))
    return table


def _not_a_workbook() -> FileRefused:
    return FileRefused(_("This file is named .xlsx but is not an Excel workbook."))


def _open_xlsx(content: bytes, limits: Limits) -> zipfile.ZipFile:
    """The workbook's zip, once its size unpacked and its parts are known to be safe."""
    if not content.startswith(_ZIP):
        raise _not_a_workbook()
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _not_a_workbook() from None
    names = {member.filename for member in members}
    if not all(part in names for part in _XLSX_PARTS):
        raise _not_a_workbook()
    if sum(member.file_size for member in members) > limits.max_unpacked_bytes:
        raise FileRefused(_("This workbook unpacks to more than %(size)d MB: it cannot be a "
                            "decision's annex.", size=limits.max_unpacked_bytes // 2**20))
    for member in members:
        # Workbooks never declare XML entities; a document that does may expand without end.
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as part:
                if b"<!DOCTYPE" in part.read(4096).upper():
                    raise _not_a_workbook()
    return archive


def _read_xlsx(content: bytes, limits: Limits) -> Table:
    archive = _open_xlsx(content, limits)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError,
            ParseError, OSError):
        raise _not_a_workbook() from None
    try:
        if not workbook.worksheets:
            raise FileRefused(_("The file is empty."))
        sheet = workbook.worksheets[0]
        # openpyxl's read-only sheets keep their part's name only in this attribute.
        merged = _scan_sheet(archive, sheet._worksheet_path)
        rows = _sheet_rows(sheet, limits)
    except (KeyError, ValueError, TypeError, ParseError, OSError, zipfile.BadZipFile):
        raise _not_a_workbook() from None
    finally:
        workbook.close()
    return Table(format=XLSX, encoding=None, rows=rows, merged=merged)


def _sheet_rows(sheet, limits: Limits) -> list[tuple[int, tuple]]:
    # A sheet's recorded size may be wrong (some tools write none, or a stale one): read every
    # row there is. Rows come in order from 1, the missing ones as empty rows.
    sheet.reset_dimensions()
    rows = []
    for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if any(_filled(value) for value in values):
            rows.append((line, values))
            if len(rows) > limits.max_rows + _SLACK_ROWS:
                raise too_many_rows(limits)
    return rows


def _scan_sheet(archive: zipfile.ZipFile, part: str) -> tuple[MergedRange, ...]:
    """The sheet's merged cells; FileRefused at its first formula, before any row is read.
    One streaming pass over the part's XML, a fifth of what openpyxl takes for the values."""
    merged, cell = [], ""
    with archive.open(part) as source:
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "c":
                    cell = element.get("r", "")
                continue
            if tag == "f":
                raise FileRefused(_(
                    "Cell %(cell)s holds a formula (%(formula)s): copy the sheet and paste "
                    "it back as values only, then upload it again.",
                    cell=cell, formula=f"={element.text or '…'}"[:40]))
            if tag == "mergeCell":
                ref = element.get("ref", "")
                _min_col, first_row, _max_col, last_row = range_boundaries(ref)
                merged.append(MergedRange(ref, first_row, last_row))
            element.clear()
    return tuple(merged)


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _read_csv(content: bytes, limits: Limits) -> Table:
    text, encoding = _decode(content)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes commas, semicolons where the decimal mark is a comma, tabs as "Unicode text".
    delimiter = max((",", ";", "\t"), key=first_line.count)
    rows = []
    try:
        for line, values in enumerate(csv.reader(io.StringIO(text, newline=""),
                                                  delimiter=delimiter), start=1):
            if any(_filled(value) for value in values):
                rows.append((line, tuple(values)))
                if len(rows) > limits.max_rows + _SLACK_ROWS:
                    raise too_many_rows(limits)
    except csv.Error:
        raise FileRefused(_("This CSV file cannot be read: a quoted cell is never closed."))\
            from None
    return Table(format=CSV, encoding=encoding, rows=rows)


def _decode(content: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding: UTF-8 (with or without a byte-order
    mark) or UTF-16, what Excel writes; any other encoding is refused by its name."""
    try:
        if content.startswith(codecs.BOM_UTF8):
            return content[len(codecs.BOM_UTF8):].decode("utf-8"), "UTF-8"
        if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return content.decode("utf-16"), "UTF-16"
        unmarked = _unmarked_utf16(content)
        if unmarked:
            return content.decode(unmarked), "UTF-16"
    except UnicodeDecodeError:
        raise FileRefused(_("This CSV file is damaged: it is not valid UTF-8 or UTF-16."))\
            from None
    if any(byte in _BINARY_BYTES for byte in content[:65536]):
        raise FileRefused(_("This file is named .csv but is not a text file."))
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise FileRefused(_(
            "This CSV file is in %(encoding)s, not UTF-8 or UTF-16: in Excel, save it as "
            "“CSV UTF-8 (Comma delimited)”.", encoding=_legacy_encoding(content))) from None
    return text, "UTF-8"


def _unmarked_utf16(content: bytes) -> str | None:
    """utf-16-le or -be for UTF-16 without a byte-order mark (mostly ASCII, so every other
    byte is zero), else None."""
    head = content[:512]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.6 and not even.count(0):
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and not odd.count(0):
        return "utf-16-be"
    return None


def _legacy_encoding(content: bytes) -> str:
    """The 8-bit code page a file that is not UTF-8 was most likely written in."""
    text = content.decode("cp1258", errors="replace")
    if any(char in _VIETNAMESE_1258 for char in text):
        return "Windows-1258"
    return "Windows-1252"

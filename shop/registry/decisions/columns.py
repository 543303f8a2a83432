"""The annex's columns: their names in the templates, the names accepted as usually written,
and finding the header row of a file."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from openpyxl.utils import get_column_letter

from shop.core.text import search_words
from shop.registry.decisions.reading import FileRefused, MergedRange, Table

# Title rows ("DANH SÁCH SẢN PHẨM…") often stand above the header: it is looked for this far.
HEADER_SEARCH_ROWS = 10
_PARENTHESES = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Column:
    """A column of the annex: its key, its name in each template, and other usual names."""

    key: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("line", "STT", "No.", ("tt", "so thu tu", "no", "number")),
    Column("product", "Tên sản phẩm", "Product name",
           ("san pham", "ten sp", "ten san pham ocop", "product"), required=True),
    Column("producer", "Chủ thể", "Producer",
           ("ten chu the", "chu the san xuat", "chu the ocop", "ten chu the san xuat",
            "co so san xuat", "producer name"), required=True),
    Column("registration_number", "Mã số thuế", "Registration number",
           ("mst", "so dang ky kinh doanh", "so dkkd", "ma so doanh nghiep",
            "ma so dang ky kinh doanh", "tax code")),
    Column("address", "Địa chỉ", "Address", ("dia chi chu the",)),
    Column("province", "Tỉnh", "Province", ("tinh thanh pho", "tinh thanh", "tinh tp")),
    Column("group", "Nhóm sản phẩm", "Product group",
           ("nhom", "nganh hang", "nhom nganh", "group")),
    Column("gtin", "GTIN", "GTIN", ("ma vach", "ma gtin", "ma so ma vach", "barcode")),
    Column("stars", "Số sao", "Stars",
           ("hang sao", "xep hang", "ket qua xep hang", "so sao dat", "star rating")),
    Column("score", "Điểm", "Score",
           ("so diem", "tong diem", "diem danh gia", "diem so", "total score"), required=True),
)
BY_KEY = {column.key: column for column in COLUMNS}


def header_key(text: str) -> str:
    """A header as compared: folded words, asides in parentheses and marks dropped."""
    return " ".join(search_words(_PARENTHESES.sub(" ", text)))


_KNOWN = {header_key(name): column.key for column in COLUMNS
          for name in (column.vi, column.en, *column.aliases)}


def column_letter(index: int) -> str:
    """The column's letter as a spreadsheet shows it (0 → A)."""
    return get_column_letter(index + 1)


@dataclass(frozen=True)
class Header:
    """The header row: its line, and for each known column its position and name as written."""

    line: int
    positions: dict[str, int]
    names: dict[str, str]
    ignored: tuple[str, ...]


def _keys(values: tuple) -> list[str | None]:
    return [_KNOWN.get(header_key(str(v))) if v is not None else None for v in values]


def find_header(table: Table) -> Header:
    """The first row that names the product and producer columns; FileRefused when none
    does, when a column is named twice or a required one is missing, or when merged cells
    reach the header or the rows below it."""
    for line, values in table.rows[:HEADER_SEARCH_ROWS]:
        keys = _keys(values)
        if "product" in keys and "producer" in keys:
            _refuse_merged(table.merged, line)
            return _header(line, values, keys)
    raise FileRefused(_("No row among the first %(count)d names the columns “%(product)s” and "
                        "“%(producer)s”: start from the template.", count=HEADER_SEARCH_ROWS,
                        product=BY_KEY["product"].vi, producer=BY_KEY["producer"].vi))


def _header(line: int, values: tuple, keys: list[str | None]) -> Header:
    positions: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in positions:
            raise FileRefused(_("Columns %(first)s and %(second)s both name “%(name)s”: keep one.",
                                first=column_letter(positions[key]),
                                second=column_letter(index), name=str(values[index]).strip()))
        positions[key] = index
    missing = [column.vi for column in COLUMNS if column.required and column.key not in positions]
    if missing:
        raise FileRefused(_("The header (row %(line)d) has no column %(names)s.", line=line,
                            names=", ".join(f"“{name}”" for name in missing)))
    ignored = tuple(str(v).strip() for v, key in zip(values, keys, strict=True)
                    if key is None and v is not None and str(v).strip())
    return Header(line=line, positions=positions, ignored=ignored,
                  names={key: str(values[index]).strip() for key, index in positions.items()})


def _refuse_merged(merged: tuple[MergedRange, ...], header_line: int) -> None:
    for cells in merged:
        if cells.first_row <= header_line <= cells.last_row:
            raise FileRefused(_("The header row has merged cells (%(cells)s): unmerge them, so "
                                "that each column has a name of its own.", cells=cells.ref))
        if cells.first_row > header_line:
            raise FileRefused(_("Cells %(cells)s are merged: unmerge them and fill in the value "
                                "on every row.", cells=cells.ref))


def template_headers(language: str) -> list[str]:
    """The template's header row in `language` ("vi" or "en")."""
    return [column.vi if language == "vi" else column.en for column in COLUMNS]

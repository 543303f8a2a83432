"""Annex files as officers make them: XLSX from openpyxl, CSV as Excel saves it."""

import csv
import io
import unicodedata

from openpyxl import Workbook

HEADER = ["STT", "Tên sản phẩm", "Chủ thể", "Mã số thuế", "Địa chỉ", "Nhóm sản phẩm", "GTIN",
          "Số sao", "Điểm"]


def xlsx(rows: list[list], merged: tuple[str, ...] = (), above: list[list] = ()) -> bytes:
    """A workbook whose first sheet holds `above` (title rows), then `rows`."""
    workbook = Workbook()
    sheet = workbook.active
    for row in [*above, *rows]:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(rows: list[list], delimiter: str = ",") -> str:
    """The text of a CSV file of `rows`."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def windows_1258(text: str) -> bytes:
    """`text` as Vietnamese Windows writes it: letters with circumflex, breve or horn are one
    byte, the tone marks combining characters after them."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
        out += (letter + "".join(tones)).encode("cp1258")
    return bytes(out)

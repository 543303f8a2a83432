"""A4 label sheets (PDF): every label's code decodes, in order, where the label stock has it."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from flask_babel import refresh
from PIL import Image

from shop.core.gs1 import digital_link
from shop.trace.labels import MM_PER_INCH, LabelSize, LabelText
from shop.trace.sheets import label_sheet_pdf

HOST = "https://ocop.example.vn"
GTIN = "08931234500016"
NAME = "Mật ong hoa nhãn Hưng Yên"
LOT = "LOT-26-11/A"
EXPIRES = date(2027, 12, 31)
DPI = 200
A4_MM = (210, 297)
A4_PT = (595.28, 841.89)


@pytest.fixture(autouse=True)
def vietnamese(app):
    """A request with no language cookie: the shop's default, Vietnamese."""
    with app.test_request_context():
        refresh()
        yield


def serialised(count: int) -> list[LabelText]:
    """`count` labels of one lot, serials 0001, 0002, … (so each code differs)."""
    labels = []
    for number in range(1, count + 1):
        serial = f"7K3M9QX2HB{number:04d}"
        url = digital_link(GTIN, LOT, serial, EXPIRES).uri(HOST)
        labels.append(LabelText(url, NAME, 4, LOT, EXPIRES, serial))
    return labels


@contextmanager
def opened(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    document = pdfium.PdfDocument(pdf)
    try:
        yield document
    finally:
        document.close()


def page_images(pdf: bytes) -> list[Image.Image]:
    with opened(pdf) as document:
        return [page.render(scale=DPI / 72).to_pil().convert("L") for page in document]


def cell(page: Image.Image, size: LabelSize, position: int) -> Image.Image:
    """The label at `position` on a page, cut out by the stock's geometry: a grid centred on A4."""
    spec = size.spec
    left = (A4_MM[0] - spec.columns * spec.width_mm) / 2 + position % spec.columns * spec.width_mm
    top = (A4_MM[1] - spec.rows * spec.height_mm) / 2 + position // spec.columns * spec.height_mm
    px = DPI / MM_PER_INCH
    return page.crop((round(left * px), round(top * px), round((left + spec.width_mm) * px),
                      round((top + spec.height_mm) * px)))


def decoded_cells(pdf: bytes, size: LabelSize) -> list[list[str | None]]:
    """For each page, the text of the code in each label position (None: no code)."""
    result = []
    for image in page_images(pdf):
        found = [zxingcpp.read_barcode(cell(image, size, position))
                 for position in range(size.spec.per_sheet)]
        result.append([code.text if code else None for code in found])
    return result


@pytest.mark.parametrize("size", list(LabelSize))
def test_a_few_labels_fill_the_first_cells_in_order(size):
    labels = serialised(3)
    [page] = decoded_cells(label_sheet_pdf(labels, size), size)
    assert page[:3] == [label.url for label in labels]
    assert set(page[3:]) == {None}


@pytest.mark.parametrize("size", list(LabelSize))
def test_a_full_sheet_and_one_more_take_two_pages(size):
    per_sheet = size.spec.per_sheet
    labels = serialised(per_sheet + 1)
    first, second = decoded_cells(label_sheet_pdf(labels, size), size)
    assert first == [label.url for label in labels[:per_sheet]]
    assert second == [labels[-1].url] + [None] * (per_sheet - 1)


def test_the_pages_are_a4_portrait():
    with opened(label_sheet_pdf(serialised(25), LabelSize.MEDIUM)) as document:
        assert [page.get_size() for page in document] == [pytest.approx(A4_PT, abs=0.01)] * 2


def test_the_codes_are_vector_paths_not_images():
    with opened(label_sheet_pdf(serialised(3), LabelSize.MEDIUM)) as document:
        kinds = [item.type for item in document[0].get_objects()]
    assert pdfium_c.FPDF_PAGEOBJ_IMAGE not in kinds
    assert kinds.count(pdfium_c.FPDF_PAGEOBJ_PATH) == 3  # one path per code


def test_the_words_print_in_vietnamese_with_their_diacritics():
    with opened(label_sheet_pdf(serialised(1), LabelSize.MEDIUM)) as document:
        text = " ".join(document[0].get_textpage().get_text_range().split())
    assert NAME in text
    assert "OCOP ★★★★ Lô: LOT-26-11/A HSD: 31/12/2027 Số sê-ri: 7K3M9QX2HB0001" in text


def test_the_font_is_embedded():
    pdf = label_sheet_pdf(serialised(1), LabelSize.SMALL)
    assert b"DejaVuSans" in pdf
    assert b"/FontFile2" in pdf


def test_no_labels_is_refused_rather_than_a_blank_sheet(app):
    with app.test_request_context(headers={"Cookie": "lang=en"}):
        refresh()
        with pytest.raises(ValueError, match="no labels to print"):
            label_sheet_pdf([], LabelSize.MEDIUM)


def test_a_code_too_dense_for_the_size_is_refused(app):
    labels = serialised(2)
    labels[1] = LabelText(labels[1].url + "&x=" + "a" * 350, NAME, 4, LOT, EXPIRES)
    with app.test_request_context(headers={"Cookie": "lang=en"}):
        refresh()
        with pytest.raises(ValueError, match="too long for a QR code"):
            label_sheet_pdf(labels, LabelSize.SMALL)

"""Printable A4 sheets of traceability labels (PDF), laid out for real label stock."""

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from fpdf import FPDF

from shop.trace.labels import (
    BOLD_FONT,
    REGULAR_FONT,
    LabelLayout,
    LabelSize,
    LabelSpec,
    LabelText,
    layout_labels,
)

A4_WIDTH_MM = 210
A4_HEIGHT_MM = 297
FONT_FAMILY = "DejaVu"


def label_sheet_pdf(labels: Sequence[LabelText], size: LabelSize) -> bytes:
    """A4 portrait pages of `size` labels, row by row, as many pages as `labels` need."""
    if not labels:
        # A blank page would waste a sheet of label stock in the printer.
        raise ValueError(_l("There are no labels to print."))
    spec = size.spec
    # Lay every label out first, so a URL too long for this size fails before any drawing.
    layouts = layout_labels(labels, size)
    pdf = _new_document()
    for index, layout in enumerate(layouts):
        if index % spec.per_sheet == 0:
            pdf.add_page()
        x, y = cell_origin_mm(spec, index)
        _draw_qr(pdf, layout, x, y)
        _draw_text(pdf, layout, x, y)
    return bytes(pdf.output())


def cell_origin_mm(spec: LabelSpec, index: int) -> tuple[float, float]:
    """The top-left corner of the `index`th label on its page: the grid centred on A4."""
    position = index % spec.per_sheet
    left = (A4_WIDTH_MM - spec.columns * spec.width_mm) / 2
    top = (A4_HEIGHT_MM - spec.rows * spec.height_mm) / 2
    return (left + position % spec.columns * spec.width_mm,
            top + position // spec.columns * spec.height_mm)


def _new_document() -> FPDF:
    """An empty A4 document in mm, with DejaVu Sans for Vietnamese and the ★."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creator("OCOP shop")
    pdf.add_font(FONT_FAMILY, "", REGULAR_FONT)
    pdf.add_font(FONT_FAMILY, "B", BOLD_FONT)
    return pdf


def _draw_qr(pdf: FPDF, layout: LabelLayout, x_mm: float, y_mm: float) -> None:
    """The code as one vector path of rectangles, one per horizontal run of dark modules.

    fpdf2 has no public call for raw content and its rect() costs a Python call per
    rectangle, so the operators are written with _out. A matrix (cm) maps one unit to one
    module with y pointing down, which keeps each rectangle to a few small integers; a single
    fill (f) paints them all, so there are no seams between neighbouring rectangles.
    """
    scale = layout.module_mm * pdf.k
    left = (x_mm + layout.qr_origin_mm) * pdf.k
    top = (A4_HEIGHT_MM - y_mm - layout.qr_origin_mm) * pdf.k
    runs = " ".join(f"{c} {r} {n} 1 re" for r, c, n in layout.qr.runs())
    pdf._out(f"q 0 g {scale:.4f} 0 0 {-scale:.4f} {left:.3f} {top:.3f} cm {runs} f Q")


def _draw_text(pdf: FPDF, layout: LabelLayout, x_mm: float, y_mm: float) -> None:
    """The label's lines of text, each at its baseline."""
    for line in layout.lines:
        pdf.set_font(FONT_FAMILY, "B" if line.bold else "", line.size_pt)
        pdf.text(x_mm + line.x_mm, y_mm + line.baseline_mm, line.text)

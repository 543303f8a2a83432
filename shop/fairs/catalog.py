"""A fair's printable catalog: A4 PDF with a cover, contents by group, and per product its
photo, names, stars, producer, booth, price and a QR code to its page.

Pages are laid out before anything is drawn (a group starts a page, PER_PAGE products a
page), so the contents know every group's page without drawing the document twice.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask_babel import format_date
from flask_babel import gettext as _
from fpdf import FPDF

from shop.catalog.models import Product
from shop.core.money import format_vnd
from shop.fairs.models import Fair
from shop.trace.labels import BOLD_FONT, REGULAR_FONT
from shop.trace.qr import QRMatrix, qr_matrix

A4_WIDTH_MM, A4_HEIGHT_MM = 210, 297
MARGIN_MM = 15
FONT = "DejaVu"
PER_PAGE = 4
ROW_MM = (A4_HEIGHT_MM - 2 * MARGIN_MM - 12) / PER_PAGE
PHOTO_MM = 42
# 32 mm across: a version-4 code (a product URL) gets modules of about 0.8 mm, which phone
# cameras read from arm's length on paper.
QR_MM = 32


@dataclass(frozen=True)
class GroupPages:
    """A product group's products, and the page of the document where they begin."""

    name: str
    products: list[Product]
    first_page: int


def catalog_pdf(fair: Fair, products: Sequence[Product], booth_codes: dict[int, str],
                product_url: Callable[[str], str], media_root: str, locale: str = "vi") -> bytes:
    """The catalog of `fair` for `products` (already the listed ones), as PDF bytes."""
    groups = _groups(products, locale)
    pdf = _document(fair)
    _cover(pdf, fair, len(products))
    _contents(pdf, groups)
    root = Path(media_root).resolve()
    for group in groups:
        for index, product in enumerate(group.products):
            if index % PER_PAGE == 0:
                pdf.add_page()
                _page_head(pdf, fair, group.name)
            y = MARGIN_MM + 12 + index % PER_PAGE * ROW_MM
            _product(pdf, product, booth_codes.get(product.producer_id, ""),
                     product_url(product.slug), root, y, locale)
    return bytes(pdf.output())


def _groups(products: Sequence[Product], locale: str) -> list[GroupPages]:
    """Products by group (groups by code), with each group's first page: cover 1, contents 2."""
    by_code: dict[int, list[Product]] = {}
    names: dict[int, str] = {}
    for product in products:
        by_code.setdefault(product.group.code, []).append(product)
        names[product.group.code] = (product.group.name_en if locale == "en"
                                     else product.group.name_vi)
    groups, page = [], 3
    for code in sorted(by_code):
        groups.append(GroupPages(names[code], by_code[code], page))
        page += -(-len(by_code[code]) // PER_PAGE)
    return groups


def _document(fair: Fair) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN_MM, MARGIN_MM)
    pdf.set_creator("OCOP shop")
    pdf.set_title(fair.name_vi)
    pdf.add_font(FONT, "", REGULAR_FONT)
    pdf.add_font(FONT, "B", BOLD_FONT)
    return pdf


def _dates(fair: Fair) -> str:
    """First and last day, long form, in the request's language."""
    def day(value: date) -> str:
        return format_date(value, "long")
    return f"{day(fair.starts_on)} – {day(fair.ends_on)}"


def _cover(pdf: FPDF, fair: Fair, count: int) -> None:
    pdf.add_page()
    width = A4_WIDTH_MM - 2 * MARGIN_MM
    pdf.set_y(80)
    pdf.set_font(FONT, "B", 24)
    pdf.multi_cell(width, 11, fair.name_vi, align="C")
    if fair.name_en:
        pdf.set_font(FONT, "", 16)
        pdf.multi_cell(width, 9, fair.name_en, align="C")
    pdf.ln(10)
    pdf.set_font(FONT, "", 13)
    for line in (_dates(fair), fair.venue, fair.province.name,
                 _("Organised by %(name)s", name=fair.organiser),
                 _("%(count)d OCOP products", count=count)):
        pdf.multi_cell(width, 7, line, align="C")


def _contents(pdf: FPDF, groups: list[GroupPages]) -> None:
    pdf.add_page()
    pdf.set_font(FONT, "B", 18)
    pdf.cell(0, 12, _("Contents"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT, "", 12)
    width = A4_WIDTH_MM - 2 * MARGIN_MM
    for group in groups:
        label = _("%(group)s (%(count)d products)", group=group.name, count=len(group.products))
        pdf.cell(width - 20, 8, label)
        pdf.cell(20, 8, str(group.first_page), align="R", new_x="LMARGIN", new_y="NEXT")


def _page_head(pdf: FPDF, fair: Fair, group: str) -> None:
    pdf.set_xy(MARGIN_MM, MARGIN_MM)
    pdf.set_font(FONT, "B", 13)
    pdf.cell(120, 8, group)
    pdf.set_font(FONT, "", 9)
    pdf.cell(0, 8, f"{fair.name_vi} · {pdf.page_no()}", align="R")
    pdf.line(MARGIN_MM, MARGIN_MM + 9, A4_WIDTH_MM - MARGIN_MM, MARGIN_MM + 9)


def _product(pdf: FPDF, product: Product, booth: str, url: str, root: Path, y: float,
             locale: str) -> None:
    """One product's block: photo left, text in the middle, QR code right."""
    _photo(pdf, product, root, MARGIN_MM, y + 2)
    left = MARGIN_MM + PHOTO_MM + 5
    width = A4_WIDTH_MM - MARGIN_MM - QR_MM - 4 - left
    pdf.set_xy(left, y + 2)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(width, 5.5, product.name_vi, max_line_height=5.5, new_x="LEFT")
    pdf.set_font(FONT, "", 10)
    if product.name_en:
        pdf.multi_cell(width, 5, product.name_en, new_x="LEFT")
    stars = product.certificate.stars if product.certificate else 0
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(176, 110, 0)
    pdf.cell(width, 6, "OCOP " + "★" * stars, new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(FONT, "", 10)
    producer = product.producer
    lines = [f"{producer.name} — {producer.province.name}",
             _("Booth %(code)s", code=booth) if booth else "",
             format_vnd(product.price_vnd, locale)]
    for line in filter(None, lines):
        pdf.multi_cell(width, 5, line, new_x="LEFT")
    _draw_qr(pdf, qr_matrix(url), A4_WIDTH_MM - MARGIN_MM - QR_MM, y + 2, QR_MM)
    pdf.set_draw_color(220)
    pdf.line(MARGIN_MM, y + ROW_MM - 1, A4_WIDTH_MM - MARGIN_MM, y + ROW_MM - 1)
    pdf.set_draw_color(0)


def _photo(pdf: FPDF, product: Product, root: Path, x: float, y: float) -> None:
    """The product's first photo, fitted in a square; nothing when the file is missing."""
    if not product.cover_path:
        return
    path = (root / product.cover_path).resolve()
    # A path leaving the media folder, or a missing or unreadable file, leaves a blank space.
    if not path.is_relative_to(root) or not path.is_file():
        return
    try:
        pdf.image(str(path), x=x, y=y, w=PHOTO_MM, h=PHOTO_MM, keep_aspect_ratio=True)
    except (OSError, ValueError, RuntimeError):
        return


def _draw_qr(pdf: FPDF, matrix: QRMatrix, x_mm: float, y_mm: float, size_mm: float) -> None:
    """The code as one vector path of rectangles, as shop.trace.sheets draws label codes."""
    scale = size_mm / matrix.size * pdf.k
    left = x_mm * pdf.k
    top = (A4_HEIGHT_MM - y_mm) * pdf.k
    runs = " ".join(f"{c} {r} {n} 1 re" for r, c, n in matrix.runs())
    pdf._out(f"q 0 g {scale:.4f} 0 0 {-scale:.4f} {left:.3f} {top:.3f} cm {runs} f Q")

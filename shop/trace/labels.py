"""Traceability labels: a QR code beside the product's name, OCOP stars, lot, expiry and serial.

`layout_label` places everything once, in millimetres; the PNG and SVG renderers here and the
PDF sheets (shop.trace.sheets) only draw that layout, so the three outputs agree.
"""

import dataclasses
import enum
import hashlib
import io
import json
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape

from flask_babel import LazyString, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageDraw, ImageFont

from shop.extensions import cache
from shop.trace.qr import QRCapacityError, QRMatrix, qr_matrix

# Part of every cache key: bump it whenever a label's drawing changes, so cached ones redraw.
RENDER_VERSION = 1
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
REGULAR_FONT = FONT_DIR / "DejaVuSans.ttf"
BOLD_FONT = FONT_DIR / "DejaVuSans-Bold.ttf"
# The usual floor for a QR module that phone cameras read reliably off paper.
MIN_MODULE_MM = 0.33
MM_PER_INCH = 25.4
MM_PER_PT = MM_PER_INCH / 72
LINE_PITCH = 1.2  # baseline to baseline, in font sizes
# DejaVu Sans' ascender and descender, in font sizes. Capitals with stacked Vietnamese marks
# (Ẫ) rise to 1.07, a fraction of a millimetre into the padding at these sizes.
ASCENT = 0.93
DESCENT = 0.24
MIN_DETAIL_SCALE = 0.8  # how far a detail line may shrink before it wraps
TYPE_SCALES = (1, 0.9, 0.8, 0.7)
STAR = "★"
ELLIPSIS = "…"
# DejaVu's advance widths are in 2048ths of an em; measuring at 2048 px gives them unrounded.
_MEASURE_PX = 2048
_Rendered = TypeVar("_Rendered", bytes, str)
_Row = tuple[str, bool, float]  # a line of text, bold or not, at a size in points


@dataclass(frozen=True)
class LabelText:
    """What a label carries: the code's URL and the words printed beside it."""

    url: str
    product_name: str
    stars: int | None
    lot: str
    expires_on: date
    serial: str | None = None

    def __post_init__(self) -> None:
        if self.stars is not None and not 3 <= self.stars <= 5:
            raise ValueError(f"OCOP certifies 3 to 5 stars, not {self.stars}.")


class LabelSize(enum.StrEnum):
    """A4 label stock we print on; the value is the form's choice."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"

    @property
    def spec(self) -> "LabelSpec":
        """This stock's dimensions and type sizes."""
        return SPECS[self]


@dataclass(frozen=True)
class LabelSpec:
    """One label stock: a label's size, the grid on an A4 sheet, and the type that fits."""

    width_mm: float
    height_mm: float
    columns: int
    rows: int
    label: LazyString  # translatable, for the size picker
    # Kept clear on every side: sheets feed slightly askew, and on stock that runs to the
    # paper's edge most printers cannot ink the outer 3 to 4 mm.
    padding_mm: float
    name_pt: float
    detail_pt: float
    name_lines: int

    @property
    def per_sheet(self) -> int:
        """Labels on one A4 sheet."""
        return self.columns * self.rows

    @property
    def qr_box_mm(self) -> float:
        """The side of the square the QR code fills, quiet zone included."""
        return self.height_mm - 2 * self.padding_mm


SPECS: dict[LabelSize, LabelSpec] = {
    # Avery 3651 style: edge to edge on A4.
    LabelSize.SMALL: LabelSpec(52.5, 29.7, 4, 10, _l("Small, 52.5 × 29.7 mm, 40 per sheet"),
                               padding_mm=3, name_pt=7, detail_pt=6, name_lines=3),
    # Avery 3474 style: edge to edge on A4.
    LabelSize.MEDIUM: LabelSpec(70, 37.125, 3, 8, _l("Medium, 70 × 37 mm, 24 per sheet"),
                                padding_mm=3, name_pt=9, detail_pt=7.5, name_lines=3),
    # Avery 3425 style: 6 mm margins top and bottom.
    LabelSize.LARGE: LabelSpec(105, 57, 2, 5, _l("Large, 105 × 57 mm, 10 per sheet"),
                               padding_mm=3, name_pt=13, detail_pt=10, name_lines=3),
}


@dataclass(frozen=True)
class TextLine:
    """One line of text, its left end on the baseline, in mm from the label's top-left."""

    text: str
    bold: bool
    size_pt: float
    x_mm: float
    baseline_mm: float


@dataclass(frozen=True)
class LabelLayout:
    """Where everything on one label goes, in mm from its top-left corner."""

    qr: QRMatrix
    qr_origin_mm: float  # the QR square's top-left corner, on the diagonal
    module_mm: float
    lines: tuple[TextLine, ...]


def _code_too_long(size: LabelSize) -> ValueError:
    """The error for a URL whose code would be too dense to scan from paper at `size`."""
    return ValueError(_l(
        "The URL is too long for a QR code that scans from paper on this label size "
        "(%(size)s): use a larger label or a shorter URL.", size=size.spec.label))


@dataclass(frozen=True)
class _Wording:
    """The translated templates of the detail lines, looked up once for many labels."""

    lot: str
    expires: str
    serial: str

    @classmethod
    def current(cls) -> "_Wording":
        """The templates in the request's language (%(…)s left for each label)."""
        return cls(_("Lot: %(lot)s"), _("Exp: %(date)s"), _("Serial: %(serial)s"))


def layout_label(label: LabelText, size: LabelSize) -> LabelLayout:
    """Place the code and the words of `label` on a `size` label; raise ValueError if too dense."""
    return layout_labels([label], size)[0]


def layout_labels(labels: Sequence[LabelText], size: LabelSize) -> list[LabelLayout]:
    """layout_label for each of `labels`, translating the printed words once for them all."""
    wording = _Wording.current()
    return [_layout(label, size, wording) for label in labels]


def _layout(label: LabelText, size: LabelSize, wording: _Wording) -> LabelLayout:
    """One label's layout (see layout_label)."""
    spec = size.spec
    try:
        matrix = qr_matrix(label.url)
    except QRCapacityError:
        raise _code_too_long(size) from None
    module_mm = spec.qr_box_mm / matrix.size
    if module_mm < MIN_MODULE_MM:
        raise _code_too_long(size)
    return LabelLayout(matrix, spec.padding_mm, module_mm,
                       _text_lines(_details(label, wording), label.product_name, spec))


def _text_lines(details: list[str], product_name: str, spec: LabelSpec) -> tuple[TextLine, ...]:
    """The name and detail lines beside the code, wrapped to the text column, centred on it."""
    rows = _fitting_rows(details, _clean(product_name), spec)
    x = spec.padding_mm + spec.qr_box_mm
    baseline = spec.padding_mm + (spec.qr_box_mm - _height_mm(rows)) / 2
    lines = []
    for index, (text, bold, pt) in enumerate(rows):
        # Each line sits its own size's pitch below the one before (the first: its ascent).
        baseline += pt * (LINE_PITCH if index else ASCENT) * MM_PER_PT
        lines.append(TextLine(text, bold, pt, x, baseline))
    return tuple(lines)


def _fitting_rows(details: list[str], name: str, spec: LabelSpec) -> list[_Row]:
    """The lines at the largest type, then with the most lines of name, that fit the height."""
    width = spec.width_mm - spec.qr_box_mm - 2 * spec.padding_mm
    # Long lots and serials (20 characters are allowed) or long translations may need
    # fewer lines of name, then smaller type, to stay inside the label.
    for scale in TYPE_SCALES:
        for name_lines in range(spec.name_lines, 0, -1):
            name_pt = spec.name_pt * scale
            rows = [(line, True, name_pt) for line in _wrap(name, True, name_pt, width, name_lines)]
            for text in details:
                rows += _fit_detail(text, spec.detail_pt * scale, width)
            if _height_mm(rows) <= spec.qr_box_mm:
                return rows
    return rows


def _height_mm(rows: list[_Row]) -> float:
    """How tall lines of text stand, from the first one's ascent to the last one's descent."""
    pitches = sum(pt for _, _, pt in rows[1:]) * LINE_PITCH
    return (rows[0][2] * ASCENT + pitches + rows[-1][2] * DESCENT) * MM_PER_PT


def _details(label: LabelText, wording: _Wording) -> list[str]:
    """The detail lines in print order: stars, lot, expiry and serial."""
    lines = [f"OCOP {STAR * label.stars}"] if label.stars else []
    lines.append(wording.lot % {"lot": _clean(label.lot)})
    lines.append(wording.expires % {"date": label.expires_on.strftime("%d/%m/%Y")})
    if label.serial:
        lines.append(wording.serial % {"serial": _clean(label.serial)})
    return lines


def _clean(text: str) -> str:
    """Composed characters (fonts hold "ộ" whole) and no control characters (invalid in XML)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch if unicodedata.category(ch) != "Cc" else " " for ch in text)


def _fit_detail(text: str, size_pt: float, width_mm: float) -> list[_Row]:
    """A detail line shrunk a little to fit, else wrapped at full size onto up to 3 lines."""
    fitting_pt = math.floor(width_mm / text_width_mm(text, False, 1) * 4) / 4  # quarter points
    if fitting_pt >= size_pt * MIN_DETAIL_SCALE:
        return [(text, False, min(size_pt, fitting_pt))]
    return [(line, False, size_pt) for line in _wrap(text, False, size_pt, width_mm, 3)]


@lru_cache(maxsize=256)
def _wrap(text: str, bold: bool, size_pt: float, width_mm: float,
          max_lines: int) -> tuple[str, ...]:
    """Word-wrap `text` into at most `max_lines` lines; the last ends in … when text is left."""
    def fits(line: str) -> bool:
        return text_width_mm(line, bold, size_pt) <= width_mm

    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines - 1:
        line, words = _next_line(words, fits)
        lines.append(line)
    if words:
        lines.append(_ellipsize(" ".join(words), fits))
    return tuple(lines)


def _next_line(words: list[str], fits: Callable[[str], bool]) -> tuple[str, list[str]]:
    """The first line of `words` and the rest; a word wider than any line splits where it starts."""
    count = 0
    while count < len(words) and fits(" ".join(words[:count + 1])):
        count += 1
    line = " ".join(words[:count])
    if count == len(words) or fits(words[count]):
        return line, words[count:]
    lead = line + " " if line else ""
    if line and not fits(lead + words[count][0]):
        return line, words[count:]
    head = _longest_prefix(words[count], lambda part: fits(lead + part))
    return lead + head, [words[count][len(head):], *words[count + 1:]]


def _longest_prefix(text: str, fits: Callable[[str], bool], suffix: str = "") -> str:
    """The longest start of `text` (at least one character) that fits with `suffix` after it."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle] + suffix):
            low = middle
        else:
            high = middle - 1
    return text[:low]


def _ellipsize(text: str, fits: Callable[[str], bool]) -> str:
    """`text` if it fits, else as many whole words as fit with an ellipsis (or letters)."""
    if fits(text):
        return text
    words = text.split()
    count = 0
    while count < len(words) and fits(" ".join(words[:count + 1]) + ELLIPSIS):
        count += 1
    if count:
        return " ".join(words[:count]) + ELLIPSIS
    return _longest_prefix(text, fits, ELLIPSIS) + ELLIPSIS


def text_width_mm(text: str, bold: bool, size_pt: float) -> float:
    """How wide `text` prints in DejaVu Sans at `size_pt`."""
    return _width_em(text, bold) * size_pt * MM_PER_PT


@lru_cache(maxsize=4096)
def _width_em(text: str, bold: bool) -> float:
    """The width of `text` in ems; cached, as a lot's labels repeat all but their serial."""
    # At one em = 2048 px the lengths are DejaVu's own units, as PDF and SVG viewers add them.
    return _font(bold, _MEASURE_PX).getlength(text) / _MEASURE_PX


@lru_cache(maxsize=64)
def _font(bold: bool, size_px: float) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (bold or regular) at `size_px`; basic layout, since the text is composed."""
    return ImageFont.truetype(str(BOLD_FONT if bold else REGULAR_FONT), size_px,
                              layout_engine=ImageFont.Layout.BASIC)


def render_png(label: LabelText, size: LabelSize = LabelSize.MEDIUM, dpi: int = 300) -> bytes:
    """The label as a black-and-white PNG at `dpi`, tagged with that resolution for printing."""
    plan = layout_label(label, size)
    spec = size.spec
    px_per_mm = dpi / MM_PER_INCH
    # One bit a pixel: label printers print only ink or paper, and a 1-bit PNG encodes
    # several times faster (and smaller) than greyscale with anti-aliased text.
    image = Image.new("1", (round(spec.width_mm * px_per_mm), round(spec.height_mm * px_per_mm)),
                      1)
    _paste_qr(image, plan, spec, px_per_mm, size)
    draw = ImageDraw.Draw(image)
    for line in plan.lines:
        draw.text((line.x_mm * px_per_mm, line.baseline_mm * px_per_mm), line.text, fill=0,
                  font=_font(line.bold, line.size_pt * dpi / 72), anchor="ls")
    out = io.BytesIO()
    # Level 1 compresses ~3× faster than the default; these flat images barely notice.
    image.save(out, "PNG", dpi=(dpi, dpi), compress_level=1)
    return out.getvalue()


def _paste_qr(image: Image.Image, plan: LabelLayout, spec: LabelSpec, px_per_mm: float,
              size: LabelSize) -> None:
    """Draw the code with whole-pixel modules (crisp edges), centred in its square."""
    module_px = math.floor(spec.qr_box_mm * px_per_mm / plan.qr.size)
    if module_px / px_per_mm < MIN_MODULE_MM:  # rounding down to whole pixels shrank them
        raise _code_too_long(size)
    side = module_px * plan.qr.size
    code = Image.frombytes("L", (plan.qr.size, plan.qr.size), plan.qr.grey_bytes()).convert("1")
    offset = round(plan.qr_origin_mm * px_per_mm + (spec.qr_box_mm * px_per_mm - side) / 2)
    image.paste(code.resize((side, side), Image.Resampling.NEAREST), (offset, offset))


def render_svg(label: LabelText, size: LabelSize = LabelSize.MEDIUM) -> str:
    """The label as a standalone SVG document sized in mm: the code one <path>, words <text>."""
    plan = layout_label(label, size)
    spec = size.spec
    path = "".join(f"M{c} {r}h{n}v1h-{n}z" for r, c, n in plan.qr.runs())
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{spec.width_mm}mm" '
        f'height="{spec.height_mm}mm" viewBox="0 0 {spec.width_mm} {spec.height_mm}">\n'
        f"<title>{escape(_clean(label.product_name))}</title>\n"
        f'<rect width="{spec.width_mm}" height="{spec.height_mm}" fill="#fff"/>\n'
        f'<path transform="translate({plan.qr_origin_mm} {plan.qr_origin_mm}) '
        f'scale({plan.module_mm:.5f})" fill="#000" shape-rendering="crispEdges" d="{path}"/>\n'
        # The layout measured DejaVu Sans; Verdana is the nearest in width, should it be missing.
        '<g font-family="\'DejaVu Sans\', Verdana, sans-serif" fill="#000">\n',
    ]
    for line in plan.lines:
        weight = ' font-weight="bold"' if line.bold else ""
        parts.append(f'<text x="{line.x_mm:.2f}" y="{line.baseline_mm:.2f}" '
                     f'font-size="{line.size_pt * MM_PER_PT:.3f}"{weight}>'
                     f"{escape(line.text)}</text>\n")
    parts.append("</g>\n</svg>\n")
    return "".join(parts)


def cache_key(kind: str, label: LabelText, size: LabelSize) -> str:
    """The cache key of a rendered label: a hash of everything its drawing depends on."""
    # The locale too: the printed words ("Lô:" or "Lot:") are translated at render time.
    inputs = [RENDER_VERSION, kind, size.value, str(get_locale()), dataclasses.asdict(label)]
    digest = hashlib.sha256(json.dumps(inputs, default=str, sort_keys=True).encode())
    return f"trace-label:{digest.hexdigest()}"


def cached_png(label: LabelText, size: LabelSize = LabelSize.MEDIUM) -> bytes:
    """render_png at 300 dpi, from the app's cache when this label was drawn before."""
    return _cached("png", render_png, label, size)


def cached_svg(label: LabelText, size: LabelSize = LabelSize.MEDIUM) -> str:
    """render_svg, from the app's cache when this label was drawn before."""
    return _cached("svg", render_svg, label, size)


def _cached(kind: str, render: Callable[[LabelText, LabelSize], _Rendered], label: LabelText,
            size: LabelSize) -> _Rendered:
    """`render(label, size)` through the cache, under cache_key(kind, …)."""
    key = cache_key(kind, label, size)
    rendered = cache.get(key)
    if rendered is None:
        rendered = render(label, size)
        cache.set(key, rendered)
    return rendered

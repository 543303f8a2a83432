"""Single labels as PNG and SVG: each code decodes to its URL, the words fit, the cache holds."""

import dataclasses
import io
import string
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
import resvg_py
import zxingcpp
from flask_babel import gettext, refresh
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from shop.extensions import cache
from shop.trace.labels import (
    ASCENT,
    DESCENT,
    ELLIPSIS,
    MM_PER_INCH,
    MM_PER_PT,
    LabelSize,
    LabelText,
    cache_key,
    cached_png,
    cached_svg,
    layout_label,
    render_png,
    render_svg,
    text_width_mm,
)
from shop.trace.qr import QUIET_ZONE, qr_matrix

URL = "https://ocop.example.vn/01/08931234500016/10/LOT-26-11%2FA/21/7K3M9QX2HB4TZ?17=271231"
NAME = "Mật ong hoa nhãn Hưng Yên"
LONG_NAME = "Mật ong hoa nhãn Hưng Yên nguyên chất, đặc sản Khoái Châu thượng hạng loại một"
SVG_NS = "{http://www.w3.org/2000/svg}"
# A URL whose code (version 16: 89 modules with the quiet zone) is too dense for a small label
# (0.27 mm modules) but fits a medium one (0.35 mm) and a large one.
DENSE_URL = URL + "&x=" + "a" * 350
PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def vietnamese(app):
    """A request with no language cookie: the shop's default, Vietnamese."""
    with app.test_request_context():
        refresh()
        yield


@contextmanager
def language(app, code: str) -> Iterator[None]:
    """A request in language `code`; Babel's cached locale is dropped on the way in and out."""
    with app.test_request_context(headers={"Cookie": f"lang={code}"}):
        refresh()
        yield
    refresh()


@pytest.fixture
def english(app):
    """A request in English, for the words of error messages."""
    with language(app, "en"):
        yield


def a_label(**changes) -> LabelText:
    label = LabelText(url=URL, product_name=NAME, stars=4, lot="LOT-26-11/A",
                      expires_on=date(2027, 12, 31), serial="7K3M9QX2HB4TZ")
    return dataclasses.replace(label, **changes)


def decode(image: Image.Image) -> str:
    found = zxingcpp.read_barcode(image.convert("L"))
    assert found is not None, "no QR code found"
    return found.text


def open_png(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png))


def name_and_details(label: LabelText, size: LabelSize) -> tuple[str, list[str]]:
    """The product name as printed (its lines joined) and the detail lines."""
    lines = layout_label(label, size).lines
    return (" ".join(line.text for line in lines if line.bold),
            [line.text for line in lines if not line.bold])


def rasterise(svg: str) -> Image.Image:
    return open_png(bytes(resvg_py.svg_to_bytes(svg_string=svg, dpi=300, background="white")))


# --- the code decodes to the URL, exactly -----------------------------------------------------

@pytest.mark.parametrize("size", list(LabelSize))
def test_png_decodes_to_the_url(size):
    assert decode(open_png(render_png(a_label(), size))) == URL


@pytest.mark.parametrize("size", list(LabelSize))
def test_png_has_the_stock_size_at_its_resolution(size):
    image = open_png(render_png(a_label(), size, dpi=300))
    spec = size.spec
    assert image.size == (round(spec.width_mm / MM_PER_INCH * 300),
                          round(spec.height_mm / MM_PER_INCH * 300))
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_png_at_screen_resolution_still_decodes():
    assert decode(open_png(render_png(a_label(), LabelSize.MEDIUM, dpi=150))) == URL


@pytest.mark.parametrize("size", list(LabelSize))
def test_svg_decodes_once_rasterised(size):
    assert decode(rasterise(render_svg(a_label(), size))) == URL


@PROPERTY
@given(path=st.text(alphabet=string.ascii_letters + string.digits + "-._~%/?=&:#+", max_size=160))
def test_any_ascii_url_decodes_back_from_the_png(path):
    url = "https://ocop.example.vn/" + path
    assert decode(open_png(render_png(a_label(url=url), LabelSize.MEDIUM))) == url


@settings(max_examples=300, deadline=None)
@given(data=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1,
                    max_size=300))
def test_the_fixed_mask_never_makes_an_unreadable_code(data):
    matrix = qr_matrix(data)
    bare = Image.frombytes("L", (matrix.size, matrix.size), matrix.grey_bytes())
    assert decode(bare.resize((matrix.size * 3,) * 2, Image.Resampling.NEAREST)) == data


def test_the_matrix_has_a_quiet_zone_of_four_modules():
    matrix = qr_matrix(URL)
    margin = [matrix.rows[i] for i in range(QUIET_ZONE)] + [
        matrix.rows[-1 - i] for i in range(QUIET_ZONE)]
    assert not any(any(row) for row in margin)
    assert not any(any(row[:QUIET_ZONE]) or any(row[-QUIET_ZONE:]) for row in matrix.rows)
    assert matrix.size == 37 + 2 * QUIET_ZONE  # version 5 holds this 85-character URL


# --- the words -------------------------------------------------------------------------------

def test_svg_is_sized_in_mm_with_the_code_as_one_path():
    root = ET.fromstring(render_svg(a_label(), LabelSize.MEDIUM))
    assert (root.get("width"), root.get("height")) == ("70mm", "37.125mm")
    assert len(root.findall(f"{SVG_NS}path")) == 1
    texts = [text.text for text in root.iter(f"{SVG_NS}text")]
    name = [text.text for text in root.iter(f"{SVG_NS}text") if text.get("font-weight")]
    assert " ".join(name) == NAME
    assert texts[len(name):] == [
        "OCOP ★★★★",
        gettext("Lot: %(lot)s", lot="LOT-26-11/A"),
        gettext("Exp: %(date)s", date="31/12/2027"),
        gettext("Serial: %(serial)s", serial="7K3M9QX2HB4TZ"),
    ]


def test_svg_escapes_markup_in_the_product_name():
    name = 'Bánh <đậu> xanh & "mè" Hải Dương'
    root = ET.fromstring(render_svg(a_label(product_name=name), LabelSize.LARGE))
    assert root.find(f"{SVG_NS}title").text == name
    bold = [t.text for t in root.iter(f"{SVG_NS}text") if t.get("font-weight") == "bold"]
    assert " ".join(bold) == name


def test_control_characters_do_not_break_the_svg():
    root = ET.fromstring(render_svg(a_label(product_name="Trà\x0bShan\x00tuyết"),
                                    LabelSize.LARGE))
    assert root.find(f"{SVG_NS}title").text == "Trà Shan tuyết"


def test_decomposed_vietnamese_is_composed_for_the_fonts():
    decomposed = unicodedata.normalize("NFD", NAME)
    assert decomposed != NAME
    assert name_and_details(a_label(product_name=decomposed), LabelSize.LARGE)[0] == NAME


def test_english_words_and_the_date_as_dd_mm_yyyy(english):
    assert name_and_details(a_label(), LabelSize.LARGE)[1] == [
        "OCOP ★★★★", "Lot: LOT-26-11/A", "Exp: 31/12/2027", "Serial: 7K3M9QX2HB4TZ"]


def test_no_stars_and_no_serial_leave_their_lines_out():
    assert name_and_details(a_label(stars=None, serial=None), LabelSize.LARGE) == (
        NAME, [gettext("Lot: %(lot)s", lot="LOT-26-11/A"),
               gettext("Exp: %(date)s", date="31/12/2027")])


@pytest.mark.parametrize("stars", [0, 2, 6])
def test_ocop_stars_are_3_to_5(stars):
    with pytest.raises(ValueError, match="3 to 5"):
        a_label(stars=stars)


def test_a_long_name_wraps_to_three_lines_ending_in_an_ellipsis():
    lines = layout_label(a_label(product_name=LONG_NAME), LabelSize.MEDIUM).lines
    name = [line.text for line in lines if line.bold]
    assert len(name) == 3
    assert name[-1].endswith(ELLIPSIS)
    assert LONG_NAME.startswith(" ".join(name).removesuffix(ELLIPSIS))


def test_a_word_wider_than_the_column_is_broken_between_letters():
    word = "Nướcmắm" * 6
    name = [line.text for line in
            layout_label(a_label(product_name=word), LabelSize.SMALL).lines if line.bold]
    assert len(name) == 3
    assert "".join(name).removesuffix(ELLIPSIS) == word[:len("".join(name)) - 1]


@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_fullest_label_stays_inside_its_margins(app, size, code):
    # The longest values GS1 allows for the lot and the serial, five stars, a long name.
    fullest = a_label(product_name=LONG_NAME, stars=5, lot="MW" * 10, serial="W" * 20)
    with language(app, code):
        layout = layout_label(fullest, size)
    spec = size.spec
    right, bottom = spec.width_mm - spec.padding_mm, spec.height_mm - spec.padding_mm
    for line in layout.lines:
        assert line.x_mm >= spec.padding_mm + spec.qr_box_mm
        assert line.x_mm + text_width_mm(line.text, line.bold, line.size_pt) <= right + 0.01
        assert line.baseline_mm - ASCENT * line.size_pt * MM_PER_PT >= spec.padding_mm - 0.01
        assert line.baseline_mm + DESCENT * line.size_pt * MM_PER_PT <= bottom + 0.01
    assert "W" * 20 in "".join(line.text for line in layout.lines)  # the serial is never cut


# --- codes too dense to scan, and other refusals ----------------------------------------------

def test_a_url_too_long_for_a_small_label_is_refused(english):
    for render in (render_png, render_svg):
        with pytest.raises(ValueError, match="too long for a QR code that scans from paper"):
            render(a_label(url=DENSE_URL), LabelSize.SMALL)


@pytest.mark.parametrize("size", [LabelSize.MEDIUM, LabelSize.LARGE])
def test_the_same_url_fits_larger_labels_with_modules_of_at_least_a_third_of_a_mm(size):
    assert qr_matrix(DENSE_URL).size == 89
    assert layout_label(a_label(url=DENSE_URL), size).module_mm >= 0.33
    assert decode(open_png(render_png(a_label(url=DENSE_URL), size))) == DENSE_URL
    assert decode(rasterise(render_svg(a_label(url=DENSE_URL), size))) == DENSE_URL


def test_a_png_too_coarse_for_whole_pixel_modules_of_a_third_of_a_mm_is_refused(english):
    render_png(a_label(url=DENSE_URL), LabelSize.MEDIUM, dpi=300)  # 4 px = 0.34 mm modules
    with pytest.raises(ValueError, match="too long"):
        render_png(a_label(url=DENSE_URL), LabelSize.MEDIUM, dpi=200)  # 2 px = 0.25 mm


def test_a_url_longer_than_any_qr_code_is_refused(english):
    with pytest.raises(ValueError, match="too long"):
        render_png(a_label(url=URL + "a" * 3000), LabelSize.LARGE)


def test_a_url_must_be_ascii():
    with pytest.raises(ValueError, match="ASCII"):
        render_svg(a_label(url="https://ocop.example.vn/sản-phẩm"), LabelSize.MEDIUM)


# --- the cache -------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "cached"), [("png", cached_png), ("svg", cached_svg)])
def test_a_cached_label_is_served_from_the_cache(kind, cached):
    label = a_label(serial=f"CACHE{kind.upper()}")
    key = cache_key(kind, label, LabelSize.SMALL)
    cache.delete(key)
    first = cached(label, LabelSize.SMALL)
    assert cache.get(key) == first
    assert cached(label, LabelSize.SMALL) == first
    # Whatever the cache holds under the key is what comes back: nothing is drawn again.
    stand_in = b"stored" if kind == "png" else "stored"
    cache.set(key, stand_in)
    assert cached(label, LabelSize.SMALL) == stand_in


def test_cached_png_is_the_rendered_png():
    label = a_label(serial="CACHEDSAME")
    cache.delete(cache_key("png", label, LabelSize.MEDIUM))
    assert cached_png(label) == render_png(label, LabelSize.MEDIUM)


def test_every_input_changes_the_cache_key(app):
    label = a_label()
    changes = {"url": URL + "0", "product_name": NAME + " 2", "stars": 5, "lot": "LOT-2",
               "expires_on": date(2028, 1, 1), "serial": "OTHER"}
    assert set(changes) == {field.name for field in dataclasses.fields(LabelText)}
    keys = [cache_key("png", label, LabelSize.MEDIUM),
            cache_key("svg", label, LabelSize.MEDIUM),
            cache_key("png", label, LabelSize.SMALL)]
    keys += [cache_key("png", dataclasses.replace(label, **{name: value}), LabelSize.MEDIUM)
             for name, value in changes.items()]
    with language(app, "en"):
        keys.append(cache_key("png", label, LabelSize.MEDIUM))
    assert len(set(keys)) == len(keys)
    assert cache_key("png", a_label(), LabelSize.MEDIUM) == keys[0]

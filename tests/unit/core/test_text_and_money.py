"""Folding Vietnamese for search, slugs, and VND formatting."""

import pytest

from shop.core.clock import add_months
from shop.core.money import format_vnd
from shop.core.text import fold, slugify


@pytest.mark.parametrize(("text", "folded"), [
    ("Nước mắm Phú Quốc", "nuoc mam phu quoc"),
    ("Đà Lạt", "da lat"),
    ("ĐẶC SẢN ĐỒNG THÁP", "dac san dong thap"),
    ("  Chè   Shan tuyết\n", "che shan tuyet"),
    ("Bưởi Diễn", "buoi dien"),
    ("", ""),
    (None, ""),
])
def test_fold_removes_diacritics_including_d_stroke(text, folded):
    assert fold(text) == folded


def test_fold_handles_decomposed_input():
    # The same word typed on a keyboard sending combining marks (NFD).
    assert fold("Nu\u031bo\u031b\u0301c") == "nuoc"


@pytest.mark.parametrize(("text", "slug"), [
    ("Nước mắm Phú Quốc 40°N", "nuoc-mam-phu-quoc-40-n"),
    ("HTX Đà Lạt Xanh", "htx-da-lat-xanh"),
    ("--Gốm   Bát Tràng!!", "gom-bat-trang"),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(("amount", "locale", "text"), [
    (125_000, "vi", "125.000\u00a0₫"),
    (125_000, "en", "₫125,000"),
    (0, "vi", "0\u00a0₫"),
    (2_500_000, "vi", "2.500.000\u00a0₫"),
    (999, "en", "₫999"),
    (-50_000, "vi", "-50.000\u00a0₫"),
])
def test_format_vnd(amount, locale, text):
    assert format_vnd(amount, locale) == text


@pytest.mark.parametrize(("start", "months", "end"), [
    ("2023-03-16", 36, "2026-03-16"),
    ("2024-02-29", 36, "2027-02-28"),
    ("2024-02-29", 48, "2028-02-29"),
    ("2023-01-31", 1, "2023-02-28"),
    ("2023-12-31", 36, "2026-12-31"),
])
def test_add_months_clamps_the_day(start, months, end):
    from datetime import date

    assert add_months(date.fromisoformat(start), months) == date.fromisoformat(end)

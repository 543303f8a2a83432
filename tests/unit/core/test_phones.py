"""Vietnamese phone numbers: typed in any usual way, stored as 10 or 11 national digits."""

import pytest

from shop.core.errors import InvalidInput
from shop.core.phones import format_phone, normalize_phone


@pytest.mark.parametrize(("typed", "stored"), [
    ("0912 345 678", "0912345678"),
    ("0912.345.678", "0912345678"),
    ("+84 912 345 678", "0912345678"),
    ("84912345678", "0912345678"),
    ("(+84) 386-123-456", "0386123456"),
    ("024 3826 4011", "02438264011"),
    ("+84 263 3822 222", "02633822222"),
])
def test_numbers_are_stored_in_one_form(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize("typed", [
    "", "091234567", "09123456789", "0112345678", "1900 1234", "0912 345 67a",
    "０９１２３４５６７８", "0９12345678", "+1 650 253 0000"])
def test_anything_else_is_refused_on_its_field(typed):
    with pytest.raises(InvalidInput) as refused:
        normalize_phone(typed, field="contact_phone")
    assert refused.value.field == "contact_phone"


def test_a_landline_is_refused_where_a_mobile_is_needed(english):
    with pytest.raises(InvalidInput, match="mobile number"):
        normalize_phone("024 3826 4011", mobile_only=True)
    assert normalize_phone("0983 111 222", mobile_only=True) == "0983111222"


@pytest.mark.parametrize(("stored", "shown"), [
    ("0912345678", "0912 345 678"), ("02438264011", "024 3826 4011"),
    ("02633822222", "0263 382 2222"), ("12345", "12345")])
def test_numbers_are_shown_grouped(stored, shown):
    assert format_phone(stored) == shown

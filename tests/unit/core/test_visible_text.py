"""Text people read is refused when it hides what it says."""

import pytest

from shop.core.errors import InvalidInput
from shop.core.text import check_text, text_problem

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("value", ["\u200b", "\u200b\u200c\u200d", " \u2060 \ufeff ", "\u3164",
                                   "\u2800\u2800", "\u0301", "\u00ad"])
def test_only_invisible_characters_are_refused(value):
    assert "only of invisible characters" in text_problem(value)


@pytest.mark.parametrize("char", [chr(code) for code in (*range(0x202A, 0x202F),
                                                          *range(0x2066, 0x206A))])
def test_direction_overrides_are_refused_anywhere(char):
    assert "change the direction" in text_problem(f"Vườn chè {char}Cầu Đất")


@pytest.mark.parametrize("value", ["Vườn\x00chè", "a\x1bb", "tab\there", "line\nbreak"])
def test_control_characters_are_refused_in_a_line(value):
    assert "control characters" in text_problem(value)


def test_line_breaks_and_tabs_are_allowed_in_multiline_text():
    assert text_problem("Chè xanh.\r\n\tHái tay.", multiline=True) is None
    assert "control characters" in text_problem("Chè\x07 xanh.", multiline=True)


@pytest.mark.parametrize("value", ["", "   ", "Đồi chè Cầu Đất", "Cà\u0301 phê", "مزرعة",
                                   "Trà \u200bxanh", "\u200fשלום"])
def test_ordinary_text_passes(value):
    assert text_problem(value) is None


def test_check_text_names_the_field():
    with pytest.raises(InvalidInput) as refused:
        check_text("\u202eabc", "name")
    assert refused.value.field == "name"
    assert check_text("Chè", "name") == "Chè"

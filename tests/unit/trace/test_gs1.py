"""GS1 rules: GTIN check digits, lot and serial values, Digital Link paths, random serials."""

import string
from datetime import date
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shop.core.gs1 import (
    CSET82,
    SERIAL_ALPHABET,
    SERIAL_LENGTH,
    DigitalLink,
    GS1Error,
    check_digit,
    digital_link,
    new_serial,
    normalize_gtin,
    parse_path,
    short_gtin,
    validate_lot,
    validate_serial,
    with_check_digit,
)

# The per-test transaction fixture is function-scoped; these properties do not touch it.
PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
HOST = "https://ocop.example.vn"
GTIN14 = "09506000134352"  # GS1's own Digital Link example

digits = st.text(alphabet=string.digits, min_size=1, max_size=1)
# Any lot or serial GS1 allows, except dots alone (see the test on dot segments below).
cset82_values = st.text(alphabet=sorted(CSET82), min_size=1, max_size=20).filter(
    lambda value: value.strip("."))


pytestmark = pytest.mark.usefixtures("english")


def gtin_body(length: int):
    return st.text(alphabet=string.digits, min_size=length, max_size=length)


def refusal(call, *args, **kwargs) -> str:
    with pytest.raises(GS1Error) as refused:
        call(*args, **kwargs)
    return str(refused.value)


# --- check digits and GTINs -------------------------------------------------------------------

@pytest.mark.parametrize("gtin", [
    # Vietnamese GTIN-13s as printed on packages (prefix 893).
    "8934563138165", "8934588012228", "8935024140123", "8934822101336", "8935049500902",
    "8934868150169",
    # GS1's published examples: GTIN-13, GTIN-8, UPC-A (GTIN-12), GTIN-14.
    "5901234123457", "4006381333931", "96385074", "036000291452", "09506000134352",
])
def test_real_gtins_are_accepted_and_padded_to_fourteen_digits(gtin):
    assert normalize_gtin(gtin) == gtin.zfill(14)
    assert check_digit(gtin[:-1]) == int(gtin[-1])


def test_a_vietnamese_gtin_13_gets_its_check_digit_and_prints_in_its_short_form():
    assert with_check_digit("893456313816") == "8934563138165"
    assert short_gtin(normalize_gtin("8934563138165")) == "8934563138165"
    # A real GTIN-14 (packaging level 1) keeps its first digit.
    assert short_gtin("18934563138162") == "18934563138162"


def test_surrounding_spaces_are_ignored():
    assert normalize_gtin(" 8934563138165\n") == "08934563138165"


@PROPERTY
@given(body=st.sampled_from([7, 11, 12, 13]).flatmap(gtin_body))
def test_any_body_with_its_check_digit_is_a_valid_gtin(body):
    gtin = with_check_digit(body)
    assert normalize_gtin(gtin) == gtin.zfill(14)
    assert len(normalize_gtin(gtin)) == 14


@PROPERTY
@given(body=st.sampled_from([7, 11, 12, 13]).flatmap(gtin_body), data=st.data())
def test_any_single_wrong_digit_is_caught(body, data):
    gtin = with_check_digit(body)
    position = data.draw(st.integers(min_value=0, max_value=len(gtin) - 1), label="position")
    wrong = data.draw(digits.filter(lambda d: d != gtin[position]), label="digit")
    typo = gtin[:position] + wrong + gtin[position + 1:]
    with pytest.raises(GS1Error):
        normalize_gtin(typo)


def test_a_wrong_check_digit_says_which_digit_is_expected():
    message = refusal(normalize_gtin, "8934563138166")
    assert message == "The GTIN's check digit should be 5, not 6."


@pytest.mark.parametrize("value", ["893456313816A", "8934-563138165", "８９３４５６３１３８１６５",
                                   "²934563138165", "", "   "])
def test_a_gtin_with_anything_but_ascii_digits_is_refused(value):
    assert refusal(normalize_gtin, value) == "A GTIN has only digits."


@pytest.mark.parametrize("length", [1, 7, 9, 10, 11, 15, 18])
def test_a_gtin_of_another_length_is_refused_with_its_length(length):
    value = with_check_digit("1" * (length - 1)) if length > 1 else "0"
    assert refusal(normalize_gtin, value) == (
        f"A GTIN has 8, 12, 13 or 14 digits, not {length}.")


# --- lot and serial values --------------------------------------------------------------------

def test_lots_and_serials_of_one_to_twenty_gs1_characters_are_accepted():
    for value in ("A", "L2026-03/01", "x" * 20, "!\"%&'()*+,-./:;<=>?_"):
        assert validate_lot(value) == value
        assert validate_serial(value) == value


def test_a_lot_or_serial_of_twenty_one_characters_is_refused_with_the_counts():
    assert refusal(validate_lot, "L" * 21) == (
        "The lot number has 21 characters; at most 20 are allowed.")
    assert refusal(validate_serial, "S" * 21) == (
        "The serial number has 21 characters; at most 20 are allowed.")


def test_an_empty_lot_or_serial_is_refused():
    assert refusal(validate_lot, "") == "The lot number is empty."
    assert refusal(validate_serial, "") == "The serial number is empty."


@pytest.mark.parametrize(("value", "shown"), [
    ("LÔ-01", "Ô"), ("lot 01", " "), ("L#1", "#"), ("L~1", "~"), ("é", "é"),
    ("a\tb", "\t"), ("L[1]", "[ ]"), ("đ@\\", "@ \\ đ"),
])
def test_characters_outside_gs1_set_82_are_refused_and_named(value, shown):
    assert refusal(validate_lot, value) == (
        f"The lot number has characters GS1 does not allow: {shown}")


# --- Digital Link ------------------------------------------------------------------------------

def test_a_digital_link_has_the_gtin_14_then_lot_then_serial():
    link = digital_link("8934563138165", "L2026/03", "7K2M9QX4T8V3B")
    assert link.path() == "/01/08934563138165/10/L2026%2F03/21/7K2M9QX4T8V3B"
    assert link.uri(HOST + "/") == HOST + link.path()
    assert digital_link("8934563138165").path() == "/01/08934563138165"


def test_the_expiry_rides_in_the_query_as_yymmdd():
    link = digital_link("8934563138165", "L1", expires_on=date(2027, 2, 5))
    assert link.uri(HOST) == HOST + "/01/08934563138165/10/L1?17=270205"


def test_digital_link_refuses_what_the_standard_refuses():
    with pytest.raises(GS1Error):
        digital_link("8934563138166", "L1")
    with pytest.raises(GS1Error):
        digital_link("8934563138165", "L" * 21)
    with pytest.raises(GS1Error):
        digital_link("8934563138165", "L1", "số 1")


@PROPERTY
@given(lot=st.none() | cset82_values, serial=st.none() | cset82_values,
       body=st.sampled_from([7, 11, 12, 13]).flatmap(gtin_body))
def test_any_gs1_lot_and_serial_survive_the_path_and_back(lot, serial, body):
    gtin = with_check_digit(body)
    link = digital_link(gtin, lot, serial)
    path = link.path()
    # Each value is one path segment however many "/", "%", "?" or "&" it holds.
    assert "?" not in path and "&" not in path
    assert path.count("/") == 2 + 2 * ((lot is not None) + (serial is not None))
    assert parse_path(path) == DigitalLink(gtin=gtin.zfill(14), lot=lot, serial=serial)


@PROPERTY
@given(lot=cset82_values, serial=cset82_values,
       expires_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_full_uri_with_an_expiry_round_trips_with_its_query(lot, serial, expires_on):
    link = digital_link("8934563138165", lot, serial, expires_on=expires_on)
    parts = urlsplit(link.uri(HOST))
    assert f"{parts.scheme}://{parts.netloc}" == HOST
    parsed = parse_path(parts.path, dict(parse_qsl(parts.query)))
    assert parsed == link
    assert parsed.expires == expires_on.strftime("%y%m%d")


@pytest.mark.parametrize("value", [".", ".."])
def test_a_lot_or_serial_of_only_dots_is_refused_as_browsers_would_rewrite_its_link(value):
    """Browsers drop "." and ".." path segments (RFC 3986 §5.2.4; the WHATWG URL standard
    does the same for "%2e" and "%2e%2e"), so /10/../21/S1 printed on a label would open
    /01/…/21/S1: such a value cannot travel in a Digital Link, encoded or not."""
    uri = HOST + DigitalLink(gtin=GTIN14, lot=value, serial="S1").path()
    assert urljoin(HOST, uri.removeprefix(HOST)) != uri  # what a phone would open instead
    with pytest.raises(GS1Error):
        digital_link(GTIN14, value, "S1")
    with pytest.raises(GS1Error):
        digital_link(GTIN14, "L1", value)
    # Dots among other characters are ordinary.
    assert digital_link(GTIN14, "L.1", "S..1").path() == f"/01/{GTIN14}/10/L.1/21/S..1"


def test_a_percent_encoded_path_is_decoded():
    link = parse_path("/01/8934563138165/10/L%2F01%25%3F%26/21/A%2AB")
    assert (link.gtin, link.lot, link.serial) == ("08934563138165", "L/01%?&", "A*B")


def test_a_variant_is_read_before_the_lot():
    link = parse_path(f"/01/{GTIN14}/22/V1/10/L1/21/S1")
    assert (link.cpv, link.lot, link.serial) == ("V1", "L1", "S1")


def test_lot_and_serial_are_each_optional():
    assert parse_path(f"/01/{GTIN14}/21/S1") == DigitalLink(gtin=GTIN14, serial="S1")
    assert parse_path(f"/01/{GTIN14}/") == DigitalLink(gtin=GTIN14)


@pytest.mark.parametrize(("path", "query", "message"), [
    (f"/01/{GTIN14[:-1]}3/10/L1", None, "The GTIN's check digit should be 2, not 3."),
    ("/01/0950600013435X/10/L1", None, "A GTIN has only digits."),
    (f"/01/{GTIN14}/10/{'L' * 21}", None,
     "The lot number has 21 characters; at most 20 are allowed."),
    (f"/01/{GTIN14}/21/{'S' * 21}", None,
     "The serial number has 21 characters; at most 20 are allowed."),
    (f"/01/{GTIN14}/10/L%C3%A9", None, "The lot number has characters GS1 does not allow: é"),
    (f"/01/{GTIN14}/10/L\u00e9", None, "The lot number has characters GS1 does not allow: é"),
    (f"/01/{GTIN14}/10/L%201", None, "The lot number has characters GS1 does not allow:  "),
    (f"/01/{GTIN14}/10/L%231", None, "The lot number has characters GS1 does not allow: #"),
    (f"/01/{GTIN14}/21/S~1", None, "The serial number has characters GS1 does not allow: ~"),
    (f"/01/{GTIN14}/21/x/10/y", None, "Qualifiers come in the order 22, 10, 21, each once."),
    (f"/01/{GTIN14}/10/x/22/y", None, "Qualifiers come in the order 22, 10, 21, each once."),
    (f"/01/{GTIN14}/10/x/10/y", None, "Qualifiers come in the order 22, 10, 21, each once."),
    (f"/01/{GTIN14}/99/x", None, "“99” is not a qualifier of a GTIN (22, 10 or 21)."),
    (f"/01/{GTIN14}/01/{GTIN14}", None, "“01” is not a qualifier of a GTIN (22, 10 or 21)."),
    (f"/01/{GTIN14}/10", None, "Each identifier in a Digital Link needs a value."),
    (f"/01/{GTIN14}/10//21/S1", None, "The lot number is empty."),
    ("/01", None, "A Digital Link starts with /01/ and a GTIN."),
    (f"/02/{GTIN14}", None, "A Digital Link starts with /01/ and a GTIN."),
    (f"/01/{GTIN14}/10/L1", {"17": "2712"}, "The expiry date (17) is written YYMMDD."),
    (f"/01/{GTIN14}/10/L1", {"17": "27-12-31"}, "The expiry date (17) is written YYMMDD."),
])
def test_a_malformed_path_is_refused_with_a_readable_reason(path, query, message):
    assert refusal(parse_path, path, query) == message


@pytest.mark.parametrize("escape", ["%FF", "L%FF1", "%C3", "%E1%BB"])
def test_a_broken_percent_escape_is_refused_in_plain_words(escape):
    message = refusal(parse_path, f"/01/{GTIN14}/10/{escape}")
    assert "escape" in message
    # The reader sees one percent sign, not the doubled one of the source string.
    assert "%%" not in message


@pytest.mark.parametrize("expiry", ["271301", "270000", "270132", "２７１２３１"])
def test_an_expiry_that_is_not_a_real_yymmdd_is_refused(expiry):
    """GS1 AI 17: six ASCII digits, MM 01–12, DD 01–31 (or 00 for the month's end)."""
    assert refusal(parse_path, f"/01/{GTIN14}/10/L1", {"17": expiry}) == (
        "The expiry date (17) is written YYMMDD.")


def test_an_expiry_with_day_zero_means_the_end_of_the_month_and_is_accepted():
    assert parse_path(f"/01/{GTIN14}/10/L1", {"17": "271200"}).expires == "271200"


# --- serials we issue -------------------------------------------------------------------------

def test_a_new_serial_has_thirteen_characters_of_crockford_base_32():
    assert SERIAL_LENGTH == 13
    assert len(SERIAL_ALPHABET) == 32 and not set("ILOU") & set(SERIAL_ALPHABET)
    serial = new_serial()
    assert len(serial) == 13
    assert set(serial) <= set(SERIAL_ALPHABET)
    assert validate_serial(serial) == serial  # a subset of GS1's set 82
    # 13 characters of 5 bits: 65 random bits.
    assert len(SERIAL_ALPHABET) ** SERIAL_LENGTH == 2 ** 65


def test_a_thousand_serials_are_distinct_and_not_sequential():
    serials = [new_serial() for _ in range(1000)]
    assert len(set(serials)) == 1000
    assert all(len(s) == 13 and set(s) <= set(SERIAL_ALPHABET) for s in serials)

    def as_number(serial: str) -> int:
        return sum(SERIAL_ALPHABET.index(c) * 32 ** power
                   for power, c in enumerate(reversed(serial)))

    numbers = [as_number(s) for s in serials]
    assert all(abs(b - a) != 1 for a, b in zip(numbers, numbers[1:], strict=False))
    # Every character position varies: no fixed prefix a counterfeiter could rely on.
    assert all(len({s[i] for s in serials}) > 16 for i in range(SERIAL_LENGTH))

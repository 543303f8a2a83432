"""Order numbers: an alphabet without look-alikes, random numbers, and a check character that
catches every single slip of a person copying one."""

import pytest

from shop.core.errors import InvalidInput
from shop.orders.numbers import (
    ALPHABET,
    LENGTH,
    check_character,
    is_valid,
    new_number,
    normalise,
    parse_number,
)

pytestmark = pytest.mark.usefixtures("english")

SAMPLES = ["DH7K2Q9MZ", "TR4NG8XAH", "HN2Q7PWCM", "SG5TET26H", "VX2N8RTE6"]


def test_the_alphabet_has_no_look_alikes():
    assert len(ALPHABET) == len(set(ALPHABET)) == 31
    assert not set(ALPHABET) & set("01ILO")
    assert set(ALPHABET) <= set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")


def test_new_numbers_are_valid_and_short():
    for _ in range(200):
        number = new_number()
        assert len(number) == LENGTH == 9
        assert set(number) <= set(ALPHABET)
        assert is_valid(number)


def test_new_numbers_follow_no_sequence():
    numbers = [new_number() for _ in range(600)]
    assert len(set(numbers)) == len(numbers)
    # A counter or a clock would leave the first characters (nearly) fixed; random ones use
    # every character of the alphabet in every position.
    for position in range(LENGTH - 1):
        assert {number[position] for number in numbers} == set(ALPHABET)
    assert numbers != sorted(numbers)


@pytest.mark.parametrize("number", SAMPLES)
def test_the_check_catches_every_single_substitution(number):
    assert is_valid(number)
    for position in range(LENGTH):
        for other in ALPHABET:
            if other != number[position]:
                assert not is_valid(number[:position] + other + number[position + 1:])


@pytest.mark.parametrize("number", SAMPLES + [new_number() for _ in range(20)])
def test_the_check_catches_every_adjacent_transposition(number):
    for position in range(LENGTH - 1):
        a, b = number[position], number[position + 1]
        if a != b:
            assert not is_valid(number[:position] + b + a + number[position + 2:])


def test_every_body_has_one_check_character():
    body = "DH7K2Q9M"
    assert [c for c in ALPHABET if is_valid(body + c)] == [check_character(body)] == ["Z"]
    with pytest.raises(ValueError):
        check_character("DH7K2Q9")
    with pytest.raises(ValueError):
        check_character("DH7K2Q9O")


@pytest.mark.parametrize("number", ["", "DH7K2Q9M", "DH7K2Q9MZZ", "dh7k2q9mz", "DH7K2Q9M0",
                                    "DH7K-2Q9MZ", "ĐH7K2Q9MZ"])
def test_malformed_numbers_are_not_valid(number):
    assert not is_valid(number)


@pytest.mark.parametrize("typed", ["dh7k2q9mz", " DH7K 2Q9M Z ", "DH7K-2Q9-MZ", "#DH7K.2Q9MZ",
                                   "đh7k2q9mz", "ＤＨ７Ｋ２Ｑ９ＭＺ", "DH7K_2Q9MZ\t"])
def test_what_people_type_is_normalised(typed):
    assert normalise(typed) == "DH7K2Q9MZ"
    assert parse_number(typed) == "DH7K2Q9MZ"


@pytest.mark.parametrize("typed", ["", "DH7K2Q9MX", "DH7K2O9MZ", "DH7K2Q9M", "OCOP DH7K2Q9MZ"])
def test_a_mistyped_number_is_refused_by_name(typed):
    with pytest.raises(InvalidInput) as refused:
        parse_number(typed)
    assert refused.value.field == "number"
    assert "not an order number" in refused.value.message

"""Order numbers: short, random, read aloud and typed without confusion, with a check character."""

import secrets
import unicodedata

from flask_babel import gettext as _

from shop.core.errors import InvalidInput

# Digits 2–9 and the letters without I, L and O: nothing a person can take for 0 or 1. Its 31
# characters are a prime number, which lets one weighted sum catch every slip below.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RANDOM_LENGTH = 8
LENGTH = RANDOM_LENGTH + 1
_VALUE = {character: value for value, character in enumerate(ALPHABET)}
_BASE = len(ALPHABET)
# Position i weighs i (the check, last, weighs LENGTH), all different and none a multiple of 31:
# the weighted sum of a valid number is 0 mod 31, and changing one character, or swapping any
# two different ones, moves it off 0.
_CHECK_WEIGHT_INVERSE = pow(LENGTH, -1, _BASE)
# What people type around a number: grouping, a hash sign; Vietnamese keyboards turn "dd" into đ.
_DROPPED = str.maketrans({" ": None, "-": None, ".": None, "_": None, "#": None,
                          "đ": "D", "Đ": "D"})


def _weighted_sum(characters: str) -> int:
    """Σ weight × value over `characters`, the first weighing 1 (values from ALPHABET)."""
    return sum(weight * _VALUE[character] for weight, character in enumerate(characters, 1))


def check_character(body: str) -> str:
    """The character that makes the weighted sum of `body` + it a multiple of 31."""
    if len(body) != RANDOM_LENGTH or any(character not in _VALUE for character in body):
        raise ValueError(f"an order number's body is {RANDOM_LENGTH} characters of ALPHABET")
    return ALPHABET[(-_weighted_sum(body) * _CHECK_WEIGHT_INVERSE) % _BASE]


def new_number() -> str:
    """A fresh order number: 8 random characters (about 40 bits, from `secrets`) and a check."""
    body = "".join(secrets.choice(ALPHABET) for _position in range(RANDOM_LENGTH))
    return body + check_character(body)


def normalise(text: str) -> str:
    """`text` as a number is stored: upper case, without spaces, dashes, dots or a hash sign."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_DROPPED).split()).upper()


def is_valid(number: str) -> bool:
    """Whether `number` (already normalised) is a well-formed order number with a good check."""
    if len(number) != LENGTH or any(character not in _VALUE for character in number):
        return False
    return _weighted_sum(number) % _BASE == 0


def parse_number(text: str) -> str:
    """The order number a person typed, normalised; raise InvalidInput when it cannot be one."""
    number = normalise(text)
    if not is_valid(number):
        raise InvalidInput(_("%(text)s is not an order number: check it against your "
                             "confirmation email.", text=text.strip()[:40] or "—"), "number")
    return number

"""Vietnamese telephone numbers: typed in any usual way, stored in one national form."""

import re

from flask_babel import gettext as _

from shop.core.errors import InvalidInput

# Mobile numbers: 10 digits from 03, 05, 07, 08 or 09. Landlines since 2017: 02 + area code
# and subscriber, 11 digits in all (024 3826 4011 in Hà Nội, 0263 3822 222 in Đà Lạt).
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
# What people type between digits: spaces, dots, dashes and brackets.
_SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_phone(value: str, field: str = "phone", mobile_only: bool = False) -> str:
    """A number as "0912345678" from "0912 345 678", "+84 912.345.678" or "84912345678";
    InvalidInput on `field` for anything that is no Vietnamese mobile (or landline) number."""
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if _MOBILE.fullmatch(digits) or (not mobile_only and _LANDLINE.fullmatch(digits)):
        return digits
    if mobile_only:
        raise InvalidInput(_("Enter a Vietnamese mobile number: 10 digits beginning 03, 05, "
                             "07, 08 or 09, like 0912 345 678."), field)
    raise InvalidInput(_("Enter a Vietnamese phone number: a mobile (0912 345 678) or a "
                         "landline with its area code (024 3826 4011)."), field)


def format_phone(number: str) -> str:
    """A stored number grouped as people write it: "0912 345 678", "024 3826 4011"."""
    if _MOBILE.fullmatch(number):
        return f"{number[:4]} {number[4:7]} {number[7:]}"
    if _LANDLINE.fullmatch(number):
        # Hà Nội (024) and TP. Hồ Chí Minh (028) have three-digit area codes, the rest four.
        cut = 3 if number[:3] in ("024", "028") else 4
        rest = number[cut:]
        return f"{number[:cut]} {rest[:-4]} {rest[-4:]}"
    return number

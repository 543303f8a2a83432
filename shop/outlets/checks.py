"""The rules an outlet's record must keep, field by field; each raises InvalidInput naming it."""

import re
from decimal import Decimal, InvalidOperation

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import select

from shop.core.errors import InvalidInput
from shop.core.money import format_vnd
from shop.core.text import check_text, fold
from shop.extensions import db
from shop.outlets.models import Bank
from shop.places.models import Province
from shop.web.i18n import current_language

# Mã số thuế: 10 digits for an organisation, 10-3 for one of its branches.
_TAX_CODE = re.compile(r"[0-9]{10}(-[0-9]{3})?")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Account names as banks print them: upper-case ASCII letters, digits, spaces and a little
# punctuation (NAPAS shows "TRUNG TAM XTTM HA NOI" for what was typed with diacritics).
_ACCOUNT_NAME = re.compile(r"[A-Z0-9 .,&()/-]+")
MAX_ACCOUNT_DIGITS = 19
# A point on Vietnam's map, islands included: swapped or mistyped coordinates land outside.
LATITUDES = (Decimal(8), Decimal(24))
LONGITUDES = (Decimal(102), Decimal(118))
# No flat delivery fee in Vietnam comes near this; more is a typing slip (an extra zero).
MAX_DELIVERY_FEE = 1_000_000


def required_text(value: str, field: str, max_length: int, message: str) -> str:
    """`value` trimmed, visible and at most `max_length` characters, or InvalidInput."""
    value = check_text((value or "").strip(), field)
    if not value:
        raise InvalidInput(message, field)
    return optional_text(value, field, max_length)


def optional_text(value: str, field: str, max_length: int) -> str:
    """`value` trimmed (maybe empty), free of hidden characters, at most `max_length`."""
    value = check_text((value or "").strip(), field)
    if len(value) > max_length:
        raise InvalidInput(_("At most %(count)d characters.", count=max_length), field)
    return value


def slug(value: str) -> str:
    """A slug of lower-case letters, digits and single hyphens."""
    if not _SLUG.fullmatch(value) or len(value) > 120:
        raise InvalidInput(_("Use lower-case letters, digits and single hyphens, at most 120 "
                             "characters (ttgt-ocop-ha-noi)."), "slug")
    return value


def tax_code(value: str) -> str:
    """A tax code of 10 digits, or 10-3 for a branch."""
    value = (value or "").strip().replace(" ", "")
    if not _TAX_CODE.fullmatch(value):
        raise InvalidInput(_("A tax code has 10 digits, or 10 digits, a hyphen and 3 more for "
                             "a branch (0101234567 or 0101234567-001)."), "operator_tax_code")
    return value


def province(province_id: int | None) -> Province:
    """The province with this id."""
    found = db.session.get(Province, province_id) if province_id else None
    if found is None:
        raise InvalidInput(_("Choose a province."), "province_id")
    return found


def coordinate(value: Decimal | str | None, field: str, bounds: tuple[Decimal, Decimal]) -> Decimal:
    """A latitude or longitude within Vietnam's bounds, to six decimals."""
    try:
        number = Decimal(str(value)) if value is not None and str(value).strip() else None
    except InvalidOperation:
        number = None
    low, high = bounds
    if number is None or not number.is_finite() or not low <= number <= high:
        raise InvalidInput(_("Enter a point in Vietnam: between %(low)s and %(high)s.",
                             low=format_decimal(low), high=format_decimal(high)), field)
    return number.quantize(Decimal("0.000001"))


def email(value: str) -> str:
    """An email address, lower-case, or empty."""
    value = (value or "").strip().lower()
    if value and (len(value) > 254 or not _EMAIL.fullmatch(value)):
        raise InvalidInput(_("Enter a valid email address, like lan@example.vn."), "email")
    return value


def bank_account(bin_: str | None, number: str, name: str) -> tuple[str | None, str, str]:
    """The bank, account number and account name, all three or none; the name in the upper-case
    ASCII banks show ("Trung tâm Xúc tiến" becomes "TRUNG TAM XUC TIEN")."""
    number = re.sub(r"[\s.-]", "", number or "")
    name = fold(name).upper()
    if not (bin_ or number or name):
        return None, "", ""
    if not bin_ or db.session.scalar(select(Bank.bin).where(Bank.bin == bin_)) is None:
        raise InvalidInput(_("Choose the bank."), "bank_bin")
    if not (number.isascii() and number.isdigit()) or len(number) > MAX_ACCOUNT_DIGITS:
        raise InvalidInput(_("An account number is 1 to %(count)d digits.",
                             count=MAX_ACCOUNT_DIGITS), "bank_account")
    if not _ACCOUNT_NAME.fullmatch(name) or len(name) > 100:
        raise InvalidInput(_("Enter the account holder's name as the bank shows it, in "
                             "letters without accents (TRUNG TAM XUC TIEN THUONG MAI)."),
                           "bank_account_name")
    return bin_, number, name


def money(value: int | None, field: str, maximum: int | None = None) -> int | None:
    """An amount of whole đồng, none or more, at most `maximum` when given."""
    if value is None:
        return None
    if value < 0:
        raise InvalidInput(_("Enter an amount of 0 đồng or more."), field)
    if maximum is not None and value > maximum:
        raise InvalidInput(_("At most %(amount)s.",
                             amount=format_vnd(maximum, current_language())), field)
    return value

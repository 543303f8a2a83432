"""VietQR: the EMVCo merchant-presented payload NAPAS defines for a transfer to a bank account.

A payload is a run of fields, each a 2-digit id, a 2-digit length and the value, some of them
holding fields of their own, closed by a CRC. `payload()` writes the one a shop needs (a dynamic
transfer of a fixed amount with a message); `parse()` reads any, for the tests and for people
checking what a code says.
"""

import io
import re
from collections.abc import Mapping

from flask_babel import gettext as _
from PIL import Image

from shop.core.errors import InvalidInput
from shop.trace.qr import qr_matrix

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY_VIETNAM = "VN"
FORMAT_INDICATOR = "01"
DYNAMIC = "12"
MAX_ACCOUNT_LENGTH = 19
MAX_AMOUNT_LENGTH = 13
# The standard allows 25 characters; 19 ASCII letters, digits and spaces pass every bank's app.
MAX_MESSAGE_LENGTH = 19
CRC_ID = "63"

_BIN = re.compile(r"[0-9]{6}", re.ASCII)
# Virtual accounts (MoMo and ZaloPay's at BVBank, say) mix letters with the digits.
_ACCOUNT = re.compile(r"[A-Za-z0-9]{1,19}", re.ASCII)
_MESSAGE = re.compile(r"[A-Za-z0-9]+( [A-Za-z0-9]+)*", re.ASCII)
_PREFIX = re.compile(r"[A-Za-z0-9]{1,10}", re.ASCII)
# Fields whose value is itself a run of fields: the merchant account templates (26–51), the
# additional data (62) and the language template (64); inside NAPAS's 38, the beneficiary (01).
_TEMPLATES = {(f"{tag:02d}",) for tag in range(26, 52)} | {("62",), ("64",), ("38", "01")}

Fields = Mapping[str, "str | Fields"]


def crc16(data: str) -> int:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection) of `data` in UTF-8."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
        crc &= 0xFFFF
    return crc


def encode(fields: Fields) -> str:
    """The fields as id-length-value runs, nested mappings written as fields of their own."""
    out = []
    for tag, value in fields.items():
        text = value if isinstance(value, str) else encode(value)
        if not (len(tag) == 2 and tag.isdigit()) or not 1 <= len(text) <= 99:
            raise ValueError(f"field {tag!r} cannot hold {len(text)} characters")
        out.append(f"{tag}{len(text):02d}{text}")
    return "".join(out)


def with_crc(body: str) -> str:
    """`body` closed by field 63: the CRC over everything before it, "6304" included."""
    head = f"{body}{CRC_ID}04"
    return f"{head}{crc16(head):04X}"


def transfer_message(prefix: str, order_number: str) -> str:
    """The transfer message for an order: "OCOP DH7K2Q9MX", checked as `payload` checks it."""
    if not _PREFIX.fullmatch(prefix):
        raise InvalidInput(_("The message prefix must be 1 to 10 ASCII letters or digits."),
                           "message")
    return check_message(f"{prefix} {order_number}")


def check_message(message: str) -> str:
    """`message` if every bank app accepts it: 1–19 ASCII letters, digits and single spaces."""
    if len(message) > MAX_MESSAGE_LENGTH:
        raise InvalidInput(_("The transfer message has %(count)d characters; at most %(max)d "
                             "are allowed.", count=len(message), max=MAX_MESSAGE_LENGTH),
                           "message")
    if not _MESSAGE.fullmatch(message):
        raise InvalidInput(_("The transfer message may hold only letters A–Z, digits and single "
                             "spaces, without accents."), "message")
    return message


def payload(bin: str, account: str, amount: int, message: str) -> str:
    """The dynamic VietQR payload for transferring `amount` đồng to `account` at bank `bin`."""
    if not _BIN.fullmatch(bin):
        raise InvalidInput(_("A bank BIN has 6 digits (970436 is Vietcombank)."), "bin")
    if not _ACCOUNT.fullmatch(account):
        raise InvalidInput(_("An account number has 1 to %(max)d letters or digits, without "
                             "spaces.", max=MAX_ACCOUNT_LENGTH), "account")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InvalidInput(_("The amount must be a whole number of đồng above zero."), "amount")
    if len(str(amount)) > MAX_AMOUNT_LENGTH:
        raise InvalidInput(_("The amount is too large for a VietQR code."), "amount")
    check_message(message)
    return with_crc(encode({
        "00": FORMAT_INDICATOR,
        "01": DYNAMIC,
        "38": {"00": NAPAS_GUID, "01": {"00": bin, "01": account}, "02": SERVICE_TO_ACCOUNT},
        "53": CURRENCY_VND,
        "54": str(amount),
        "58": COUNTRY_VIETNAM,
        "62": {"08": message},
    }))


def parse(text: str) -> dict:
    """The fields of a payload, templates as nested dicts, after checking its shape and CRC."""
    if not text:
        raise InvalidInput(_("The payload is empty."), "payload")
    fields = _fields(text, (), 0)
    if next(iter(fields)) != "00" or fields["00"] != FORMAT_INDICATOR:
        raise InvalidInput(_("A payload begins with field 00 holding 01."), "payload")
    if list(fields)[-1] != CRC_ID or len(fields[CRC_ID]) != 4:
        raise InvalidInput(_("A payload ends with field 63, a CRC of 4 characters."), "payload")
    expected = f"{crc16(text[:-4]):04X}"
    if fields[CRC_ID] != expected:
        raise InvalidInput(_("The CRC says %(given)s but the payload works out to %(expected)s: "
                             "it was changed or mistyped.",
                             given=fields[CRC_ID], expected=expected), "payload")
    return fields


def _fields(text: str, path: tuple[str, ...], offset: int) -> dict:
    """Decode one run of fields; `path` names the template they sit in and `offset` where it
    starts in the payload, for the messages."""
    fields: dict = {}
    position = 0
    while position < len(text):
        header = text[position:position + 4]
        name = "/".join((*path, header[:2]))
        if len(header) < 4 or not header.isascii() or not header.isdigit():
            raise InvalidInput(_("At character %(position)d (field %(name)s) an id and a length "
                                 "of two digits each were expected.",
                                 position=offset + position + 1, name=name), "payload")
        tag, length = header[:2], int(header[2:])
        value = text[position + 4:position + 4 + length]
        if length == 0 or len(value) < length:
            raise InvalidInput(_("Field %(name)s says %(length)d characters but %(left)d follow.",
                                 name=name, length=length, left=len(value)), "payload")
        if tag in fields:
            raise InvalidInput(_("Field %(name)s appears twice.", name=name), "payload")
        fields[tag] = (_fields(value, (*path, tag), offset + position + 4)
                       if (*path, tag) in _TEMPLATES else value)
        position += 4 + length
    return fields


def qr_png(text: str, module_px: int = 8) -> bytes:
    """`text` as a black-on-white QR code PNG, `module_px` pixels a module (quiet zone kept)."""
    matrix = qr_matrix(text)
    image = Image.frombytes("L", (matrix.size, matrix.size), matrix.grey_bytes())
    side = matrix.size * module_px
    out = io.BytesIO()
    image.resize((side, side), Image.Resampling.NEAREST).convert("1").save(out, "PNG")
    return out.getvalue()

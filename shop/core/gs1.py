"""GS1 identifiers: GTIN check digits, lot and serial values, and Digital Link URIs.

Pure functions with no Flask or database: the resolver, the labels, the demo and the
forms all use these, so each GS1 rule is written once.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, unquote

from flask_babel import lazy_gettext as _l

# Vietnam's GS1 prefix (GS1 Vietnam issues 893xxxxx company prefixes).
PREFIX_VIETNAM = "893"
GTIN_LENGTHS = (8, 12, 13, 14)
MAX_LOT_LENGTH = 20
MAX_SERIAL_LENGTH = 20
# GS1 AI encodable character set 82, the characters allowed in a lot or serial (AI 10, 21).
CSET82 = frozenset(
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
)
# Serials we issue: Crockford's base 32 (no I, L, O, U), a subset of CSET82 that people
# can read off a label; 13 characters carry 65 random bits.
SERIAL_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SERIAL_LENGTH = 13

# Application identifiers of a Digital Link path, in the order GS1 requires.
AI_GTIN, AI_CPV, AI_LOT, AI_SERIAL = "01", "22", "10", "21"
AI_EXPIRY = "17"
_QUALIFIER_ORDER = (AI_CPV, AI_LOT, AI_SERIAL)
# YYMMDD with a real month; GS1 allows day 00 ("end of the month").
_YYMMDD = re.compile(r"[0-9]{2}(0[1-9]|1[0-2])(0[0-9]|[12][0-9]|3[01])")


class GS1Error(ValueError):
    """A GS1 value or Digital Link that breaks the standard; the message says how."""


def check_digit(body: str) -> int:
    """The GS1 check digit of `body`: weights 3,1,3,1… from the right, (10 − sum mod 10) mod 10."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def with_check_digit(body: str) -> str:
    """`body` followed by its check digit."""
    return body + str(check_digit(body))


def normalize_gtin(value: str) -> str:
    """A GTIN-8/12/13/14 as validated GTIN-14 (left-padded with zeros); raise GS1Error.
    Spaces are dropped: people copy "893 1454 80003 3" from under a barcode."""
    value = "".join(value.split())
    if not value.isascii() or not value.isdigit():
        raise GS1Error(_l("A GTIN has only digits."))
    if len(value) not in GTIN_LENGTHS:
        raise GS1Error(_l("A GTIN has 8, 12, 13 or 14 digits, not %(count)d.", count=len(value)))
    expected = check_digit(value[:-1])
    if int(value[-1]) != expected:
        raise GS1Error(_l("The GTIN's check digit should be %(digit)d, not %(given)s.",
                          digit=expected, given=value[-1]))
    return value.zfill(14)


def short_gtin(gtin14: str) -> str:
    """The shortest usual form of a GTIN-14 (GTIN-13 when it starts with 0), for display."""
    return gtin14[1:] if gtin14.startswith("0") else gtin14


def validate_code(value: str, kind: str, max_length: int) -> str:
    """Check a lot or serial: 1–max_length characters of GS1's set 82; raise GS1Error."""
    if not value:
        raise GS1Error(_l("The %(kind)s is empty.", kind=kind))
    if len(value) > max_length:
        raise GS1Error(_l("The %(kind)s has %(count)d characters; at most %(max)d are allowed.",
                          kind=kind, count=len(value), max=max_length))
    bad = sorted({c for c in value if c not in CSET82})
    if bad:
        raise GS1Error(_l("The %(kind)s has characters GS1 does not allow: %(chars)s",
                          kind=kind, chars=" ".join(bad)))
    if not value.strip("."):
        # "." and ".." are path segments that browsers and servers rewrite: the link would break.
        raise GS1Error(_l("The %(kind)s cannot be only dots.", kind=kind))
    return value


def validate_lot(value: str) -> str:
    """A lot number (AI 10): at most 20 characters of GS1's set 82."""
    return validate_code(value, str(_l("lot number")), MAX_LOT_LENGTH)


def validate_serial(value: str) -> str:
    """A serial number (AI 21): at most 20 characters of GS1's set 82."""
    return validate_code(value, str(_l("serial number")), MAX_SERIAL_LENGTH)


def new_serial() -> str:
    """A random, unguessable serial: 13 characters of base 32, 65 bits from `secrets`."""
    return "".join(secrets.choice(SERIAL_ALPHABET) for _ in range(SERIAL_LENGTH))


def yymmdd(day: date) -> str:
    """A date as GS1 writes it (AI 17 and the like)."""
    return day.strftime("%y%m%d")


@dataclass(frozen=True)
class DigitalLink:
    """The identifiers of a GS1 Digital Link URI: a GTIN-14, optionally a lot and a serial."""

    gtin: str
    lot: str | None = None
    serial: str | None = None
    cpv: str | None = None
    expires: str | None = None  # AI 17 as YYMMDD, carried as a query parameter

    def path(self) -> str:
        """The URI path: /01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}], values %-encoded."""
        parts = [AI_GTIN, self.gtin]
        for ai, value in ((AI_CPV, self.cpv), (AI_LOT, self.lot), (AI_SERIAL, self.serial)):
            if value is not None:
                parts += [ai, quote(value, safe="")]
        return "/" + "/".join(parts)

    def uri(self, host: str) -> str:
        """The full URI on `host` (scheme included), with ?17= when an expiry is carried."""
        query = f"?{AI_EXPIRY}={self.expires}" if self.expires else ""
        return host.rstrip("/") + self.path() + query


def digital_link(gtin: str, lot: str | None = None, serial: str | None = None,
                 expires_on: date | None = None) -> DigitalLink:
    """Build a validated Digital Link from a GTIN of any length, a lot and a serial."""
    return DigitalLink(
        gtin=normalize_gtin(gtin),
        lot=validate_lot(lot) if lot is not None else None,
        serial=validate_serial(serial) if serial is not None else None,
        expires=yymmdd(expires_on) if expires_on else None,
    )


def parse_path(raw_path: str, query: dict[str, str] | None = None) -> DigitalLink:
    """Parse a Digital Link path (still %-encoded) into its identifiers; raise GS1Error."""
    segments = raw_path.strip("/").split("/")
    if len(segments) < 2 or segments[0] != AI_GTIN:
        raise GS1Error(_l("A Digital Link starts with /01/ and a GTIN."))
    if len(segments) % 2:
        raise GS1Error(_l("Each identifier in a Digital Link needs a value."))
    gtin = normalize_gtin(segments[1])
    values: dict[str, str] = {}
    position = -1
    for ai, encoded in zip(segments[2::2], segments[3::2], strict=True):
        if ai not in _QUALIFIER_ORDER:
            raise GS1Error(_l("“%(ai)s” is not a qualifier of a GTIN (22, 10 or 21).", ai=ai))
        if _QUALIFIER_ORDER.index(ai) <= position:
            raise GS1Error(_l("Qualifiers come in the order 22, 10, 21, each once."))
        position = _QUALIFIER_ORDER.index(ai)
        try:
            values[ai] = unquote(encoded, errors="strict")
        except UnicodeDecodeError:
            raise GS1Error(_l("The Digital Link has a broken percent-escape.")) from None
    lot = validate_lot(values[AI_LOT]) if AI_LOT in values else None
    serial = validate_serial(values[AI_SERIAL]) if AI_SERIAL in values else None
    cpv = validate_code(values[AI_CPV], str(_l("variant")), 20) if AI_CPV in values else None
    expires = (query or {}).get(AI_EXPIRY)
    if expires is not None and not _YYMMDD.fullmatch(expires):
        raise GS1Error(_l("The expiry date (17) is written YYMMDD."))
    return DigitalLink(gtin=gtin, lot=lot, serial=serial, cpv=cpv, expires=expires)

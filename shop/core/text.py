"""Text: folding Vietnamese for search and slugs, and refusing text that hides what it says."""

import re
import unicodedata

from flask_babel import gettext as _

from shop.core.errors import InvalidInput

# Unicode decomposition leaves đ/Đ alone: it is a letter of its own, not d with a mark.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case `text` without diacritics, đ becoming d: "Đà Lạt" -> "da lat"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def search_words(text: str | None) -> list[str]:
    """The folded words of `text`, punctuation dropped: "Trà (Đà Lạt)" -> ["tra", "da", "lat"]."""
    return _NON_WORD.sub(" ", fold(text)).split()


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug from Vietnamese text: "Nước mắm Phú Quốc" -> "nuoc-mam-phu-quoc"."""
    slug = _NON_WORD.sub("-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-")


# Embeddings, overrides and isolates reorder what is shown: "txt.exe" can display as "exe.txt".
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters by Unicode's count that draw nothing (Hangul fillers, the blank Braille pattern).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Format (U+200B, U+FEFF…), control, separator and unassigned characters, and lone marks.
_UNSEEN_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Cn", "Mn", "Me"})
_LINE_BREAKS = frozenset("\n\r\t")


def _unseen(char: str) -> bool:
    return char in _BLANK_LETTERS or unicodedata.category(char) in _UNSEEN_CATEGORIES


def text_problem(value: str, multiline: bool = False) -> str | None:
    """Why `value` may not be shown to people as typed, or None: direction overrides, control
    characters (line breaks and tabs allowed in `multiline` text), or nothing visible at all."""
    if any(char in BIDI_CONTROLS for char in value):
        return _("Remove the hidden characters that change the direction of the text "
                 "(U+202A–U+202E, U+2066–U+2069).")
    allowed = _LINE_BREAKS if multiline else frozenset()
    if any(unicodedata.category(char) == "Cc" and char not in allowed for char in value):
        return _("Remove the control characters from this text.")
    if value.strip() and all(_unseen(char) for char in value):
        return _("This text is made only of invisible characters; type visible letters.")
    return None


def check_text(value: str, field: str, multiline: bool = False) -> str:
    """`value` unchanged, or InvalidInput on `field` saying why it may not be shown."""
    problem = text_problem(value, multiline)
    if problem is not None:
        raise InvalidInput(problem, field)
    return value

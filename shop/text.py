"""Vietnamese text: folding for search and slugs."""

import re
import unicodedata

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

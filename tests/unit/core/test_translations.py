"""Every string the UI shows has its Vietnamese translation (Vietnamese is the default)."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "shop/translations/vi/LC_MESSAGES/messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
METHOD_MAP = [("shop/**.py", "python"), ("templates/**.html", "jinja2"),
              ("templates/mail/**.txt", "jinja2")]


def _not_hidden(path: str) -> bool:
    # Babel skips folders starting with "_" by default: templates/_macros hides strings.
    return not Path(path).name.startswith(".")


def _source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), METHOD_MAP, keywords=KEYWORDS, directory_filter=_not_hidden):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_source_string_has_a_vietnamese_translation():
    catalog = read_po(CATALOG.open("rb"))
    translated = {
        m.id[0] if isinstance(m.id, tuple) else m.id
        for m in catalog
        if m.id and all(m.string if isinstance(m.string, tuple) else (m.string,))
        and not m.fuzzy
    }
    missing = sorted(_source_messages() - translated)
    assert missing == [], f"run `make extract-messages` and translate: {missing}"

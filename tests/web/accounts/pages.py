"""Reading a rendered page the way a person does: fields, their values and their errors."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.texts: dict[str, str] = {}
        self.form_errors = ""
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name"):
            self.inputs[attributes["name"]] = attributes
        if tag in ("p", "div", "h1", "section"):
            key = attributes.get("id") or ("form-errors" if "form-errors" in (
                attributes.get("class") or "") else None)
            self._open.append((tag, key))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data):
        for _tag, key in self._open:
            if key:
                self.texts[key] = self.texts.get(key, "") + data


def _words(text: str) -> str:
    return " ".join(text.split())


def parse(html: str | bytes) -> _Page:
    page = _Page()
    page.feed(html.decode() if isinstance(html, bytes) else html)
    return page


def field_error(response, field: str) -> str:
    """The error shown under `field`, or "" when there is none."""
    return _words(parse(response.data).texts.get(f"{field}-error", ""))


def form_error(response) -> str:
    """The text of the form's error box, or "" when there is none."""
    return _words(parse(response.data).texts.get("form-errors", ""))


def input_attributes(response, field: str) -> dict[str, str | None]:
    """The attributes of the <input name=field> on the page."""
    return parse(response.data).inputs[field]


def redirect_target(response) -> tuple[str, dict[str, list[str]]]:
    """The path and query parameters a redirect points to."""
    location = urlsplit(response.headers["Location"])
    assert not location.netloc or location.netloc == "localhost", response.headers["Location"]
    return location.path, parse_qs(location.query)

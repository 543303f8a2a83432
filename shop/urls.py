"""URL helpers: the redirect target a request may ask for, and the ids a route accepts."""

import unicodedata
from urllib.parse import urlsplit

from flask import current_app, url_for
from werkzeug.routing import IntegerConverter

# The largest id every database holds: ids are INTEGER columns, 32 bits on PostgreSQL (SQLite
# would take 64). Larger ones name nothing, and the database must not be asked about them.
MAX_ID = 2**31 - 1


def absolute_url(endpoint: str, **values) -> str:
    """An absolute URL on PUBLIC_HOST: never built from the request's Host header, which a
    client may forge."""
    return current_app.config["PUBLIC_HOST"] + url_for(endpoint, **values)


def safe_next(target: str | None, fallback: str) -> str:
    """`target` when it is a path on this site, else `fallback` (no open redirects)."""
    if not target:
        return fallback
    target = target.strip().replace("\\", "/")
    # CR/LF would break the Location header (a 500), and browsers drop tabs and newlines
    # from URLs, so "/\t/evil.example" would leave the site: refuse every control character.
    if any(unicodedata.category(char) == "Cc" for char in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


class IdConverter(IntegerConverter):
    """`<int:…>` for the whole app: an id past MAX_ID is no route (404), not a 500."""

    def __init__(self, url_map, fixed_digits: int = 0, min: int | None = None,  # noqa: A002
                 max: int | None = MAX_ID, signed: bool = False) -> None:  # noqa: A002
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)

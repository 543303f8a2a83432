"""URL helpers: safe redirect targets, the ids a route accepts, and absolute URLs on
PUBLIC_HOST."""

import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from flask import current_app
from werkzeug.routing import IntegerConverter, Map, MapAdapter

# The largest id every database holds: ids are INTEGER columns, 32 bits on PostgreSQL (SQLite
# would take 64). Larger ones name nothing, and the database must not be asked about them.
MAX_ID = 2**31 - 1


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


# Absolute URLs are built on PUBLIC_HOST alone: the Host header is the client's to forge, and
# what we print (labels, the API, the sitemap) must name the shop whichever host was asked.
def public_host() -> str:
    """The shop's origin (config PUBLIC_HOST, no trailing slash), as printed on labels."""
    return current_app.config["PUBLIC_HOST"]


def absolute_path(path: str) -> str:
    """A site-relative `path` (starting with /) as an absolute URL on PUBLIC_HOST."""
    return public_host() + path


def absolute_url(endpoint: str, **values) -> str:
    """`url_for(endpoint, **values)` as an absolute URL on PUBLIC_HOST, in a request or not."""
    current_app.inject_url_defaults(endpoint, values)
    return _adapter(current_app.url_map, public_host()).build(endpoint, values,
                                                              force_external=True)


@lru_cache(maxsize=8)
def _adapter(url_map: Map, host: str) -> MapAdapter:
    # Bound once per host, so a URL costs what url_for costs; PUBLIC_HOST may carry a path.
    parts = urlsplit(host)
    return url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)

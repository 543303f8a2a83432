"""URL helpers: safe redirect targets, and absolute URLs on PUBLIC_HOST."""

from functools import lru_cache
from urllib.parse import urlsplit

from flask import current_app
from werkzeug.routing import Map, MapAdapter


def safe_next(target: str | None, fallback: str) -> str:
    """`target` when it is a path on this site, else `fallback` (no open redirects)."""
    if not target:
        return fallback
    target = target.strip().replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


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

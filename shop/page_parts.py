"""Rendered parts of pages, cached under a key of everything they show plus the language."""

import hashlib
from collections.abc import Callable

from shop.extensions import cache
from shop.i18n import current_language


def cached_parts(namespace: str, key: tuple, render: Callable[[], dict],
                 timeout: int) -> dict:
    """The parts `render` makes, from the cache while `key` and the language are unchanged.

    Parts keep their type: HTML comes back as the Markup `render` made, text as text (escaped
    where it is shown). An exception in `render` (a 404, say) caches nothing.
    """
    raw = "|".join(map(str, (*key, current_language())))
    cache_key = f"{namespace}:" + hashlib.sha256(raw.encode()).hexdigest()
    parts = cache.get(cache_key)
    if parts is None:
        parts = render()
        cache.set(cache_key, parts, timeout=timeout)
    return parts

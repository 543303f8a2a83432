"""Page numbers of paginated lists, as a request asks for them."""

from collections.abc import Mapping

# Far beyond any list here, and small enough that its offset fits every database.
MAX_PAGE = 10_000


def requested_page(args: Mapping[str, str]) -> int:
    """`?page=` as a page number from 1 to MAX_PAGE; a missing or broken one is page 1."""
    raw = args.get("page", "")
    page = int(raw) if raw.isascii() and raw.isdigit() else 1
    return min(max(page, 1), MAX_PAGE)

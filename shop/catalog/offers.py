"""Where a product can be had now, for its page. The outlets hold the stock and sit above the
catalog (they import it), so they plug in here: `register(finder)`, as a recall's signal does."""

from collections.abc import Callable

_finder: list[Callable[[int], list]] = []


def register(finder: Callable[[int], list]) -> None:
    """Answer `offers_for` with `finder(product_id)`: outlets with the product's band at each."""
    _finder[:] = [finder]


def offers_for(product_id: int) -> list:
    """The outlets that can sell the product now, each with its band (none without outlets)."""
    return _finder[0](product_id) if _finder else []

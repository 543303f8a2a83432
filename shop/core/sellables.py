"""What can be sold on a cart or order line, as a hook: each kind (product, combo) registers
the function that says which of its items are for sale today, and as what.

In core so that the package selling a kind (combos) and the orders package that sells it
need not import each other.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Item:
    """A line as sold today: its name (vi, en), price, and the products one unit takes."""

    kind: str
    item_id: int
    name_vi: str
    name_en: str
    slug: str
    unit_price: int
    parts: tuple[tuple[int, int], ...]
    parts_price: int | None = None
    # The outlets that sell it (a combo is sold only where it is curated); None: any outlet.
    outlet_ids: frozenset[int] | None = None

    def sold_at(self, outlet_id: int) -> bool:
        """Whether the outlet sells this item at all."""
        return self.outlet_ids is None or outlet_id in self.outlet_ids

    def name(self, language: str) -> str:
        """The name in `language`, Vietnamese when there is no English one."""
        return (self.name_en or self.name_vi) if language == "en" else self.name_vi


# kind → function(ids, today) giving the Items of those ids that are for sale today.
KINDS: dict[str, Callable[[list[int], date], dict[int, Item]]] = {}


def register_kind(kind: str, items: Callable[[list[int], date], dict[int, Item]]) -> None:
    """Sell lines of `kind`: `items(ids, today)` gives those for sale (the listing rule's)."""
    KINDS[kind] = items

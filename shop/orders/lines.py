"""What a cart or order line is: one kind (product, combo) per entry of `KINDS`.

`expand` is the one place a line becomes (product, quantity) pairs for the stock. The kinds
are a hook of `shop.core.sellables`: products register here, and the combos package plugs in
with `register_kind("combo", …)` from there, so neither package imports the other.
"""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from shop.catalog.listing import listed_product_ids
from shop.catalog.models import Product
from shop.core.errors import InvalidInput, InvalidState
from shop.core.sellables import KINDS, Item, register_kind
from shop.extensions import db
from shop.orders.models import LineKind
from shop.orders.totals import MAX_QUANTITY


def _products(ids: list[int], today: date) -> dict[int, Item]:
    """Listed products among `ids` (the one listing rule), one unit being one product."""
    # Plain columns, not Product objects: a line needs five of them, not the stories.
    found = db.session.execute(listed_product_ids(today).with_only_columns(
        Product.id, Product.name_vi, Product.name_en, Product.slug, Product.price_vnd)
        .where(Product.id.in_(ids)))
    return {p.id: Item(LineKind.PRODUCT, p.id, p.name_vi, p.name_en, p.slug, p.price_vnd,
                       ((p.id, 1),)) for p in found}


register_kind(LineKind.PRODUCT, _products)


def check_quantity(value: object, field: str = "quantity") -> int:
    """A quantity typed into a form: a whole number from 1 to MAX_QUANTITY."""
    try:
        quantity = int(str(value).strip())
    except ValueError:
        raise InvalidInput(_("Enter a number of units, 1 to %(max)d.", max=MAX_QUANTITY),
                           field) from None
    if not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(_("Enter a number of units, 1 to %(max)d.", max=MAX_QUANTITY), field)
    return quantity


def items_for(keys: list[tuple[str, int]], today: date) -> dict[tuple[str, int], Item]:
    """The Items for sale among `keys` ((kind, id)); those not for sale are left out."""
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in keys:
        by_kind.setdefault(kind, []).append(item_id)
    found = {}
    for kind, ids in by_kind.items():
        if kind in KINDS:
            found.update({(kind, i): item for i, item in KINDS[kind](ids, today).items()})
    return found


def require_item(kind: str, item_id: int, today: date) -> Item:
    """The Item, or InvalidState when it is not (or no longer) for sale."""
    item = items_for([(kind, item_id)], today).get((kind, item_id))
    if item is None:
        raise InvalidState(_("This item is not for sale now: its OCOP certificate may have "
                             "lapsed."), "items")
    return item


def expand(item: Item, quantity: int) -> list[tuple[int, int]]:
    """The (product id, units) a line of `quantity` × `item` takes from the stock."""
    return [(product_id, units * quantity) for product_id, units in item.parts]


def product_names(product_ids: list[int]) -> dict[int, Product]:
    """Products by id (for naming a component that ran out)."""
    return {p.id: p for p in db.session.scalars(select(Product).where(
        Product.id.in_(product_ids)))}

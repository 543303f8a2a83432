"""A recall sets the lot's units aside at every outlet, in the recall's own transaction.

Sellable stock never counts a recalled lot anyway (shop.outlets.availability reads the lot);
these recall_hold moves make the ledger say so too, so staff see what to send back.
"""

from sqlalchemy import select

from shop.core.actors import Actor
from shop.extensions import db
from shop.outlets.ledger import settle_recall
from shop.outlets.stock_models import StockLevel
from shop.trace.lots import lot_recalled


@lot_recalled.connect
def hold_recalled_stock(lot_id: int, actor: Actor | None = None) -> None:
    """Hold every unreserved unit of the recalled lot, outlet by outlet (levels in id order)."""
    levels = db.session.scalars(
        select(StockLevel).where(StockLevel.lot_id == lot_id, StockLevel.on_hand > 0)
        .order_by(StockLevel.id).with_for_update().execution_options(populate_existing=True))
    for level in levels:
        settle_recall(level, True, actor)

"""Stock per outlet and lot: the ledger of moves, the levels it sums to, and holds for orders.

Each move changes one of a level's three quantities, by its reason (`BUCKETS`): on hand
(the units on the shelves), reserved (held for orders, through StockHold rows) and held
(units of a recalled lot set aside, never sold). A level is the running sum of its moves,
updated in the move's transaction with the level's row locked.
"""

import enum
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from shop.core.clock import utcnow
from shop.core.models_base import enum_type
from shop.extensions import db


class MoveReason(enum.StrEnum):
    """Why stock changed."""

    RECEIVED = "received"
    RESERVED = "reserved"
    RELEASED = "released"
    SOLD = "sold"
    ADJUSTED_DAMAGED = "adjusted_damaged"
    ADJUSTED_COUNT = "adjusted_count"
    ADJUSTED_EXPIRED = "adjusted_expired"
    RECALL_HOLD = "recall_hold"
    RECALL_RELEASE = "recall_release"


class Bucket(enum.StrEnum):
    """The quantity of a level a move changes."""

    ON_HAND = "on_hand"
    RESERVED = "reserved"
    HELD = "held"


BUCKETS = {
    MoveReason.RECEIVED: Bucket.ON_HAND,
    MoveReason.SOLD: Bucket.ON_HAND,
    MoveReason.ADJUSTED_DAMAGED: Bucket.ON_HAND,
    MoveReason.ADJUSTED_COUNT: Bucket.ON_HAND,
    MoveReason.ADJUSTED_EXPIRED: Bucket.ON_HAND,
    MoveReason.RESERVED: Bucket.RESERVED,
    MoveReason.RELEASED: Bucket.RESERVED,
    MoveReason.RECALL_HOLD: Bucket.HELD,
    MoveReason.RECALL_RELEASE: Bucket.HELD,
}


class StockMove(db.Model):
    """One change of stock: a row of the ledger, never changed or deleted."""

    __tablename__ = "stock_moves"
    __table_args__ = (
        CheckConstraint("quantity <> 0", name="quantity_not_zero"),
        Index("ix_stock_moves_outlet_lot", "outlet_id", "lot_id"),
        # What all outlets received of a lot (its size caps it) and who holds a lot.
        Index("ix_stock_moves_lot_reason", "lot_id", "reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[MoveReason] = mapped_column(enum_type(MoveReason))
    # None for what a job or the shop itself did (an expired hold released).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    hold_id: Mapped[int | None] = mapped_column(ForeignKey("stock_holds.id"), index=True)
    # The order line a sale or reservation served; its foreign key comes with the orders.
    order_line_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StockLevel(db.Model):
    """What an outlet holds of a lot: the ledger's running sums, one row per (outlet, lot)."""

    __tablename__ = "stock_levels"
    __table_args__ = (
        UniqueConstraint("outlet_id", "lot_id", name="uq_stock_levels_outlet_lot"),
        CheckConstraint("on_hand >= 0 AND reserved >= 0 AND held >= 0", name="not_negative"),
        CheckConstraint("reserved + held <= on_hand", name="within_on_hand"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)

    @property
    def free(self) -> int:
        """Units neither reserved nor held (expired holds still count as reserved here)."""
        return self.on_hand - self.reserved - self.held


class StockHold(db.Model):
    """Units of a lot reserved for an order until `expires_at` (None: until released).

    An expired hold no longer counts against what can be sold, even before anything
    releases it; the next take of the same lot, or a job, releases it in the ledger.
    """

    __tablename__ = "stock_holds"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        Index("ix_stock_holds_outlet_lot", "outlet_id", "lot_id"),
        Index("ix_stock_holds_live", "ended_at", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    order_line_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Set when the hold was sold or released; the ledger says which.
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

"""Orders, their lines, the lots each line was served from, their timeline, and carts.

The access token is kept as is (random, 256 bits from `secrets`): it is mailed inside the
order page's link, so the mail queue holds it in clear anyway, and a repeated checkout (same
idempotency key) must hand the guest the same link again — a hash could not give it back.
"""

import enum
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.core.clock import utcnow
from shop.core.models_base import enum_type
from shop.extensions import db
from shop.orders.states import ActorKind, Fulfilment, OrderState


class LineKind(enum.StrEnum):
    """What a cart or order line sells: a product, or a gift combo (one unit of several)."""

    PRODUCT = "product"
    COMBO = "combo"


class Order(db.Model):
    """One customer's order at one outlet, priced and held at placement."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("subtotal_vnd >= 0 AND delivery_fee_vnd >= 0 AND total_vnd >= 0",
                        name="amounts_not_negative"),
        CheckConstraint("total_vnd = subtotal_vnd + delivery_fee_vnd", name="total_adds_up"),
        # The console's "today's orders by state" and the expiry job's search.
        Index("ix_orders_outlet_state", "outlet_id", "state"),
        Index("ix_orders_state_hold", "state", "hold_until"),
        # The console's orders of a day at an outlet.
        Index("ix_orders_outlet_placed", "outlet_id", "placed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(9), unique=True)
    access_token: Mapped[str] = mapped_column(String(64))
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    contact_name: Mapped[str] = mapped_column(String(120))
    contact_phone: Mapped[str] = mapped_column(String(11))
    contact_email: Mapped[str] = mapped_column(String(254), index=True)
    language: Mapped[str] = mapped_column(String(5), default="vi")
    fulfilment: Mapped[Fulfilment] = mapped_column(enum_type(Fulfilment))
    pickup_on: Mapped[date | None] = mapped_column(Date)
    street: Mapped[str] = mapped_column(String(200), default="")
    commune: Mapped[str] = mapped_column(String(120), default="")
    province_id: Mapped[int | None] = mapped_column(ForeignKey("provinces.id"))
    recipient_name: Mapped[str] = mapped_column(String(120), default="")
    recipient_phone: Mapped[str] = mapped_column(String(11), default="")
    gift_message: Mapped[str] = mapped_column(Text, default="")
    payment_method: Mapped[str] = mapped_column(String(40))
    state: Mapped[OrderState] = mapped_column(enum_type(OrderState))
    subtotal_vnd: Mapped[int] = mapped_column(Integer)
    delivery_fee_vnd: Mapped[int] = mapped_column(Integer, default=0)
    total_vnd: Mapped[int] = mapped_column(Integer)
    # Until when the stock is held while unpaid; None: held until staff act (cash on delivery).
    hold_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    placed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                index=True)

    lines: Mapped[list["OrderLine"]] = relationship(order_by="OrderLine.id",
                                                    lazy="raise_on_sql",
                                                    back_populates="order")
    events: Mapped[list["OrderEvent"]] = relationship(order_by="OrderEvent.id",
                                                      lazy="raise_on_sql")

    def __repr__(self) -> str:
        return f"<Order {self.number}>"


class OrderLine(db.Model):
    """A product or combo at the price it had when the order was placed."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("line_total_vnd = unit_price_vnd * quantity", name="line_adds_up"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    kind: Mapped[LineKind] = mapped_column(enum_type(LineKind))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    # The combos' table comes with their package; its foreign key with it.
    combo_id: Mapped[int | None] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_vnd: Mapped[int] = mapped_column(Integer)
    line_total_vnd: Mapped[int] = mapped_column(Integer)

    order: Mapped[Order] = relationship(lazy="raise_on_sql", back_populates="lines")
    lots: Mapped[list["OrderLineLot"]] = relationship(order_by="OrderLineLot.id",
                                                      lazy="raise_on_sql")


class OrderLineLot(db.Model):
    """Units of one lot a line was served from (its hold): what a recall follows."""

    __tablename__ = "order_line_lots"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"),
                                         index=True)
    # A producer's order lines are found by product (the portal), a recall's by lot.
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    hold_id: Mapped[int | None] = mapped_column(ForeignKey("stock_holds.id"), index=True)


class OrderEvent(db.Model):
    """One step of an order's life: the timeline, never changed."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    from_state: Mapped[OrderState | None] = mapped_column(enum_type(OrderState))
    to_state: Mapped[OrderState] = mapped_column(enum_type(OrderState))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    actor_kind: Mapped[ActorKind] = mapped_column(enum_type(ActorKind))
    note: Mapped[str] = mapped_column(Text, default="")


class Cart(db.Model):
    """A signed-in customer's cart (guests keep theirs in the session)."""

    __tablename__ = "carts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         unique=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)

    lines: Mapped[list["CartLine"]] = relationship(order_by="CartLine.id", lazy="raise_on_sql",
                                                   cascade="all, delete-orphan")


class CartLine(db.Model):
    """A product or combo in a cart, by id (a product's or a combo's, as `kind` says)."""

    __tablename__ = "cart_lines"
    __table_args__ = (
        UniqueConstraint("cart_id", "kind", "item_id", name="uq_cart_lines_item"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("carts.id", ondelete="CASCADE"))
    kind: Mapped[LineKind] = mapped_column(enum_type(LineKind))
    item_id: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)

"""Money received for orders: transfers (by hand or from a bank statement) and cash at handover.

A bank's reference is unique per outlet (`reference_key`, as `statements.reference_key`
compares it), so recording or importing the same transfer again can never count it twice.
"""

import enum
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from shop.core.clock import utcnow
from shop.core.models_base import enum_type
from shop.extensions import db


class PaymentKind(enum.StrEnum):
    """How the money came: a bank transfer, or cash handed to staff."""

    TRANSFER = "transfer"
    CASH = "cash"


class PaymentSource(enum.StrEnum):
    """Who told the shop: a person at the console, or a bank statement imported."""

    CONSOLE = "console"
    STATEMENT = "statement"


class Payment(db.Model):
    """One amount received for one order, never changed; `over_vnd` is left for a refund."""

    __tablename__ = "payments"
    __table_args__ = (
        UniqueConstraint("outlet_id", "reference_key", name="uq_payments_outlet_reference"),
        CheckConstraint("amount_vnd > 0", name="amount_positive"),
        CheckConstraint("over_vnd >= 0 AND over_vnd <= amount_vnd", name="over_within_amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"),
                                          index=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    kind: Mapped[PaymentKind] = mapped_column(enum_type(PaymentKind))
    source: Mapped[PaymentSource] = mapped_column(enum_type(PaymentSource))
    amount_vnd: Mapped[int] = mapped_column(Integer)
    # What came beyond what the order still owed: a person refunds it.
    over_vnd: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The bank's reference as typed or read, and as compared (None for cash).
    reference: Mapped[str | None] = mapped_column(String(80))
    reference_key: Mapped[str | None] = mapped_column(String(80))
    # The staff account that recorded it (took the cash, or marked the transfer).
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # Cash: the person who collected the order (the customer, a relative, the courier).
    collected_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StatementUpload(db.Model):
    """A bank statement as a staff member uploaded it: applying reads exactly what was
    previewed. In the database, so every app server sees it (a hidden form field would not
    hold a long statement)."""

    __tablename__ = "statement_uploads"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

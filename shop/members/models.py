"""Invitations to join a producer, and the reminders sent about certificates coming due."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.core.clock import utcnow
from shop.extensions import db
from shop.producers.models import Producer


class Invitation(db.Model):
    """A link mailed to someone to join a producer: single use, for 7 days; the database keeps
    only the SHA-256 of its token."""

    __tablename__ = "invitations"
    __table_args__ = (Index("ix_invitations_producer_open", "producer_id", "accepted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"))
    email: Mapped[str] = mapped_column(String(254))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    accepted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)

    producer: Mapped[Producer] = relationship(lazy="raise_on_sql")


class DueReminder(db.Model):
    """One reminder mailed about a certificate coming due: one per certificate, threshold
    (90 or 30 days) and recipient, so the periodic job never mails anyone twice."""

    __tablename__ = "due_reminders"
    __table_args__ = (UniqueConstraint("certificate_id", "threshold_days", "recipient",
                                       name="uq_due_reminders_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificates.id"), index=True)
    threshold_days: Mapped[int] = mapped_column(SmallInteger)
    recipient: Mapped[str] = mapped_column(String(254))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

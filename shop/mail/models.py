"""The outbox of mail messages and the schedule of periodic jobs."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from shop.core.clock import utcnow
from shop.core.models_base import Timestamped, enum_type
from shop.extensions import db


class MailStatus(enum.StrEnum):
    """Queued until the worker delivers it (sent) or gives up on it (failed)."""

    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"


class MailMessage(Timestamped, db.Model):
    """One message, rendered when it was queued, waiting for the worker or already sent."""

    __tablename__ = "mail_messages"
    __table_args__ = (
        # The worker's claim walks queued messages by due time.
        Index("ix_mail_messages_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(320))
    template: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    # Fixed when queued and sent with every attempt, so a resend after a crash is recognisable.
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[MailStatus] = mapped_column(enum_type(MailStatus), default=MailStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A worker holds a message while it sends: nobody else takes it before leased_until.
    lease_token: Mapped[str | None] = mapped_column(String(32))
    leased_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)


class PeriodicJob(db.Model):
    """When a registered job runs next; claiming the row is what lets one worker run it."""

    __tablename__ = "jobs"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    next_run_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="")

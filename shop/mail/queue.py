"""The outbox: enqueue in the caller's transaction; claim, mark and purge for the worker.

Every function here flushes or runs one statement and never commits: the caller (a view, a
command, the worker) commits, so a message is queued if and only if what caused it is.
"""

import uuid
from datetime import datetime
from email.utils import parseaddr

from flask import current_app
from sqlalchemy import delete, or_, select, update

from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.mail.models import MailMessage, MailStatus
from shop.mail.render import render_message
from shop.mail.settings import MailSettings


def enqueue(to: str, template: str, language: str, **context) -> MailMessage:
    """Queue `template` rendered in `language` for `to`, in the caller's transaction."""
    config = current_app.config
    if language not in config["LANGUAGES"]:
        raise InvalidInput(f"No mail in language {language!r}.", field="language")
    if "@" not in to or any(c in to for c in "\r\n"):
        raise InvalidInput(f"{to!r} is not an email address.", field="to")
    rendered = render_message(template, language, context)
    domain = parseaddr(config["MAIL_FROM"])[1].rpartition("@")[2] or "localhost"
    message = MailMessage(
        to_address=to, template=template, language=language, subject=rendered.subject,
        text_body=rendered.text, html_body=rendered.html,
        message_id=f"<{uuid.uuid4().hex}@{domain}>",
    )
    db.session.add(message)
    db.session.flush()
    return message


def claim_next(settings: MailSettings, now: datetime) -> MailMessage | None:
    """Lease the next due message to this caller (attempts + 1); None when none is due.

    One UPDATE whose subquery picks the row `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two
    workers never claim the same message; on SQLite the UPDATE takes the single write lock.
    """
    due = (
        select(MailMessage.id)
        .where(MailMessage.status == MailStatus.QUEUED, MailMessage.next_attempt_at <= now,
               MailMessage.attempts < settings.max_attempts,
               or_(MailMessage.leased_until.is_(None), MailMessage.leased_until <= now))
        .order_by(MailMessage.next_attempt_at, MailMessage.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    token = uuid.uuid4().hex
    claimed = db.session.execute(
        update(MailMessage).where(MailMessage.id == due)
        .values(lease_token=token, leased_until=now + settings.lease,
                attempts=MailMessage.attempts + 1, updated_at=now)
        .returning(MailMessage.id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if claimed is None:
        return None
    return db.session.execute(
        select(MailMessage).where(MailMessage.id == claimed)
        .execution_options(populate_existing=True)
    ).scalar_one()


def _leased(message_id: int, token: str):
    return update(MailMessage).where(
        MailMessage.id == message_id, MailMessage.lease_token == token
    ).execution_options(synchronize_session=False)


def mark_sent(message_id: int, token: str, now: datetime) -> bool:
    """Record that the server accepted the message; False if this caller's lease had ended."""
    return db.session.execute(_leased(message_id, token).values(
        status=MailStatus.SENT, sent_at=now, lease_token=None, leased_until=None,
        last_error="", updated_at=now)).rowcount == 1


def mark_failed_attempt(message_id: int, token: str, attempts: int, error: str,
                        settings: MailSettings, now: datetime) -> None:
    """Keep the message for a later attempt after a backoff, or give up after the last one."""
    values = {"lease_token": None, "leased_until": None, "last_error": error[:2000],
              "updated_at": now}
    if attempts >= settings.max_attempts:
        values["status"] = MailStatus.FAILED
    else:
        values["next_attempt_at"] = now + settings.backoff(attempts)
    db.session.execute(_leased(message_id, token).values(**values))


def fail_abandoned(settings: MailSettings, now: datetime) -> int:
    """Give up on messages whose last attempt's worker stopped mid-send (lease run out)."""
    result = db.session.execute(
        update(MailMessage)
        .where(MailMessage.status == MailStatus.QUEUED, MailMessage.leased_until <= now,
               MailMessage.attempts >= settings.max_attempts)
        .values(status=MailStatus.FAILED, lease_token=None, leased_until=None, updated_at=now,
                last_error="The worker stopped while sending the last attempt.")
        .execution_options(synchronize_session=False))
    return result.rowcount


def purge_sent(before: datetime) -> int:
    """Delete the messages sent before `before`; returns how many."""
    result = db.session.execute(
        delete(MailMessage).where(MailMessage.status == MailStatus.SENT,
                                  MailMessage.sent_at < before)
        .execution_options(synchronize_session=False))
    return result.rowcount

"""Delivering due messages: the worker's edge, committing each step on its own.

Why a message is never sent twice, and the one case where it may be:

1. *Claim* — one committed transaction leases one due message to this worker (a random token
   and `leased_until`, attempts + 1). Other workers skip leased rows, so a second worker never
   takes a message a live worker holds; the lease is far longer than an SMTP timeout.
2. *Send* — outside any transaction, so a slow server holds no row lock and no connection.
3. *Mark* — a second committed transaction marks it sent (or schedules the retry), only if
   this worker still holds the lease. A sent message is never claimed again.

If the worker dies between the server accepting the message and step 3 committing, nobody can
know whether it went out. We choose to send it again when the lease runs out rather than lose
it (an order confirmation matters more than a duplicate), with the same Message-ID header, so
mail servers and clients that deduplicate by Message-ID show it once. The window is a few
milliseconds per message; attempts were counted at the claim, so a message that crashes its
worker every time still ends as failed after MAIL_MAX_ATTEMPTS.
"""

import logging
import smtplib
from dataclasses import dataclass
from typing import NamedTuple

from shop.core.clock import utcnow
from shop.extensions import db
from shop.mail import queue
from shop.mail.settings import MailSettings
from shop.mail.transport import build_email, open_transport

log = logging.getLogger("shop.mail")


@dataclass
class DeliveryReport:
    """What one pass did: messages accepted by the server, and failed attempts."""

    sent: int = 0
    failed: int = 0


class _Claim(NamedTuple):
    """The message this worker leased: what it needs after the claim's commit."""

    message_id: int
    token: str
    attempts: int


def deliver_due(settings: MailSettings) -> DeliveryReport:
    """Send the due messages, up to MAIL_BATCH_SIZE, committing each claim and each outcome."""
    report = DeliveryReport()
    queue.fail_abandoned(settings, utcnow())
    db.session.commit()
    transport = open_transport(settings)
    try:
        for _ in range(settings.batch_size):
            message = queue.claim_next(settings, utcnow())
            if message is None:
                db.session.commit()
                break
            # Read everything needed now: after the commit the row is not read again.
            claim = _Claim(message.id, message.lease_token, message.attempts)
            email = build_email(message, settings.mail_from)
            db.session.commit()
            try:
                transport.send(email)
            except (OSError, smtplib.SMTPException) as error:
                _record_failure(claim, error, settings)
                report.failed += 1
                # The server is most likely down: the others keep their attempts for later.
                break
            if not queue.mark_sent(claim.message_id, claim.token, utcnow()):
                log.warning("mail %s: sent after its lease ended; another worker may resend it",
                            claim.message_id)
            db.session.commit()
            report.sent += 1
    finally:
        transport.close()
        db.session.rollback()
    return report


def _record_failure(claim: _Claim, error: Exception, settings: MailSettings) -> None:
    log.warning("mail %s: attempt %d failed: %s", claim.message_id, claim.attempts, error)
    queue.mark_failed_attempt(claim.message_id, claim.token, claim.attempts,
                              f"{type(error).__name__}: {error}", settings, utcnow())
    db.session.commit()

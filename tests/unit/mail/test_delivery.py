"""Queued mail reaches a real SMTP server once: both languages, retries, give-up, fallback."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy

import pytest
import time_machine

from shop.core.errors import InvalidInput
from shop.extensions import db
from shop.mail import enqueue
from shop.mail.delivery import deliver_due
from shop.mail.models import MailMessage, MailStatus
from shop.mail.queue import claim_next

CONFIRM_URL = "https://ocop.example.vn/confirm/abc123"
START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _queue_confirmation(language: str = "vi", to: str = "an@example.vn") -> MailMessage:
    message = enqueue(to, "confirm_email", language, name="Nguyễn Văn An",
                      confirm_url=CONFIRM_URL)
    db.session.commit()  # the caller's commit, with whatever caused the message
    return message


def test_a_confirmation_arrives_once_in_vietnamese_with_text_and_html_parts(smtp, settings):
    message = _queue_confirmation("vi")

    first, second = deliver_due(settings), deliver_due(settings)

    assert (first.sent, second.sent) == (1, 0)
    [received] = smtp.inbox
    assert received.recipients == ["an@example.vn"]
    assert received.email["To"] == "an@example.vn"
    assert received.email["Subject"] == "Xác nhận địa chỉ email của bạn tại OCOP Việt"
    assert received.email["Message-ID"] == message.message_id
    text = received.part("plain")
    assert "Xin chào Nguyễn Văn An," in text and CONFIRM_URL in text
    html = received.part("html")
    assert f'<a href="{CONFIRM_URL}"' in html and "Xác nhận email của tôi" in html
    assert '<html lang="vi">' in html
    db.session.refresh(message)
    assert message.status == MailStatus.SENT and message.attempts == 1


def test_a_confirmation_in_english(smtp, settings):
    _queue_confirmation("en")

    deliver_due(settings)

    [received] = smtp.inbox
    assert received.email["Subject"] == "Confirm your email address for OCOP Việt"
    assert "Hello Nguyễn Văn An," in received.part("plain")
    assert "Confirm my email address" in received.part("html")


def test_a_name_is_escaped_in_the_html_part_and_kept_on_one_subject_line(smtp, settings):
    enqueue("an@example.vn", "confirm_email", "en", name="<b>An</b>\nBcc: x@evil.example",
            confirm_url=CONFIRM_URL)
    db.session.commit()

    deliver_due(settings)

    [received] = smtp.inbox
    assert "&lt;b&gt;An&lt;/b&gt;" in received.part("html")
    assert received.recipients == ["an@example.vn"] and received.email["Bcc"] is None


def test_unknown_languages_and_malformed_addresses_are_refused(app):
    with pytest.raises(InvalidInput):
        enqueue("an@example.vn", "confirm_email", "fr", name="An", confirm_url=CONFIRM_URL)
    with pytest.raises(InvalidInput):
        enqueue("an@example.vn\r\nBcc: x@evil.example", "confirm_email", "vi", name="An",
                confirm_url=CONFIRM_URL)


def test_a_message_of_a_rolled_back_transaction_is_never_sent(smtp, settings):
    enqueue("an@example.vn", "confirm_email", "vi", name="An", confirm_url=CONFIRM_URL)
    db.session.rollback()  # what caused the message failed: neither is kept

    report = deliver_due(settings)

    assert report.sent == 0 and smtp.inbox == []


def test_smtp_down_then_up_delivers_exactly_once_after_the_backoff(smtp_down, settings):
    with time_machine.travel(START, tick=False) as clock:
        message = _queue_confirmation()

        down = deliver_due(settings)
        smtp_down.start()
        too_early = deliver_due(settings)
        clock.shift(settings.retry_base + timedelta(seconds=1))
        due, after = deliver_due(settings), deliver_due(settings)

    assert (down.failed, too_early.sent, due.sent, after.sent) == (1, 0, 1, 0)
    assert len(smtp_down.inbox) == 1
    db.session.refresh(message)
    assert message.status == MailStatus.SENT and message.attempts == 2


def test_after_the_last_attempt_the_message_is_failed_with_the_error(smtp_down, settings):
    settings = replace(settings, max_attempts=3)
    with time_machine.travel(START, tick=False) as clock:
        message = _queue_confirmation()
        for attempt in range(1, 4):
            assert deliver_due(settings).failed == 1
            clock.shift(settings.backoff(attempt) + timedelta(seconds=1))
        smtp_down.start()
        clock.shift(timedelta(days=1))
        late = deliver_due(settings)

    assert late.sent == 0 and smtp_down.inbox == []
    db.session.refresh(message)
    assert message.status == MailStatus.FAILED and message.attempts == 3
    assert "ConnectionRefusedError" in message.last_error


# The test server asks for AUTH over plain text on loopback, on purpose.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_with_smtp_username_the_worker_signs_in_to_the_server(smtp_down, settings):
    smtp_down.start(login=("shop", "s3cret"))
    message = _queue_confirmation()
    settings = replace(settings, retry_base=timedelta(0))  # retry at once

    anonymous = deliver_due(settings)
    signed_in = deliver_due(replace(settings, smtp_username="shop", smtp_password="s3cret"))

    assert (anonymous.failed, signed_in.sent) == (1, 1) and len(smtp_down.inbox) == 1
    db.session.refresh(message)
    assert message.status == MailStatus.SENT and message.attempts == 2


def test_a_message_held_by_a_stopped_worker_is_resent_once_its_lease_ends(smtp, settings):
    """A worker that claimed a message and died: nobody else takes it until the lease ends,
    then it goes out once, under the same Message-ID."""
    with time_machine.travel(START, tick=False) as clock:
        message = _queue_confirmation()
        claim_next(settings, START)
        db.session.commit()  # ... and the worker stops here

        during_lease = deliver_due(settings)
        clock.shift(settings.lease + timedelta(seconds=1))
        after_lease, again = deliver_due(settings), deliver_due(settings)

    assert (during_lease.sent, after_lease.sent, again.sent) == (0, 1, 0)
    [received] = smtp.inbox
    assert received.email["Message-ID"] == message.message_id


def test_without_smtp_host_mail_is_written_as_eml_files(make_app, tmp_path):
    developer = make_app(SMTP_HOST="", MAIL_DIR=str(tmp_path / "mail"))
    with developer.app_context():  # the command runs in the app context it finds
        message = _queue_confirmation("en")
        result = developer.test_cli_runner().invoke(args=["worker", "--once"])

    assert "sent 1, failed 0" in result.output
    [eml] = (tmp_path / "mail").glob("*.eml")
    email = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert email["To"] == "an@example.vn"
    assert email["Message-ID"] == message.message_id
    assert email["Subject"] == "Confirm your email address for OCOP Việt"
    assert CONFIRM_URL in email.get_body(preferencelist=("plain",)).get_content()
    assert CONFIRM_URL in email.get_body(preferencelist=("html",)).get_content()

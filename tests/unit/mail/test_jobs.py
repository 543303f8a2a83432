"""The mail queue's own periodic job: sent mail is forgotten after 30 days."""

from datetime import UTC, datetime, timedelta

import time_machine
from sqlalchemy import select

from shop.extensions import db
from shop.mail import enqueue, register_job
from shop.mail.jobs import run_due_jobs
from shop.mail.models import MailMessage, MailStatus, PeriodicJob

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _message(to: str, status: MailStatus, sent_days_ago: int | None = None) -> MailMessage:
    message = enqueue(to, "confirm_email", "vi", name="An", confirm_url="https://x.vn/c")
    message.status = status
    if sent_days_ago is not None:
        message.sent_at = NOW - timedelta(days=sent_days_ago)
    return message


def test_sent_mail_older_than_30_days_is_purged_once_a_day(app):
    _message("old@example.vn", MailStatus.SENT, sent_days_ago=31)
    _message("recent@example.vn", MailStatus.SENT, sent_days_ago=29)
    _message("waiting@example.vn", MailStatus.QUEUED)
    _message("failed@example.vn", MailStatus.FAILED)
    db.session.commit()

    with time_machine.travel(NOW, tick=False):
        ran = run_due_jobs(app)
        again = run_due_jobs(app)

    kept = db.session.scalars(select(MailMessage.to_address).order_by(MailMessage.to_address))
    assert ran == ["accounts.purge_expired_sessions", "mail.purge_sent",
                   "members.certificate_reminders",
                   "orders.cancel_expired"] and again == []
    assert kept.all() == ["failed@example.vn", "recent@example.vn", "waiting@example.vn"]


def test_a_failing_job_keeps_its_error_and_the_other_jobs_still_run(make_app):
    worker = make_app()

    def _broken(now):
        raise RuntimeError("the reminder service is away")

    register_job(worker, "a.broken", every=timedelta(hours=1), run=_broken)

    with time_machine.travel(NOW, tick=False):
        ran = run_due_jobs(worker)

    broken = db.session.get(PeriodicJob, "a.broken")
    assert ran == ["a.broken", "accounts.purge_expired_sessions", "mail.purge_sent",
                   "members.certificate_reminders",
                   "orders.cancel_expired"]
    assert broken.last_error == "RuntimeError: the reminder service is away"
    assert broken.next_run_at.replace(tzinfo=UTC) == NOW + timedelta(hours=1)

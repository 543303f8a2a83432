"""Several workers at once, in real threads on one database: each message arrives once,
each periodic job runs once per period. They commit for real, so they clean up after."""

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from flask import Flask
from sqlalchemy import delete, select

from shop.extensions import db
from shop.mail import enqueue, register_job
from shop.mail.jobs import run_due_jobs
from shop.mail.models import MailMessage, MailStatus, PeriodicJob
from shop.mail.worker import run_once
from tests.smtp import smtp_config

pytestmark = pytest.mark.no_db
START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _in_threads(apps: list[Flask], work: Callable[[Flask], object]) -> list:
    """Run `work(app)` for each app in a thread of its own, all released at the same moment."""
    barrier = threading.Barrier(len(apps))
    results: list = [None] * len(apps)
    errors: list[BaseException] = []

    def _run(index: int, app: Flask) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work(app)
        except BaseException as error:  # reported by the test's thread below
            errors.append(error)

    threads = [threading.Thread(target=_run, args=(i, app)) for i, app in enumerate(apps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and not any(thread.is_alive() for thread in threads), errors
    return results


@pytest.fixture
def cleanup(app):
    """Delete what the test committed: its messages and the jobs' rows."""
    yield
    with app.app_context():
        db.session.execute(delete(MailMessage))
        db.session.execute(delete(PeriodicJob))
        db.session.commit()


def _drain(app: Flask) -> int:
    """Worker passes until one sends nothing; how many this worker sent."""
    sent = 0
    while (report := run_once(app)[0]).sent:
        sent += report.sent
    return sent


def test_two_workers_never_send_the_same_message(app, make_app, smtp, cleanup):
    with app.app_context():
        for number in range(40):
            enqueue(f"buyer{number}@example.vn", "confirm_email", "vi", name=f"Buyer {number}",
                    confirm_url=f"https://ocop.example.vn/confirm/{number}")
        db.session.commit()
    # Small batches, so that the two workers' passes interleave.
    workers = [make_app(**smtp_config(smtp), MAIL_BATCH_SIZE=3) for _ in range(2)]

    sent = _in_threads(workers, _drain)

    recipients = sorted(r for received in smtp.inbox for r in received.recipients)
    assert recipients == sorted(f"buyer{n}@example.vn" for n in range(40))
    assert len({received.email["Message-ID"] for received in smtp.inbox}) == 40
    assert sum(sent) == 40
    with app.app_context():
        statuses = db.session.scalars(select(MailMessage.status)).all()
    assert statuses == [MailStatus.SENT] * 40


def test_a_periodic_job_runs_once_per_period_even_with_two_workers(make_app, cleanup):
    runs: list[datetime] = []
    workers = [make_app() for _ in range(2)]
    for worker in workers:
        register_job(worker, "test.tick", every=timedelta(hours=1), run=runs.append)

    def _jobs(app: Flask) -> list[str]:
        with app.app_context():
            return run_due_jobs(app)

    with time_machine.travel(START, tick=False) as clock:
        first = _in_threads(workers, _jobs)
        clock.shift(timedelta(minutes=59))
        same_period = _in_threads(workers, _jobs)
        clock.shift(timedelta(minutes=1))
        next_period = _in_threads(workers, _jobs)

    assert sorted(sum(first, [])) == ["accounts.purge_expired_sessions", "mail.purge_sent",
                                      "members.certificate_reminders", "orders.cancel_expired",
                                      "test.tick"]
    assert same_period == [[], []]
    assert sorted(sum(next_period, [])) == ["orders.cancel_expired", "test.tick"]
    assert [run.replace(tzinfo=UTC) for run in runs] == [START, START + timedelta(hours=1)]

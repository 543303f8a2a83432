"""The worker: deliver due mail, run due jobs, sleep a poll interval, again."""

import logging
import signal
import threading

from flask import Flask

from shop.mail.delivery import DeliveryReport, deliver_due
from shop.mail.jobs import run_due_jobs
from shop.mail.settings import MailSettings

log = logging.getLogger("shop.worker")


def run_once(app: Flask) -> tuple[DeliveryReport, list[str]]:
    """One pass inside an app context: the delivery report and the names of the jobs run."""
    with app.app_context():
        report = deliver_due(MailSettings.from_config(app.config))
        return report, run_due_jobs(app)


def run_forever(app: Flask, stopping: threading.Event | None = None) -> None:
    """Pass after pass until SIGTERM or SIGINT; a pass in progress finishes first."""
    stopping = stopping or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
    poll = app.config["WORKER_POLL_SECONDS"]
    while not stopping.is_set():
        try:
            report, jobs = run_once(app)
            if report.sent or report.failed or jobs:
                log.info("sent %d, failed %d, jobs %s", report.sent, report.failed, jobs)
        except Exception:  # the database may be away for a moment: try again next poll
            log.exception("worker pass failed")
        stopping.wait(poll)

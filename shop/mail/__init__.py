"""The mail queue, its templates per language, the worker and its periodic jobs."""

from datetime import datetime, timedelta

from flask import Flask, current_app

from shop.mail.jobs import register_job
from shop.mail.queue import enqueue, purge_sent

__all__ = ["enqueue", "init_app", "register_job"]


def purge_old_sent_mail(now: datetime) -> None:
    """Periodic job: forget sent messages older than MAIL_KEEP_SENT_DAYS (30)."""
    purge_sent(now - timedelta(days=current_app.config["MAIL_KEEP_SENT_DAYS"]))


def init_app(app: Flask) -> None:
    """Add the worker and mail commands, and the mail queue's own periodic job."""
    from shop.mail.commands import mail_cli, worker

    app.cli.add_command(worker)
    app.cli.add_command(mail_cli)
    register_job(app, "mail.purge_sent", every=timedelta(days=1), run=purge_old_sent_mail)

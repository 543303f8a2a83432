"""CLI: `flask --app wsgi worker [--once]` and `flask --app wsgi mail send-due`."""

import logging

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from shop.mail.delivery import deliver_due
from shop.mail.settings import MailSettings
from shop.mail.worker import run_forever, run_once


@click.command("worker")
@click.option("--once", is_flag=True, help="One pass (deliver due mail, run due jobs), then exit.")
@with_appcontext
def worker(once: bool) -> None:
    """Deliver queued mail and run periodic jobs, every WORKER_POLL_SECONDS."""
    app = current_app._get_current_object()
    if once:
        report, jobs = run_once(app)
        ran = ", ".join(jobs) or "none"
        click.echo(f"sent {report.sent}, failed {report.failed}, jobs run: {ran}")
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    click.echo(f"worker: polling every {app.config['WORKER_POLL_SECONDS']} s; Ctrl-C stops")
    run_forever(app)


mail_cli = AppGroup("mail", help="The mail queue.")


@mail_cli.command("send-due")
def send_due() -> None:
    """Deliver the due messages once, without running jobs."""
    report = deliver_due(MailSettings.from_config(current_app.config))
    click.echo(f"sent {report.sent}, failed {report.failed}")

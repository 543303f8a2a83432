"""Periodic jobs: features register them on the app; the worker runs each due one.

A job runs at most once per period across every worker: its `jobs` row is claimed by one
UPDATE that moves next_run_at a period ahead only if it is due, and only the worker whose
UPDATE changed the row runs the job. A job that fails waits for its next period (at most
once, never twice); its error is kept on the row and logged.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite

from shop.core.clock import utcnow
from shop.extensions import db
from shop.mail.models import PeriodicJob

log = logging.getLogger("shop.jobs")
EXTENSION = "shop.jobs"


@dataclass(frozen=True)
class Job:
    """A named piece of work run every `every`; `run(now)` flushes, the worker commits."""

    name: str
    every: timedelta
    run: Callable[[datetime], None]


def register_job(app: Flask, name: str, every: timedelta,
                 run: Callable[[datetime], None]) -> None:
    """Have the worker run `run(now)` every `every` (a feature calls this from its init_app)."""
    jobs = app.extensions.setdefault(EXTENSION, {})
    if name in jobs:
        raise ValueError(f"a job named {name!r} is already registered")
    jobs[name] = Job(name=name, every=every, run=run)


def registered_jobs(app: Flask) -> list[Job]:
    """The jobs registered on `app`, by name."""
    return sorted(app.extensions.get(EXTENSION, {}).values(), key=lambda job: job.name)


def run_due_jobs(app: Flask) -> list[str]:
    """Run every registered job that is due and not taken by another worker; their names."""
    ran = []
    for job in registered_jobs(app):
        if not _claim(job, utcnow()):
            continue
        try:
            job.run(utcnow())
            _finish(job.name, "")
        except Exception as error:  # a failing job must not stop the worker or the others
            db.session.rollback()
            log.exception("job %s failed", job.name)
            _finish(job.name, f"{type(error).__name__}: {error}")
        ran.append(job.name)
    return ran


def _claim(job: Job, now: datetime) -> bool:
    """Create the job's row on first sight (due at once), then take it if it is due."""
    # INSERT … ON CONFLICT DO NOTHING: two workers seeing a new job at once make one row.
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[db.engine.dialect.name]
    db.session.execute(dialect.insert(PeriodicJob).values(
        name=job.name, next_run_at=now, last_error="").on_conflict_do_nothing())
    claimed = db.session.execute(
        update(PeriodicJob)
        .where(PeriodicJob.name == job.name, PeriodicJob.next_run_at <= now)
        .values(next_run_at=now + job.every, last_started_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    db.session.commit()
    return claimed


def _finish(name: str, error: str) -> None:
    db.session.execute(
        update(PeriodicJob).where(PeriodicJob.name == name)
        .values(last_finished_at=utcnow(), last_error=error[:2000])
        .execution_options(synchronize_session=False))
    db.session.commit()


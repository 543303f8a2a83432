"""`flask seed-demo`: fill an empty database with the demo data set in one transaction."""

import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from shop.core import clock
from shop.demo.accounts import EVERY_DEMO_ACCOUNT
from shop.demo.certificates import Fate
from shop.demo.seed import SeedSummary, existing_data, seed
from shop.extensions import db


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Seed only when the database has no products.")
@with_appcontext
def seed_demo(if_empty: bool) -> None:
    """Fill the database with the demo data set."""
    found = existing_data()
    if found:
        if if_empty:
            click.echo(f"The database already holds {found}; nothing seeded.")
            return
        raise click.ClickException(
            f"The database already holds {found}. seed-demo fills only an empty database; "
            "use --if-empty to skip quietly, or start from a fresh database.")
    started = time.perf_counter()
    try:
        summary = seed(Path(current_app.config["MEDIA_ROOT"]), clock.today())
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    _report(summary, time.perf_counter() - started)


def _report(summary: SeedSummary, seconds: float) -> None:
    fates, trace = summary.fates, summary.trace
    click.echo(
        f"Seeded {summary.provinces} provinces, {summary.producers} producers, "
        f"{summary.products} products ({summary.images} images) in {seconds:.1f} s.\n"
        f"Listed today: {summary.listed} (of which {fates[Fate.EXPIRING]} expire within "
        f"90 days). Hidden: {fates[Fate.EXPIRED]} expired, {fates[Fate.REVOKED]} revoked, "
        f"{fates[Fate.LOW_STARS]} below 3 stars.\n"
        f"Traceability: {trace.zones} zones, {trace.lots} lots (1 recalled, {trace.expired} "
        f"expired), {trace.units} serialised units scanned {trace.scans} times.\n"
        f"Outlets: {summary.outlets.outlets}, with {summary.outlets.staff} staff accounts and "
        f"stock of {summary.outlets.levels} lots; {summary.combos} gift combos; "
        f"{summary.orders} past orders in every state.\n"
        f"Trade fairs: {summary.fairs.fairs} ({summary.fairs.booths} booths, "
        f"{summary.fairs.products} products shown, "
        f"{summary.fairs.applications} application pending).\n")
    width = max(len(a.email) for a in EVERY_DEMO_ACCOUNT)
    click.echo(f"{'Email':<{width}}  {'Password':<20}  Role")
    click.echo(f"{'-' * width}  {'-' * 20}  {'-' * 12}")
    for account in EVERY_DEMO_ACCOUNT:
        where = f" ({account.province})" if account.province else ""
        click.echo(f"{account.email:<{width}}  {account.password:<20}  "
                   f"{account.role.value}{where}")

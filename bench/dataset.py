"""The benchmark data set: 10,000 listed products and 50,000 lots in their own database.

    .venv/bin/python bench/dataset.py [--force-data] [--products 10000] [--lots 50000]

The database (`ocop_bench`) is built by the real migrations, then filled in bulk with Core
inserts from a fixed seed, so every run generates the same rows. The demo's reference data
(34 provinces, 6 groups) comes from the demo seeder itself; producers, products, stories and
zones are modelled on the demo's rows, varied to reach the size. Search text and name keys
are computed with `catalog.indexing` and `text.fold`, as the ORM hook would compute them.

The database is kept between runs: a comment on it records what it holds (generator version,
seed, sizes, migration head, day), and a run with the same settings within a month reuses it.
"""

import argparse
import os
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    ADMIN_URL,
    ROOT,
    app_env,
    database_url,
    flask,
    recreate_database,
)

NAME = "ocop_bench"
# Bump when the rows generated change shape: a stored data set of another version is rebuilt.
VERSION = 1
SEED = 20261123
REUSE_DAYS = 30  # certificates are dated from the day of generation; keep them well inside


@dataclass(frozen=True)
class Size:
    """How much to generate."""

    products: int = 10_000
    lots: int = 50_000
    serialised_lots: int = 500
    units_per_lot: int = 20


def _migration_heads() -> str:
    from alembic.script import ScriptDirectory

    return ",".join(sorted(ScriptDirectory(str(ROOT / "migrations")).get_heads()))


def _marker(size: Size, day: date) -> str:
    return (f"ocop-bench v{VERSION} seed={SEED} products={size.products} lots={size.lots} "
            f"units={size.serialised_lots}x{size.units_per_lot} "
            f"heads={_migration_heads()} on={day.isoformat()}")


def _stored_marker(name: str) -> str | None:
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (name,)).fetchone()
    return row[0] if row else None


def _reusable(stored: str | None, size: Size, today: date) -> bool:
    """True when the stored data set is this one, generated recently enough."""
    if not stored or " on=" not in stored:
        return False
    settings, generated_on = stored.rsplit(" on=", 1)
    expected = _marker(size, today).rsplit(" on=", 1)[0]
    try:
        age = (today - date.fromisoformat(generated_on)).days
    except ValueError:
        return False
    return settings == expected and 0 <= age <= REUSE_DAYS


def ensure(size: Size = Size(), force: bool = False, name: str = NAME) -> str:
    """The URL of the bench database, generating the data set unless it is already there."""
    from shop.core import clock

    url = database_url(name)
    today = clock.today()  # the day in Vietnam, as the listing rule counts days
    if not force and _reusable(_stored_marker(name), size, today):
        print(f"== data set: reusing {name} ({_stored_marker(name)}); --force-data rebuilds it")
        return url
    started = time.perf_counter()
    recreate_database(name)
    env = app_env(url)
    flask(env, "db", "upgrade")
    migrated = time.perf_counter()
    counts = _generate_in_app(env, size, today)
    generated = time.perf_counter()
    _vacuum_and_mark(url, name, _marker(size, today))
    done = time.perf_counter()
    print(f"== data set: {counts} in {done - started:.1f} s (migrations {migrated - started:.1f} s,"
          f" rows {generated - migrated:.1f} s, VACUUM ANALYZE {done - generated:.1f} s)")
    return url


def _generate_in_app(env: dict, size: Size, today: date) -> str:
    os.environ.update(env)
    from bench.rows import generate
    from shop import create_app
    from shop.extensions import db

    app = create_app()
    with app.app_context():
        try:
            counts = generate(size, today, SEED)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
        db.session.remove()
        db.engine.dispose()
    return counts


def _vacuum_and_mark(url: str, name: str, marker: str) -> None:
    """Fresh statistics and visibility maps (index-only scans), then the marker."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
        connection.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(name), sql.Literal(marker)))


def main() -> None:
    """Generate (or confirm) the bench data set."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force-data", action="store_true", help="rebuild even if it is there")
    parser.add_argument("--products", type=int, default=Size.products)
    parser.add_argument("--lots", type=int, default=Size.lots)
    args = parser.parse_args()
    print(ensure(Size(products=args.products, lots=args.lots), force=args.force_data))


if __name__ == "__main__":
    main()

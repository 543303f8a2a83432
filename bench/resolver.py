"""The Digital Link resolver under load, with and without scan logging (issue 3).

    .venv/bin/python bench/resolver.py [--seconds 10] [--connections 32]

Seeds the demo into a scratch PostgreSQL database, issues serialised codes for its lots, serves
it with gunicorn (one sync worker per core) and drives unit URLs — each a counted scan: one
UPDATE of the unit's counter and one INSERT of a scan row — with wrk over loopback.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import Load, app_env, flask, gunicorn, recreate_database, wrk  # noqa: E402

CODES_PER_LOT = 40
HELLO = "bench.hello:app"
CONFIGS = (("bare Flask hello", HELLO, "1"), ("resolver, no scan logging", "wsgi:app", "0"),
           ("resolver, scan logging", "wsgi:app", "1"))


def median(loads: list[Load]) -> Load:
    """The run with the median throughput."""
    return sorted(loads, key=lambda load: load.requests_per_second)[len(loads) // 2]


def unit_paths(env: dict, lots: int) -> list[str]:
    """Issue serialised codes for `lots` lots as the admin; their trace paths."""
    os.environ.update(env)
    from sqlalchemy import select

    from shop import create_app
    from shop.accounts.models import Role, User
    from shop.extensions import db
    from shop.trace.labels import LabelSize
    from shop.trace.links import lot_path
    from shop.trace.models import Lot, Unit
    from shop.trace.queries import load_lot
    from shop.trace.runs import print_run

    app = create_app()
    with app.test_request_context():
        admin = db.session.scalar(select(User).where(User.role == Role.ADMIN))
        lot_ids = db.session.scalars(select(Lot.id).where(Lot.recalled_at.is_(None))
                                     .order_by(Lot.id).limit(lots)).all()
        paths = []
        for lot_id in lot_ids:
            lot = load_lot(lot_id)
            left = lot.quantity - db.session.query(Unit).filter_by(lot_id=lot_id).count()
            if left < CODES_PER_LOT:
                continue
            run = print_run(lot_id, LabelSize.MEDIUM, CODES_PER_LOT, True, admin)
            serials = db.session.scalars(select(Unit.serial).where(Unit.run_id == run.id))
            paths += [lot_path(lot, serial) for serial in serials]
        db.session.commit()
    return paths


def main() -> None:
    """Seed, serve, drive, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--lots", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    # One sync worker per core: PostgreSQL and wrk share these cores, and more workers only
    # contend for them (measured: 2 workers beat 3, 4, 5 and 8 on 2 cores).
    workers = os.cpu_count() or 1

    url = recreate_database("ocop_bench_resolver")
    env = app_env(url)
    flask(env, "db", "upgrade")
    flask(env, "seed-demo")
    paths = unit_paths(env, args.lots)
    print(f"{len(paths)} serialised codes, {workers} gunicorn workers, "
          f"{args.connections} connections, {args.seconds} s per run")

    # The machine is shared and noisy: alternate the configurations and keep each one's median.
    runs: dict[str, list[Load]] = {label: [] for label, _app, _logging in CONFIGS}
    for _ in range(args.rounds):
        for label, app, logging in CONFIGS:
            with gunicorn(env | {"SCAN_LOGGING": logging}, workers, app=app) as base:
                targets = ["/"] if app == HELLO else paths
                wrk(base, targets, args.connections, seconds=2)  # warm the workers
                runs[label].append(wrk(base, targets, args.connections, args.seconds))
    results = {label: median(loads) for label, loads in runs.items()}
    baseline = results["bare Flask hello"].requests_per_second
    print(f"{'':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'× hello':>9}")
    for label, load in results.items():
        print(f"{label:<28}{load.requests_per_second:>9.0f}{load.p50_ms:>9.1f}"
              f"{load.p99_ms:>9.1f}{load.errors:>8}{load.requests_per_second / baseline:>9.2f}")
    plain, logged = results["resolver, no scan logging"], results["resolver, scan logging"]
    cost = 100 * (1 - logged.requests_per_second / plain.requests_per_second)
    print(f"scan logging costs {cost:.1f}% of throughput "
          "(targets: within 20%; 500+ req/s with logging)")


if __name__ == "__main__":
    main()

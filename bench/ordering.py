"""Ordering at scale (issue 10): order placement through the API, and pages with a cart.

    .venv/bin/python bench/ordering.py [--seconds 10] [--connections 32] [--force-data]

On a copy of the bench data set (bench/dataset.py: 10,000 listed products) with 20 open
outlets added, each stocking the same 300 products from one lot apiece, gunicorn serves the
shop as `make serve` does and wrk (bench/orders.lua) posts orders to /api/v1/orders at 32
connections: one or two products, one or two units each, at a random outlet, a fifth of them
also asking for a "hot" product of which each outlet holds only 10. Every request has its own
idempotency key. Printed: orders placed per second, p50/p99 of every answer, the answers by
status (201 placed, 409 "only N left"), and the oversell check: no stock level below zero, and
the units held by orders equal to the units the orders' lines took.

Then, in-process (bench/inprocess.py's way: CPU time of this process per request), catalog and
product pages as a guest without a cart and with a cart of two lines in the session.
"""

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import dataset  # noqa: E402
from bench.harness import (  # noqa: E402
    ADMIN_URL,
    app_env,
    cpu_seconds,
    database_backends,
    database_url,
    gunicorn,
)

NAME = "ocop_bench_orders"
OUTLETS, STOCKED, UNITS, HOT_UNITS = 20, 300, 40, 10
SEED = 10
BODIES = 5_000
ORDERS_SCRIPT = Path(__file__).resolve().parent / "orders.lua"
# Orders are limited per client address, and wrk is one client: lift the limit for the run.
NO_LIMIT = "1000000 per minute"


def copy_data_set(source: str) -> str:
    """A fresh copy of the bench data set (orders change it; site.py's must stay as built)."""
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{NAME}" TEMPLATE "{source}"')
    return database_url(NAME)


def stock_outlets(env: dict) -> dict:
    """20 open outlets taking VietQR, open every day, each stocking the same 300 products from
    one lot apiece (UNITS each; HOT_UNITS of the first): what the orders are drawn from."""
    os.environ.update(env)
    from datetime import time as clock_time
    from datetime import timedelta

    from sqlalchemy import func, select

    from shop import create_app
    from shop.accounts.models import Role, User
    from shop.catalog.models import Product
    from shop.core import clock
    from shop.extensions import db
    from shop.outlets.models import OpeningHours, Outlet, OutletKind, OutletStatus
    from shop.outlets.stock import receive
    from shop.places.models import Province
    from shop.trace.models import Lot

    app = create_app()
    with app.test_request_context():
        admin = User(email="bench-admin@example.vn", name="Bench", role=Role.ADMIN,
                     password_hash="!", active=True, email_confirmed_at=clock.utcnow())
        db.session.add(admin)
        provinces = db.session.scalars(select(Province).order_by(Province.id)).all()
        outlets = [Outlet(
            slug=f"diem-ban-bench-{n}", name_vi=f"Điểm bán OCOP {n}", name_en=f"OCOP outlet {n}",
            kind=OutletKind.POINT, operator_name="Trung tâm XTTM", operator_tax_code="0101234567",
            street="1 Tràng Tiền", commune="Hoàn Kiếm", province_id=provinces[n % 34].id,
            latitude=21, longitude=105, phone="0912345678", email="", offers_pickup=True,
            accepts_vietqr=True, accepts_cash_pickup=True, bank_bin="970436",
            bank_account="0011001234567", bank_account_name="TRUNG TAM OCOP",
            status=OutletStatus.OPEN, hours=[OpeningHours(weekday=day, opens_at=clock_time(7),
                                                          closes_at=clock_time(21))
                                             for day in range(7)]) for n in range(OUTLETS)]
        db.session.add_all(outlets)
        db.session.flush()
        # Per product, its lot with the most units that is good for a while yet.
        best = (select(Lot.product_id, func.max(Lot.quantity).label("quantity"))
                .where(Lot.recalled_at.is_(None),
                       Lot.expires_on > clock.today() + timedelta(days=60),
                       Lot.quantity >= OUTLETS * UNITS)
                .group_by(Lot.product_id).order_by(Lot.product_id).limit(STOCKED).subquery())
        lots = db.session.execute(
            select(Lot.id, Lot.product_id).join(best, (best.c.product_id == Lot.product_id)
                                                & (best.c.quantity == Lot.quantity))
            .order_by(Lot.product_id)).all()
        chosen = {}
        for lot_id, product_id in lots:
            chosen.setdefault(product_id, lot_id)
        product_ids = sorted(chosen)[:STOCKED]
        for outlet in outlets:
            for n, product_id in enumerate(product_ids):
                receive(outlet.id, chosen[product_id], HOT_UNITS if n == 0 else UNITS, admin)
        db.session.commit()
        slugs = dict(db.session.execute(select(Product.id, Product.slug).where(
            Product.id.in_(product_ids))).all())
        stocked = {"outlets": [o.slug for o in outlets],
                   "products": [slugs[i] for i in product_ids], "today": str(clock.today()),
                   "received": (OUTLETS * (len(product_ids) - 1) * UNITS + OUTLETS * HOT_UNITS)}
        db.session.remove()
        db.engine.dispose()
    return stocked


def stocked_again(url: str) -> dict:
    """What `stock_outlets` stocked, read back from the last run's copy."""
    import psycopg

    with psycopg.connect(url) as connection:
        outlets = [row[0] for row in connection.execute(
            "SELECT slug FROM outlets WHERE slug LIKE 'diem-ban-bench-%' ORDER BY id")]
        products = [row[0] for row in connection.execute(
            "SELECT p.slug FROM products p WHERE p.id IN (SELECT l.product_id FROM lots l "
            "JOIN stock_levels s ON s.lot_id = l.id) ORDER BY p.id")]
    from shop.core import clock

    return {"outlets": outlets, "products": products, "today": str(clock.today())}


def bodies(stocked: dict, rng: Random) -> list[str]:
    """Order bodies, KEY standing for the idempotency key wrk fills in."""
    hot, others = stocked["products"][0], stocked["products"][1:]
    result = []
    for _n in range(BODIES):
        items = [{"product": slug, "quantity": rng.randint(1, 2)}
                 for slug in rng.sample(others, rng.randint(1, 2))]
        if rng.random() < 0.2:
            items.append({"product": hot, "quantity": 1})
        result.append(json.dumps({
            "outlet": rng.choice(stocked["outlets"]), "items": items,
            "fulfilment": {"method": "pickup", "pickup_on": stocked["today"]},
            "contact": {"name": "Người mua thử", "phone": "0912345678",
                        "email": "mua@example.vn"},
            "payment_method": "vietqr", "idempotency_key": "KEY"}, ensure_ascii=False))
    return result


def post_orders(base: str, lines: list[str], connections: int, seconds: int) -> dict:
    """wrk posting `lines` in turn; its figures and the answers by status."""
    with tempfile.NamedTemporaryFile("w", suffix=".bodies", delete=False) as listing:
        listing.write("\n".join(lines) + "\n")
    try:
        result = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", str(ORDERS_SCRIPT), base, "--", listing.name, f"b{int(time.time())}"],
            capture_output=True, text=True, check=True)
    finally:
        os.unlink(listing.name)
    figures = {}
    for line in result.stdout.splitlines():
        if line.startswith(("BENCH ", "STATUSES ")):
            figures.update((k, int(v)) for k, v in (i.split("=") for i in line.split()[1:]))
    if "requests" not in figures:
        raise RuntimeError(f"unexpected wrk output:\n{result.stdout}{result.stderr}")
    return figures


def oversell_check(url: str) -> dict:
    """Stock never below zero; the units orders hold equal the units their lines took."""
    import psycopg

    with psycopg.connect(url) as connection:
        lowest = connection.execute(
            "SELECT min(on_hand - reserved - held), min(on_hand), min(reserved) "
            "FROM stock_levels").fetchone()
        held = connection.execute("SELECT coalesce(sum(reserved), 0) FROM stock_levels"
                                  ).fetchone()[0]
        sold = connection.execute("SELECT coalesce(-sum(quantity), 0) FROM stock_moves "
                                  "WHERE reason = 'sold'").fetchone()[0]
        taken = connection.execute("SELECT coalesce(sum(quantity), 0) FROM order_line_lots"
                                   ).fetchone()[0]
        lines = connection.execute("SELECT coalesce(sum(quantity), 0) FROM order_lines"
                                   ).fetchone()[0]
        orders = connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    return {"orders": orders, "min_free": lowest[0], "min_on_hand": lowest[1],
            "min_reserved": lowest[2], "held": held, "sold": sold, "taken": taken,
            "line_units": lines, "oversold": 0 if min(lowest) >= 0 and held + sold == taken
            == lines else "YES"}


def pages_with_a_cart(env: dict, stocked: dict, requests: int) -> dict:
    """CPU ms per request (median of batches, this process) and Python calls per request of
    catalog and product pages, without a cart and with two lines in the guest's session."""
    os.environ.update(env)
    from sqlalchemy import select

    from shop import create_app
    from shop.catalog.models import Product
    from shop.extensions import db

    app = create_app()
    with app.app_context():
        ids = db.session.scalars(select(Product.id).where(
            Product.slug.in_(stocked["products"][1:3]))).all()
        slugs = db.session.scalars(select(Product.slug).order_by(Product.id).limit(200)).all()
        db.session.remove()
    targets = {"catalog": [f"/products?page={1 + n % 40}" for n in range(requests)],
               "product": [f"/products/{slugs[n % len(slugs)]}" for n in range(requests)]}
    results = {}
    for with_cart in (False, True):
        client = app.test_client()
        if with_cart:
            with client.session_transaction() as session:
                session["cart"] = {"items": {f"product:{i}": 1 for i in ids}, "outlet": None}
        for key, paths in targets.items():
            for path in paths[:50]:  # warm: the page cache holds what is the same for all
                assert client.get(path).status_code == 200, path
            batches = []
            for first in range(0, len(paths), 25):
                started = time.process_time()
                for path in paths[first:first + 25]:
                    client.get(path)
                batches.append((time.process_time() - started) * 1000 / 25)
            results[(key, with_cart)] = statistics.median(batches)
            profile = cProfile.Profile()  # Python calls: deterministic on a busy machine
            profile.enable()
            for path in paths[:50]:
                client.get(path)
            profile.disable()
            results[(key, with_cart, "calls")] = pstats.Stats(profile).total_calls / 50
    with app.app_context():
        db.engine.dispose()
    return results


def placement_in_process(env: dict, lines: list[str], orders: int,
                         profile_to: str | None = None) -> dict:
    """One order after another through the API in this process (no server): CPU ms, SQL
    statements and Python calls per placed order, deterministic enough on a busy machine."""
    os.environ.update(env)
    from sqlalchemy import event

    from shop import create_app
    from shop.extensions import db

    app = create_app()
    client = app.test_client()
    statements = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute",
                     lambda *args, **kw: statements.append(1))
    tag = f"p{int(time.time())}"
    bodies = [line.replace('"KEY"', f'"{tag}-{n:08d}-inprocess"')
              for n, line in enumerate(lines[-orders:] * 3)]
    statuses: dict[int, int] = {}

    def post(body: str) -> None:
        answer = client.post("/api/v1/orders", data=body.encode(),
                             content_type="application/json")
        statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1

    for body in bodies[:20]:  # warm
        post(body)
    statuses.clear()
    statements.clear()
    timed = bodies[20:20 + orders]
    started = time.process_time()
    for body in timed:
        post(body)
    cpu = (time.process_time() - started) * 1000 / len(timed)
    count = len(statements) / len(timed)
    profile = cProfile.Profile()
    profile.enable()
    for body in bodies[20 + orders:20 + orders + 50]:
        post(body)
    profile.disable()
    stats = pstats.Stats(profile)
    if profile_to:
        stats.dump_stats(profile_to)
    with app.app_context():
        db.engine.dispose()
    return {"cpu_ms": cpu, "statements": count, "calls": stats.total_calls / 50,
            "statuses": statuses}


def main() -> None:
    """Build, serve, load, check, and print."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--requests", type=int, default=400, help="per page, in-process")
    parser.add_argument("--force-data", action="store_true")
    parser.add_argument("--in-process", type=int, default=200, metavar="N",
                        help="orders placed one by one in-process for CPU and SQL per order")
    parser.add_argument("--profile", metavar="FILE", help="pstats of 50 in-process orders")
    parser.add_argument("--in-process-only", action="store_true",
                        help="only the in-process placement, on the last run's copy")
    args = parser.parse_args()

    if args.in_process_only:
        env = app_env(database_url(NAME), ORDER_RATE_LIMIT=NO_LIMIT, REQUEST_LOG="0")
        alone = placement_in_process(env, bodies(stocked_again(database_url(NAME)),
                                                 Random(SEED)), args.in_process, args.profile)
        print(f"in-process, one order at a time: {alone}")
        return
    source = dataset.ensure(force=args.force_data).rsplit("/", 1)[1]
    url = copy_data_set(source)
    env = app_env(url, ORDER_RATE_LIMIT=NO_LIMIT, REQUEST_LOG="0")
    started = time.perf_counter()
    stocked = stock_outlets(env)
    print(f"== {OUTLETS} outlets × {len(stocked['products'])} products stocked "
          f"({stocked['received']} units) in {time.perf_counter() - started:.1f} s")
    lines = bodies(stocked, Random(SEED))
    with gunicorn(env) as server:
        post_orders(server.base, lines[:400], args.connections, 5)  # warm-up: every worker
        app_before = server.cpu_seconds()
        backends = database_backends(NAME)
        db_before = cpu_seconds(backends)
        figures = post_orders(server.base, lines, args.connections, args.seconds)
        app_cpu = server.cpu_seconds() - app_before
        db_cpu = cpu_seconds(backends) - db_before
    seconds = figures["duration_us"] / 1e6
    print(f"== API order placement, {args.connections} connections, {seconds:.1f} s:")
    print(f"   {figures['s201'] / seconds:.0f} orders/s placed ({figures['requests'] / seconds:.0f}"
          f" answers/s), p50 {figures['p50_us'] / 1000:.1f} ms, p95 "
          f"{figures['p95_us'] / 1000:.1f} ms, p99 {figures['p99_us'] / 1000:.1f} ms")
    print(f"   answers: 201 {figures['s201']}, 409 {figures['s409']}, 422 {figures['s422']}, "
          f"429 {figures['s429']}, 5xx {figures['s5xx']}, other {figures['sother']}; socket "
          f"errors {sum(figures[k] for k in ('connect', 'read', 'write', 'timeout'))}")
    print(f"   CPU per answer: app {app_cpu * 1000 / figures['requests']:.2f} ms, db "
          f"{db_cpu * 1000 / figures['requests']:.2f} ms")
    print(f"   oversell check: {oversell_check(url)}")
    alone = placement_in_process(env, lines, args.in_process, args.profile)
    print(f"== In-process, one order at a time ({args.in_process} orders, answers "
          f"{alone['statuses']}): CPU {alone['cpu_ms']:.1f} ms, SQL statements "
          f"{alone['statements']:.1f}, Python calls {alone['calls']:.0f} per order")
    cart = pages_with_a_cart(env, stocked, args.requests)
    print("== CPU ms per page in-process (median of batches of 25), guest:")
    for key in ("catalog", "product"):
        without, with_cart = cart[(key, False)], cart[(key, True)]
        calls, cart_calls = cart[(key, False, "calls")], cart[(key, True, "calls")]
        print(f"   {key:8} no cart {without:.2f} ms, cart of 2 lines {with_cart:.2f} ms "
              f"({(with_cart / without - 1) * 100:+.1f} %); Python calls {calls:.0f} → "
              f"{cart_calls:.0f} ({(cart_calls / calls - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()

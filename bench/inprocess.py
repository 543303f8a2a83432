"""CPU per request in-process, without a server or wrk: what the app itself costs per page.

    .venv/bin/python bench/inprocess.py [--only healthz,catalog] [--requests 300] [--calls]
                                        [--profile product] [--profile-again catalog]

Calls the WSGI app directly (no gunicorn, no sockets) on the bench data set with production
settings, and prints the process CPU time per request for each target, seen before (cache warm)
and first view (a URL not asked before: the page cache cannot help). CPU time of this process
is steadier on a shared machine than wall time; the database's own CPU is not in it.
`--profile TARGET` prints the functions that cost most for that target's first views.
"""

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.test import EnvironBuilder  # noqa: E402

from bench import dataset  # noqa: E402
from bench.harness import app_env  # noqa: E402


def call(app, path: str, accept: str) -> int:
    """One request through the whole WSGI stack; returns the status code."""
    environ = EnvironBuilder(path=path, headers={"Accept": accept,
                                                 "Accept-Language": "vi"}).get_environ()
    status = []
    body = app(environ, lambda s, h, e=None: status.append(s))
    for _chunk in body:
        pass
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0])


BATCH = 25


def per_request_ms(app, paths: list[str], accept: str) -> float:
    """CPU milliseconds per request over `paths`, each asked once, in order: the median of
    batches of 25, as other work on a shared machine inflates some batches."""
    batches = []
    for first in range(0, len(paths), BATCH):
        batch = paths[first:first + BATCH]
        start = time.process_time()
        for path in batch:
            code = call(app, path, accept)
            if code >= 400:
                raise SystemExit(f"{path} answered {code}")
        batches.append((time.process_time() - start) * 1000 / len(batch))
    return statistics.median(batches)


def profiled(on: bool, run, *args):
    """Run `run(*args)`, printing where its time went when `on`."""
    if not on:
        return run(*args)
    profiler = cProfile.Profile(time.process_time)  # CPU, not waits on the database
    result = profiler.runcall(run, *args)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(60)
    print(out.getvalue())
    return result


def calls_per_request(app, paths: list[str], accept: str, count: int, fresh: bool) -> int:
    """Python function calls per request: deterministic where CPU time is not, so it
    compares a change before and after on a busy machine."""
    profiler = cProfile.Profile()
    profiler.runcall(passes, app, paths, accept, count, fresh)
    return round(pstats.Stats(profiler).total_calls / count)


def targets(env: dict) -> dict[str, tuple[list[str], str]]:
    """The URLs of each target, the same as `bench/site.py` drives."""
    from bench.site import build_paths

    paths = build_paths(env, catalog_pages=50, product_pages=2000)
    return {key: (paths[key], "application/json" if key == "api" else "text/html")
            for key in ("healthz", "catalog", "search", "product", "resolver", "api")}


def passes(app, paths: list[str], accept: str, count: int, fresh: bool) -> float:
    """CPU ms per request over `count` requests cycling through `paths`; with `fresh`, the
    page cache is emptied before each pass through them, so every request is a first view."""
    from shop.web import page_cache

    batches = []
    done = 0
    while done < count:
        if fresh:
            with app.app_context():
                page_cache.clear()
        chunk = paths[:count - done]
        batches.append(per_request_ms(app, chunk, accept))
        done += len(chunk)
    return statistics.median(batches)


def main() -> None:
    """Measure every target (or `--only` some), seen before and first view."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--calls", action="store_true", help="also count function calls")
    parser.add_argument("--profile", default="", help="a target whose first views to profile")
    parser.add_argument("--profile-again", default="",
                        help="a target whose repeat views to profile")
    args = parser.parse_args()
    env = app_env(dataset.ensure())
    chosen = targets(env)
    from shop import create_app
    from shop.web import page_cache

    app = create_app()
    keys = [k for k in chosen if not args.only or k in args.only.split(",")]
    from bench.hello import app as hello

    hello_ms = per_request_ms(hello, ["/"] * args.requests * 3, "text/html")
    print(f"{'target':10} {'first view ms':>14} {'seen before ms':>15} {'× hello':>8}"
          f" {'calls first':>12} {'calls again':>12}")
    print(f"{'hello':10} {hello_ms:14.2f} {hello_ms:15.2f} {1:8.2f}")
    for key in keys:
        paths, accept = chosen[key]
        with app.app_context():
            page_cache.clear()
        call(app, paths[0], accept)  # connections, templates, translations: once per process
        with app.app_context():
            page_cache.clear()
        first = profiled(key == args.profile, passes, app, paths, accept, args.requests, True)
        again = profiled(key == args.profile_again, passes, app, paths, accept, args.requests,
                         False)
        calls = ("", "")
        if args.calls:
            calls = (calls_per_request(app, paths, accept, min(args.requests, 100), True),
                     calls_per_request(app, paths, accept, min(args.requests, 100), False))
        print(f"{key:10} {first:14.2f} {again:15.2f} {hello_ms / again:8.2f}"
              f" {calls[0]:>12} {calls[1]:>12}")


if __name__ == "__main__":
    main()

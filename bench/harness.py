"""Benchmark harness: a scratch PostgreSQL database, gunicorn serving it, wrk driving it.

Timings never live in the test suite; these scripts print them for the README and notes.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADMIN_URL = os.environ.get("BENCH_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def database_url(name: str) -> str:
    """The URL of a scratch database next to the admin one."""
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def recreate_database(name: str) -> str:
    """Drop and create a scratch database; returns its URL."""
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return database_url(name)


def flask(env: dict, *args: str) -> None:
    """Run a `flask --app wsgi` command against the bench database."""
    subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def app_env(url: str, **extra: str) -> dict:
    """The environment for the app under test: production settings on `url`."""
    return os.environ | {"DATABASE_URL": url, "SHOP_ENV": "production",
                         "SECRET_KEY": "bench-only-secret", "PUBLIC_HOST": "http://127.0.0.1",
                         "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
                         } | extra


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat from the third on (the name, in parentheses, may hold
    spaces); None once the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far (Linux /proc); gone ones count 0.

    On a shared machine, CPU time per request is steadier than requests per second.
    """
    ticks = 0
    for fields in filter(None, map(_stat, pids)):
        ticks += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15
    return ticks / _CLOCK_TICKS


def database_backends(name: str) -> list[int]:
    """Process ids of the PostgreSQL backends serving clients of database `name`."""
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        return [pid for (pid,) in connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s "
            "AND backend_type = 'client backend'", (name,))]


@dataclass(frozen=True)
class Server:
    """A running gunicorn: its base URL and master process."""

    base: str
    pid: int

    def workers(self) -> list[int]:
        """The worker processes' ids."""
        return [int(pid) for pid in
                Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()]

    def cpu_seconds(self) -> float:
        """CPU time of the master and every worker so far, those it has replaced included."""
        fields = _stat(self.pid)
        # cutime and cstime (fields 16 and 17): workers that exited and were waited for.
        return (cpu_seconds([self.pid, *self.workers()])
                + (int(fields[13]) + int(fields[14])) / _CLOCK_TICKS)


@contextmanager
def gunicorn(env: dict, workers: int | None = None, app: str = "wsgi:app"):
    """Serve `app` as `make serve` does (gunicorn.conf.py: sync workers, two per core plus one,
    unless `workers` says otherwise); yields the Server once it answers.

    Workers are not recycled during a run (max_requests off), so a run measures the same warm
    processes. The server's output (in production the app logs a JSON line per request) goes
    to a scratch file, shown only when the server fails to start.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"),
               "--max-requests", "0", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    if workers:
        command += ["--workers", str(workers)]
    with tempfile.NamedTemporaryFile("w+", suffix=".log", prefix="bench-gunicorn-") as log:
        process = subprocess.Popen([*command, app], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            try:
                _wait_until_up(base)
            except RuntimeError:
                log.seek(0)
                sys.stderr.write(log.read()[-4000:])
                raise
            yield Server(base, process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on {base}")


@dataclass(frozen=True)
class Load:
    """What wrk measured."""

    requests: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int  # non-2xx/3xx answers and socket errors (connect, read, write, timeout)


PATHS_SCRIPT = Path(__file__).resolve().parent / "paths.lua"
_REPORT = re.compile(r"^BENCH (.*)$", re.M)


def wrk(base: str, paths: list[str], connections: int = 32, seconds: int = 10,
        threads: int = 1, accept: str = "text/html") -> Load:
    """Drive `paths` (taken in turn) with wrk over loopback; needs Debian's wrk.

    The script (paths.lua) prints exact p50/p95/p99 from wrk's full latency histogram.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        result = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", str(PATHS_SCRIPT), base, "--", listing.name, accept],
            capture_output=True, text=True, check=True)
    finally:
        os.unlink(listing.name)
    report = _REPORT.search(result.stdout)
    if report is None:
        raise RuntimeError(f"unexpected wrk output:\n{result.stdout}{result.stderr}")
    figures = {key: int(value) for key, value in
               (item.split("=") for item in report.group(1).split())}
    return Load(
        requests=figures["requests"],
        requests_per_second=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000, p95_ms=figures["p95_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=sum(figures[kind] for kind in ("connect", "read", "write", "status", "timeout")),
    )

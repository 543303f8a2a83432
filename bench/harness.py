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


@contextmanager
def gunicorn(env: dict, workers: int, app: str = "wsgi:app"):
    """Serve `app` with gunicorn sync workers; yields the base URL once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", app], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base)
        yield base
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

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * _UNITS[unit]


def wrk(base: str, paths: list[str], connections: int = 32, seconds: int = 10,
        threads: int = 1) -> Load:
    """Drive `paths` (taken round-robin) with wrk over loopback; needs Debian's wrk."""
    lua = ("paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
           "i = 0\nrequest = function()\n  i = i % #paths + 1\n"
           "  return wrk.format('GET', paths[i], {['Accept'] = 'text/html'})\nend\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
         "-s", script.name, base], capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    latency = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.M))
    if len(latency) != 2:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", output)
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(latency["50"]), p99_ms=_ms(latency["99"]),
        errors=(int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    )

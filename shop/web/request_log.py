"""Structured request logs: one JSON line per request, for log search across app servers."""

import logging
import sys
import time
import uuid

from flask import Flask, g, request
from pythonjsonlogger.json import JsonFormatter

logger = logging.getLogger("shop.request")

# The longest request id taken from the load balancer; anything else gets a fresh one.
_MAX_REQUEST_ID = 64


def _request_id() -> str:
    """The load balancer's X-Request-ID when it sent a sane one, else a new one."""
    given = request.headers.get("X-Request-ID", "")
    if given and len(given) <= _MAX_REQUEST_ID and given.isascii() and given.isprintable():
        return given
    return uuid.uuid4().hex


def init_app(app: Flask) -> None:
    """Log every request as JSON on stderr when REQUEST_LOG is on."""
    if not app.config["REQUEST_LOG"]:
        return
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter(
            "{levelname}{name}{message}", style="{", timestamp="time",
            rename_fields={"levelname": "level", "name": "logger"}))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False

    @app.before_request
    def _start() -> None:
        g.request_started = time.perf_counter()
        g.request_id = _request_id()

    @app.after_request
    def _log(response):
        started = g.get("request_started")
        # No client address or user agent: scans and browsing leave no personal data here.
        logger.info("request", extra={
            "request_id": g.get("request_id"),
            "method": request.method,
            "path": request.path,
            "endpoint": request.endpoint,
            "status": response.status_code,
            "bytes": response.calculate_content_length(),
            "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
        })
        response.headers["X-Request-ID"] = g.get("request_id", "")
        return response

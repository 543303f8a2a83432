"""Structured request logs: one JSON line per request, for log search across app servers."""

import json
import logging
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, g, request

logger = logging.getLogger("shop.request")

# What a request's line holds besides level, logger, message and time.
FIELDS = ("request_id", "method", "path", "endpoint", "status", "bytes", "duration_ms")


class JsonLines(logging.Formatter):
    """One JSON object per record, with the request's fields in a fixed order.

    Written for this one shape: a general JSON formatter walks every attribute of every
    record and costs more than the page it logs.
    """

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON."""
        line = {"level": record.levelname, "logger": record.name,
                "message": record.getMessage()}
        line.update((field, getattr(record, field, None)) for field in FIELDS)
        line["time"] = datetime.fromtimestamp(record.created, UTC).isoformat()
        return json.dumps(line, ensure_ascii=False)

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
        handler.setFormatter(JsonLines())
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

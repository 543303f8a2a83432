"""Pooled PostgreSQL connections that the server dropped while they sat idle.

The pool pings only connections idle for `PING_AFTER_IDLE_SECONDS` (shop.database), instead
of every checkout. These tests run against the machine's PostgreSQL whichever database the
suite runs on: a SQLite file has no server to drop a connection.
"""

import os

import psycopg
import pytest

from shop import database
from shop.config import database_url

pytestmark = pytest.mark.no_db  # its own app and database, outside the test transaction

SERVER_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


def drop_the_pooled_connection(app) -> None:
    """End, on the server, the backend of the connection the app's pool holds."""
    with app.app_context():
        from shop.extensions import db

        pid = db.session.execute(db.text("SELECT pg_backend_pid()")).scalar_one()
        db.session.remove()  # back to the pool, where it sits idle
    with psycopg.connect(SERVER_URL, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


@pytest.fixture
def server_app(make_app):
    return make_app(SQLALCHEMY_DATABASE_URI=database_url(SERVER_URL))


def test_a_connection_dropped_while_idle_is_replaced_before_a_request_uses_it(
        server_app, monkeypatch):
    monkeypatch.setattr(database, "PING_AFTER_IDLE_SECONDS", 0)
    drop_the_pooled_connection(server_app)

    response = server_app.test_client().get("/healthz")

    assert response.status_code == 200 and response.json["database"] == "ok"


def test_a_connection_in_steady_use_is_not_pinged(server_app, monkeypatch):
    # The other side of the bargain: within the idle time, a dropped connection is used
    # as it is, and that one request fails (the next gets a fresh connection).
    monkeypatch.setattr(database, "PING_AFTER_IDLE_SECONDS", 3600)
    drop_the_pooled_connection(server_app)
    client = server_app.test_client()

    assert client.get("/healthz").status_code == 503
    assert client.get("/healthz").status_code == 200

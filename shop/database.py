"""Engine set-up that depends on the database in use, and how a writer takes its lock.

Every unit of work that will write calls `write_transaction()` before its first statement.
On SQLite a plain BEGIN reads first and asks for the write lock only at the first write; when
another writer committed meanwhile, SQLite refuses at once ("database is locked") instead of
waiting `busy_timeout`, so simultaneous scans or two lots on one zone answered 500. A
transaction begun with BEGIN IMMEDIATE takes the write lock up front and waits its turn. On
PostgreSQL `write_transaction()` does nothing: writers lock their rows FOR UPDATE, in id order.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import Blueprint, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DisconnectionError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from shop.core.errors import InvalidInput
from shop.extensions import db

# Set by write_transaction() while it opens the session's connection: read by _sqlite_begin.
_writing: ContextVar[bool] = ContextVar("writing", default=False)
# Keys in the DBAPI connection's info: whether its transaction holds the write lock, and
# SQLite's count of changed rows when it began (to prove a restart loses no write).
_LOCKED = "shop_write_lock"
_CHANGES = "shop_changes_at_begin"


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__ == "sqlite3"


@event.listens_for(Engine, "connect")
def _sqlite_connect(dbapi_connection, _record) -> None:
    """SQLite: WAL for concurrent readers, a busy wait instead of errors, real foreign keys."""
    if not _is_sqlite(dbapi_connection):
        return
    # Let SQLAlchemy emit BEGIN itself (see _sqlite_begin): pysqlite's own transaction
    # handling delays BEGIN and breaks SAVEPOINT.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# A pooled connection unused for this long is checked before use: the database or a proxy
# may have dropped it meanwhile. Connections in steady use skip the check, where
# `pool_pre_ping` would pay a round trip on every request.
PING_AFTER_IDLE_SECONDS = 10
_RETURNED_AT = "shop_returned_at"


@event.listens_for(Pool, "checkin")
def _note_return(_dbapi_connection, record) -> None:
    """Remember when the connection went back to the pool."""
    if record is not None:
        record.info[_RETURNED_AT] = time.monotonic()


@event.listens_for(Pool, "checkout")
def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
    """Ping a connection that sat idle; a dead one is replaced (the pool retries on
    DisconnectionError) instead of failing the request that drew it."""
    returned = record.info.get(_RETURNED_AT)
    if (returned is None or _is_sqlite(dbapi_connection)
            or time.monotonic() - returned < PING_AFTER_IDLE_SECONDS):
        return
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
        dbapi_connection.rollback()
    except Exception as error:  # any driver's error: the connection is unusable
        raise DisconnectionError() from error


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection: Connection) -> None:
    """SQLite: start every transaction explicitly, IMMEDIATE when write_transaction() asks."""
    if connection.dialect.name != "sqlite":
        return
    immediate = _writing.get()
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
    connection.info[_LOCKED] = immediate
    connection.info[_CHANGES] = connection.connection.driver_connection.total_changes


def write_transaction(session: Session | None = None) -> None:
    """Declare that the session's unit of work will write: on SQLite, hold the write lock now.

    Call it before the unit of work's first statement (services that write do, and so do the
    write views of the portal and the registry). Reads made earlier in the transaction (the
    signed-in user, a form's choices) are not part of the unit of work: when the transaction
    began without the lock and has written nothing, it is ended and begun again IMMEDIATE.
    Objects already loaded stay as read; re-read with `populate_existing` what must be current.
    A transaction that has written already holds the lock, and is left as it is.
    Inside a SAVEPOINT (the test suite's per-test transaction) nothing can be restarted and
    nothing is. Calling it again in the same transaction costs nothing.
    """
    session = session or db.session
    token = _writing.set(True)
    try:
        connection = session.connection()
    finally:
        _writing.reset(token)
    if (connection.dialect.name != "sqlite" or connection.info.get(_LOCKED)
            or connection.in_nested_transaction()):
        return
    driver = connection.connection.driver_connection
    if driver.total_changes != connection.info.get(_CHANGES):
        # The transaction has written already, so SQLite gave it the write lock at its first
        # write and holds it to the end (the demo seed records zones after producers): what
        # is read from now on cannot change under it. It must not be ended: that would commit.
        connection.info[_LOCKED] = True
        return
    # Nothing was written: ending the read transaction loses nothing.
    connection.exec_driver_sql("COMMIT")
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    connection.info[_LOCKED] = True


def writes_on_post(blueprint: Blueprint) -> None:
    """Make every POST (PUT, DELETE…) of `blueprint` a unit of work that will write."""

    @blueprint.before_request
    def _take_write_lock() -> None:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            write_transaction()


@contextmanager
def refused_if_taken(message: str, field: str) -> Iterator[None]:
    """Write the block in a savepoint and flush it; a unique constraint that refuses it (a
    concurrent writer took the value between our check and our write) becomes InvalidInput on
    `field`, and the caller's transaction stays usable."""
    try:
        with db.session.begin_nested():
            yield
            db.session.flush()
    except IntegrityError:
        raise InvalidInput(message, field) from None

"""Engine set-up that depends on the database in use."""

from sqlalchemy import event
from sqlalchemy.engine import Engine


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


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    """SQLite: start every transaction explicitly."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")

"""For tests that commit for real from many threads at once (marked `no_db`)."""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from flask.testing import FlaskClient
from sqlalchemy import delete, func, select

from shop.extensions import db


@contextmanager
def rows_removed_after(app) -> Iterator[None]:
    """Commits inside are real; afterwards every row added meanwhile is deleted again."""
    # Tables keyed by a serial id (periodic jobs are keyed by name, and left as they are).
    tables = [table for table in db.metadata.sorted_tables if "id" in table.c]
    with app.app_context():
        before = {table.name: db.session.scalar(select(func.coalesce(func.max(table.c.id), 0)))
                  for table in tables}
        db.session.rollback()
    try:
        yield
    finally:
        with app.app_context():
            # Children first, so foreign keys hold at every step.
            for table in reversed(tables):
                db.session.execute(delete(table).where(table.c.id > before[table.name]))
            db.session.commit()


def at_once(count: int, work: Callable[[int], object]) -> list[object]:
    """Run work(0) … work(count - 1) in `count` threads released together; their results,
    or the exception a thread raised (a 500 raises under TESTING)."""
    start = threading.Barrier(count)

    def run(index: int) -> object:
        start.wait()
        try:
            return work(index)
        except Exception as error:  # noqa: BLE001  (reported as the thread's result)
            return error

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def client_of(app, session_token: str | None = None) -> FlaskClient:
    """A plain test client (no shared app context), in the signed-in session of
    `session_token` if given (see shop.accounts.sessions)."""
    client = FlaskClient(app, app.response_class, use_cookies=True)
    client.set_cookie("lang", "en")
    if session_token is not None:
        with client.session_transaction() as session:
            session["_user_id"] = session_token
            session["_fresh"] = True
    return client

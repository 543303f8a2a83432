"""Fixtures: the app on SQLite or PostgreSQL, a per-test transaction, clients, sign-in."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import flask_migrate
import pytest
from flask.globals import _cv_app
from flask.testing import FlaskClient
from sqlalchemy import event, text
from sqlalchemy.orm import scoped_session, sessionmaker

from shop import create_app
from shop.accounts import sessions
from shop.config import database_url
from shop.extensions import db, limiter
from shop.web import page_cache

pytest_plugins = ["tests.smtp"]


def pytest_addoption(parser):
    parser.addoption("--database", default=None,
                     help="database URL for the tests (default: a fresh SQLite file)")


class _TestSession(scoped_session):
    """One session per test; a request's teardown rolls back what it left uncommitted."""

    def remove(self) -> None:
        if self.registry.has():
            self.registry().rollback()


@pytest.fixture(scope="session")
def database_uri(request, tmp_path_factory) -> str:
    url = request.config.getoption("--database")
    return database_url(url or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}")


@pytest.fixture(scope="session")
def app(database_uri, tmp_path_factory):
    """The app with a schema built by the real migrations."""
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
        "PUBLIC_HOST": "https://ocop.example.vn",
        "SECRET_KEY": "test-secret",
    })
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        flask_migrate.upgrade()
        db.session.remove()
    return app


@pytest.fixture(autouse=True)
def _transaction(request, app) -> Iterator[None]:
    """Run each test inside a transaction rolled back at the end; views' commits are savepoints."""
    if "no_db" in request.keywords:
        yield
        return
    with app.app_context():
        # Cached pages outlive the rolled-back transaction: start from new versions.
        page_cache.clear()
        connection = db.engine.connect()
        outer = connection.begin()
        original = db.session
        db.session = _TestSession(sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint"))
        try:
            yield
        finally:
            db.session.close()
            db.session = original
            outer.rollback()
            connection.close()


@pytest.fixture
def make_app(app):
    """make_app(**config): another app on the test database with `config` on top of the
    test's, as another worker would be; for protections the shared app switches off."""

    def _make(**overrides):
        return create_app({
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": app.config["SECRET_KEY"],
            "MEDIA_ROOT": app.config["MEDIA_ROOT"],
            "CACHE_DIR": app.config["CACHE_DIR"],
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            **overrides,
        })

    yield _make
    # The limiter is one object shared by every app and follows the last app initialised:
    # hand it back, switched off, to the shared test app. (An enabled app gets fresh counters.)
    limiter.init_app(app)


@pytest.fixture
def session():
    """The test's database session."""
    return db.session


class _FreshContextClient(FlaskClient):
    """A test client whose every request gets its own app context, as in production.

    The per-test fixture keeps an app context pushed for factories and services; Flask would
    reuse it for requests, sharing `g` (Babel's locale, Flask-Login's user) between them.
    What the test set up is committed first (to the test's savepoint), as data that existed
    before the request; the request's teardown rolls back only what the view left uncommitted.
    """

    def open(self, *args, **kwargs):
        db.session.commit()
        token = _cv_app.set(None)
        try:
            return super().open(*args, **kwargs)
        finally:
            _cv_app.reset(token)


@pytest.fixture
def client(app):
    app.test_client_class = _FreshContextClient
    return app.test_client()


@pytest.fixture
def sign_in(client):
    """sign_in(user[, other_client]): the client acts as `user` from now on."""

    def _sign_in(user, other_client=None):
        signed = other_client or client
        token = sessions.start_session(user, timedelta(days=1))
        with signed.session_transaction() as sess:
            sess["_user_id"] = token
            sess["_fresh"] = True
        return signed

    return _sign_in


@pytest.fixture
def count_queries(app):
    """`with count_queries() as queries:` collects the SQL statements run inside."""

    @contextmanager
    def _count():
        statements: list[str] = []

        def _record(_conn, _cursor, statement, *_args):
            if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
                statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", _record)
        try:
            yield statements
        finally:
            event.remove(db.engine, "before_cursor_execute", _record)

    return _count


@pytest.fixture
def officer():
    """A trade promotion officer."""
    from shop.accounts.models import Role
    from tests.factories import UserFactory

    return UserFactory(role=Role.OFFICER)

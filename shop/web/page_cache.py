"""Rendered parts of pages, cached while what they show is unchanged.

A page is split in two: the costly parts that are the same for every visitor (a product's
description, a list of products, a lot's trace) are cached here; the visitor's own parts (the
header with their name, a cart, a form with its CSRF token) are rendered live around them.

Each kind of cached part lives in a namespace that a feature registers with the tables it
shows (`page_cache.register("catalog", Product, Certificate, ...)`). A commit that
inserts, updates or deletes rows of a table — one object at a time or in bulk through
`update()`/`delete()` — starts a new version of every namespace showing that table, in the
shared cache, so every worker renders afresh at its next request; a change to a table no
namespace shows (stock, scans, orders) empties nothing. What the ORM cannot see (SQL typed by
hand) waits for `flask cache clear`.

Keys are built from parsed, validated parameters, plus the language and the date in Vietnam
(certificates expire at midnight), never from the raw query string.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable
from itertools import chain

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from shop.core import clock
from shop.extensions import cache
from shop.web.i18n import current_language

# Bump when the cached templates change shape, so a deploy never serves old markup.
RENDER_VERSION = 2
# An upper bound on what a namespace's version cannot see.
DEFAULT_TTL = 600
_NOTED = "page_cache_tables"

_shows: dict[str, frozenset[str]] = {}


def register(namespace: str, *models: type) -> None:
    """Declare that the parts cached under `namespace` show rows of these models' tables."""
    tables = frozenset(model.__table__.name for model in models)
    _shows[namespace] = _shows.get(namespace, frozenset()) | tables


def namespaces_showing(tables: Iterable[str]) -> set[str]:
    """The namespaces a change to `tables` makes stale."""
    changed = set(tables)
    return {namespace for namespace, shown in _shows.items() if shown & changed}


def _version_key(namespace: str) -> str:
    return f"page-version:{namespace}"


def bump(*namespaces: str) -> None:
    """Start new versions of `namespaces`: what was cached under them is stale from now on."""
    cache.set_many({_version_key(n): uuid.uuid4().hex for n in namespaces}, timeout=0)


def clear() -> None:
    """Make every cached part stale (after changes made outside the app)."""
    bump(*_shows)


def cached(namespace: str, key: tuple, render: Callable[[], dict],
           timeout: int = DEFAULT_TTL) -> dict:
    """The parts `render` makes for `key`, from the cache while `namespace` is unchanged.

    One round trip to the cache reads the namespace's version and the entry together. Parts
    keep their type: HTML comes back as the Markup `render` made, text as text (escaped where
    it is shown). An exception in `render` (a 404, say) caches nothing.
    """
    raw = "|".join(map(str, (RENDER_VERSION, *key, current_language(), clock.today())))
    entry_key = f"page:{namespace}:" + hashlib.sha256(raw.encode()).hexdigest()
    version, entry = cache.get_many(_version_key(namespace), entry_key)
    if version is not None and entry is not None and entry[0] == version:
        return entry[1]
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_version_key(namespace), version, timeout=0)
        version = cache.get(_version_key(namespace)) or version
    parts = render()
    cache.set(entry_key, (version, parts), timeout=timeout)
    return parts


def _note(session: Session, tables: Iterable[str]) -> None:
    session.info.setdefault(_NOTED, set()).update(tables)


def _note_flushed(session: Session, _context, _instances) -> None:
    rows = chain(session.new, session.dirty, session.deleted)
    _note(session, {row.__table__.name for row in rows if hasattr(row, "__table__")})


def _note_bulk(state: ORMExecuteState) -> None:
    if state.is_update or state.is_delete or state.is_insert:
        table = getattr(state.statement, "table", None)
        if table is not None:
            _note(state.session, {table.name})


def _bump_after_commit(session: Session) -> None:
    tables = session.info.pop(_NOTED, None)
    if tables:
        stale = namespaces_showing(tables)
        if stale:
            bump(*stale)


def _forget_on_rollback(session: Session) -> None:
    session.info.pop(_NOTED, None)


@click.group("cache")
def cache_cli() -> None:
    """The page cache."""


@cache_cli.command("clear")
@with_appcontext
def clear_command() -> None:
    """Make every cached page part stale: run it after changing data by hand in SQL."""
    clear()
    click.echo("Cached page parts cleared.")


def init_app(app: Flask) -> None:
    """Listen for changes on every session (once per process) and add `flask cache clear`."""
    listeners = ((Session, "before_flush", _note_flushed), (Session, "do_orm_execute", _note_bulk),
                 (Session, "after_commit", _bump_after_commit),
                 (Session, "after_rollback", _forget_on_rollback))
    for target, name, listener in listeners:
        if not event.contains(target, name, listener):
            event.listen(target, name, listener)
    app.cli.add_command(cache_cli)

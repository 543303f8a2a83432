"""Catalog page bodies, rendered once and cached under a version that every change bumps.

A catalog page (list, search, product, home) shows products, certificates, producers,
provinces, groups and photos, and nothing about the visitor. Its body is cached under a key
holding the catalog version, the language, the day (certificates expire at midnight) and the
request's parameters. Any commit that adds, changes or deletes one of those rows bumps the
version, in the shared cache, so every worker renders afresh at its next request; what the
version cannot see (rows changed by hand in SQL) lives at most PAGE_TTL.
"""

import uuid
from collections.abc import Callable
from itertools import chain

from sqlalchemy import event
from sqlalchemy.orm import Session

from shop import clock
from shop.catalog.models import Product, ProductImage
from shop.extensions import cache
from shop.ocop.models import Certificate, ProductGroup, ProductSubgroup
from shop.page_parts import cached_parts
from shop.places.models import Province
from shop.producers.models import Producer

# Rows a catalog page shows; a change to any of them bumps the version.
SHOWN = (Product, ProductImage, Certificate, Producer, Province, ProductGroup, ProductSubgroup)
VERSION_KEY = "catalog-version"
# Bump when the cached templates change shape, so a deploy never serves old markup.
RENDER_VERSION = 1
PAGE_TTL = 600


def bump_version() -> str:
    """Start a new catalog version: every cached page body is stale from now on."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=0)
    return version


def catalog_version() -> str:
    """The current catalog version (one cache read)."""
    return cache.get(VERSION_KEY) or bump_version()


def catalog_parts(page: str, key: object, render: Callable[[], dict]) -> dict:
    """The parts `render` makes for `page` and `key`, from the cache while the catalog and
    the day are unchanged (see shop.page_parts)."""
    return cached_parts("catalog-page", (RENDER_VERSION, page, catalog_version(),
                                         clock.today().isoformat(), key), render, PAGE_TTL)


@event.listens_for(Session, "before_flush")
def _note_catalog_changes(session: Session, _context, _instances) -> None:
    changed = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(row, SHOWN) for row in changed):
        session.info["catalog_changed"] = True


@event.listens_for(Session, "after_commit")
def _bump_after_commit(session: Session) -> None:
    if session.info.pop("catalog_changed", False):
        bump_version()


@event.listens_for(Session, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    session.info.pop("catalog_changed", None)

"""Browser fixtures: the demo shop served live on its own database, one Chromium per session.

A live server answers in another thread, so it cannot share the per-test transaction of
tests/conftest.py: these tests are marked `no_db` and run against a database of their own
(a SQLite file, or `<name>_e2e` beside the PostgreSQL database given with --database),
migrated and filled with the demo data once per session.
"""

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import flask_migrate
import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, expect, sync_playwright
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.orm import joinedload
from werkzeug.serving import WSGIRequestHandler, make_server

from shop import create_app
from shop.accounts.models import Role
from shop.catalog.models import Product
from shop.config import database_url
from shop.core import clock
from shop.demo.accounts import MEMBER_OF
from shop.demo.seed import seed
from shop.extensions import db
from shop.fairs.models import Fair
from shop.orders.models import Order
from shop.orders.states import OrderState
from shop.outlets.models import Outlet
from shop.producers.models import Producer
from shop.trace.links import lot_path
from shop.trace.models import Lot
from tests.e2e.support import DEMO, TIMEOUT_MS, open_context, sign_in, watch_csp

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def pytest_configure(config):
    """Register the `no_db` marker (tests/conftest.py skips its per-test transaction for it)."""
    config.addinivalue_line(
        "markers", "no_db: runs outside the per-test transaction (its data lives elsewhere)")


@pytest.fixture(scope="session")
def e2e_database_uri(request, tmp_path_factory) -> Iterator[str]:
    """A database for the live server alone: a SQLite file, or a PostgreSQL database we own."""
    given = request.config.getoption("--database")
    if not given or not database_url(given).startswith("postgresql"):
        yield f"sqlite:///{tmp_path_factory.mktemp('e2e-db') / 'e2e.sqlite3'}"
        return
    server_url = make_url(database_url(given))
    name = f"{server_url.database}_e2e"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def e2e_app(e2e_database_uri, tmp_path_factory):
    """The shop as deployed (CSRF, security headers), on the demo data set."""
    media = tmp_path_factory.mktemp("e2e-media")
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": e2e_database_uri,
        "SECRET_KEY": "e2e-secret",
        "RATELIMIT_ENABLED": False,
        "MEDIA_ROOT": str(media),
        "CACHE_TYPE": "FileSystemCache",
        "CACHE_DIR": str(tmp_path_factory.mktemp("e2e-cache")),
    })
    with app.app_context():
        flask_migrate.upgrade()
        seed(media, clock.today())
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


class _QuietHandler(WSGIRequestHandler):
    """No access log line per request: failures are in the app's log and the assertions."""

    def log_request(self, *args, **kwargs) -> None:
        pass


@pytest.fixture(scope="session")
def live_server(e2e_app) -> Iterator[str]:
    """The base URL of the shop, served on a free port; it is also the host printed on labels."""
    server = make_server("127.0.0.1", 0, e2e_app, threaded=True, request_handler=_QuietHandler)
    base_url = f"http://127.0.0.1:{server.server_port}"
    # Labels hold PUBLIC_HOST: pointing it here makes a scanned code openable in the test.
    e2e_app.config["PUBLIC_HOST"] = base_url
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield base_url
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's driver, once per session."""
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless (Playwright's own browser download is not used)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium or set "
                    "CHROMIUM; `make test` deselects these tests (-m 'not e2e') when it is "
                    "missing.", pytrace=False)
    browser = playwright.chromium.launch(executable_path=CHROMIUM)
    expect.set_options(timeout=TIMEOUT_MS)
    yield browser
    browser.close()


@pytest.fixture
def csp_violations() -> list[str]:
    """Console errors about the Content-Security-Policy, from every page the test opened."""
    return []


@pytest.fixture
def new_context(browser, live_server, csp_violations) -> Iterator[Callable[..., BrowserContext]]:
    """new_context(language=, **options): a fresh browser profile, closed after the test."""
    contexts = []

    def _new_context(language: str | None = None, **options) -> BrowserContext:
        context = open_context(browser, live_server, language, **options)
        watch_csp(context, csp_violations)
        contexts.append(context)
        return context

    yield _new_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh profile: a shopper who has not signed in, reading Vietnamese."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def storage_state(browser, live_server) -> Callable[[Role], dict]:
    """storage_state(role): cookies of a demo account signed in through the sign-in page."""
    states: dict[Role, dict] = {}

    def _state(role: Role) -> dict:
        if role not in states:
            context = open_context(browser, live_server)
            page = context.new_page()
            sign_in(page, DEMO[role])
            states[role] = context.storage_state()
            context.close()
        return states[role]

    return _state


@pytest.fixture(scope="session")
def demo_paths(e2e_app) -> dict[str, str]:
    """Paths to demo records the pages are checked on: trace pages and the member's records."""

    def _first_lot(*criteria) -> Lot:
        return db.session.scalars(select(Lot).join(Lot.product).join(Product.producer)
                                  .where(*criteria).options(joinedload(Lot.product))
                                  .order_by(Lot.id).limit(1)).one()

    with e2e_app.app_context():
        member_lot = _first_lot(Producer.name == MEMBER_OF, Lot.recalled_at.is_(None))
        # The coming fair, to which the demo member has applied.
        coming = db.session.scalar(select(Fair.id).where(
            Fair.slug == "festival-ca-phe-va-ocop-lam-dong"))
        # A demo order awaiting its transfer at the Hà Nội centre: the VietQR shows.
        unpaid = db.session.scalars(
            select(Order).join(Outlet, Outlet.id == Order.outlet_id)
            .where(Outlet.slug == "ttgt-ocop-ha-noi", Order.state == OrderState.AWAITING_PAYMENT)
            .order_by(Order.id).limit(1)).one()
        return {
            "order": f"/orders/{unpaid.number}?t={unpaid.access_token}",
            "console_order": f"/console/ttgt-ocop-ha-noi/orders/{unpaid.number}",
            "trace": lot_path(member_lot),
            "recalled_trace": lot_path(_first_lot(Lot.recalled_at.is_not(None))),
            "portal_lot": f"/portal/lots/{member_lot.id}",
            "portal_product": f"/portal/products/{member_lot.product_id}",
            # The delivery form with its product chosen, so the lot select shows.
            "console_receive": "/console/ttgt-ocop-ha-noi/receive?product_id="
                               f"{member_lot.product_id}",
            "office_outlet": f"/office/outlets/{db.session.scalar(select(Outlet.id))}/edit",
            "office_fair": f"/office/fairs/{db.session.scalar(select(Fair.id).order_by(Fair.id))}",
            "office_producer": f"/office/producers/{member_lot.product.producer_id}/edit",
            "office_fair_applications": f"/office/fairs/{coming}/applications",
            "portal_fair_apply": f"/portal/fairs/{coming}/apply",
        }

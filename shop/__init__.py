"""The OCOP shop: create_app builds the Flask application."""

from flask_openapi3 import Info, OpenAPI
from werkzeug.middleware.proxy_fix import ProxyFix

from shop import config as shop_config


class ShopApp(OpenAPI):
    """The Flask app: static files under a fingerprinted name are cached for a year."""

    def get_send_file_max_age(self, filename: str | None) -> int | None:
        """A year for fingerprinted files (their name changes with them), else revalidate."""
        if filename in self.extensions["static_digest"].manifests.get("static", {}).values():
            return self.config["STATIC_DIGEST_MAX_AGE"]
        return super().get_send_file_max_age(filename)


def create_app(overrides: dict | None = None) -> ShopApp:
    """Build the application: configuration, extensions, blueprints, CLI and error pages."""
    from shop.api.schemas import ValidationProblem
    from shop.api.validation import validation_problem

    app = ShopApp(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        info=Info(title="OCOP Shop API", version="1.0.0",
                  description="Read access to Vietnam's OCOP-certified products."),
        doc_prefix="/api",
        doc_url="/openapi.json",
        # Bad API parameters answer 400 problem details (shop.api.validation). The status
        # here only steers the document: every operation already lists "default" and 400.
        validation_error_status="default",
        validation_error_model=ValidationProblem,
        validation_error_callback=validation_problem,
    )
    app.config.update(shop_config.load(overrides))
    if app.config["PROXY_COUNT"]:
        # Behind a reverse proxy, trust its X-Forwarded-For so rate limits see real clients.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_COUNT"], x_proto=1)
    register_extensions(app)
    register_page_cache(app)
    register_converters(app)
    register_blueprints(app)
    register_hardening(app)
    register_template_helpers(app)
    register_errors(app)
    register_commands(app)
    return app


def register_extensions(app: OpenAPI) -> None:
    """Bind the unbound extensions and import every model so metadata is complete."""
    from shop import (
        database,  # noqa: F401  (registers the SQLite pragmas)
        models,  # noqa: F401
    )
    from shop.catalog import indexing  # noqa: F401  (keeps search text current)
    from shop.combos import indexing as combo_indexing  # noqa: F401  (the combos' search text)
    from shop.combos import selling  # noqa: F401  (combos as cart and order lines)
    from shop.extensions import babel, cache, csrf, db, limiter, login_manager, migrate
    from shop.outlets import (
        availability,  # noqa: F401  (product pages' "where to buy")
        recalls,  # noqa: F401  (a recall sets the lot's stock aside)
    )
    from shop.web.i18n import select_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=str(shop_config.INSTANCE_DIR.parent / "migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    # Limits sit only on decorated views, which check them when called; the extension's
    # own before_request hook would look for application-wide limits (there are none) on
    # every request. (With RATELIMIT_ENABLED off, the hook was never added.)
    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in hooks:
        hooks.remove(limiter._check_request_limit)
    cache.init_app(app)
    login_manager.init_app(app)


def register_page_cache(app: OpenAPI) -> None:
    """The page cache, and what each feature's cached parts show (one registry)."""
    from shop.catalog import page_cache as catalog_pages
    from shop.combos import page_cache as combo_pages
    from shop.trace import pages as trace_pages
    from shop.web import page_cache

    page_cache.init_app(app)
    catalog_pages.register()
    trace_pages.register()
    combo_pages.register(app)


def register_converters(app: OpenAPI) -> None:
    """URL converters, before any route is added: every `<int:id>` refuses ids no column holds."""
    from shop.core.urls import IdConverter

    app.url_map.converters["int"] = IdConverter


def register_blueprints(app: OpenAPI) -> None:
    """Attach each feature's blueprint, and the portal the features' views/portal.py fill."""
    from shop.accounts.views import portal as accounts_portal  # noqa: F401  (its home page)
    from shop.accounts.views.public import bp as accounts_bp
    from shop.api import register_api
    from shop.catalog.views import portal as catalog_portal
    from shop.catalog.views.public import bp as catalog_bp
    from shop.combos.views.console import bp as combo_console_bp
    from shop.combos.views.office import bp as combo_office_bp
    from shop.combos.views.public import bp as combos_bp
    from shop.fairs.views import portal as fairs_portal
    from shop.fairs.views.office import bp as fair_office_bp
    from shop.fairs.views.public import bp as fairs_bp
    from shop.media import bp as media_bp
    from shop.members.views import portal as members_portal  # noqa: F401  (its routes)
    from shop.members.views.join import bp as members_bp
    from shop.members.views.office import bp as producer_office_bp
    from shop.orders.views import portal as orders_portal
    from shop.orders.views.console import bp as order_console_bp
    from shop.orders.views.public import bp as orders_bp
    from shop.orders.views.public import cart_count
    from shop.orders.views.statements import bp as statement_console_bp
    from shop.outlets.views import portal as outlets_portal  # noqa: F401  (its routes)
    from shop.outlets.views.console import bp as outlet_console_bp
    from shop.outlets.views.office import bp as outlet_office_bp
    from shop.outlets.views.public import bp as outlets_bp
    from shop.registry.views import bp as ocop_bp
    from shop.trace.views import portal as trace_portal
    from shop.trace.views.public import bp as trace_bp
    from shop.web import audiences
    from shop.web.favicon import bp as favicon_bp
    from shop.web.health import bp as health_bp
    from shop.web.i18n import bp as i18n_bp

    app.register_blueprint(catalog_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(ocop_bp)
    app.register_blueprint(media_bp)
    app.register_blueprint(i18n_bp)
    # Importing a feature's views/portal.py added its routes to the portal; its home page
    # shows the features' panels in this order.
    audiences.register_portal(app, home_panels=(trace_portal.HOME_PANEL,
                                                catalog_portal.HOME_PANEL,
                                                orders_portal.HOME_PANEL,
                                                fairs_portal.HOME_PANEL))
    app.register_blueprint(trace_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(favicon_bp)
    app.register_blueprint(outlets_bp)
    app.register_blueprint(outlet_console_bp)
    app.register_blueprint(outlet_office_bp)
    app.register_blueprint(combos_bp)
    app.register_blueprint(combo_console_bp)
    app.register_blueprint(combo_office_bp)
    app.register_blueprint(orders_bp)
    app.register_blueprint(order_console_bp)
    app.register_blueprint(statement_console_bp)
    # The header's cart count is rendered live, never inside a cached body.
    app.context_processor(cart_count)
    app.register_blueprint(fairs_bp)
    app.register_blueprint(fair_office_bp)
    app.register_blueprint(producer_office_bp)
    app.register_blueprint(members_bp)
    register_api(app)


def register_hardening(app: OpenAPI) -> None:
    """Security headers, fingerprinted static files and request logs."""
    from flask_static_digest import FlaskStaticDigest

    from shop.web import cookie_session, request_log, security

    security.init_app(app)
    cookie_session.init_app(app)
    # Fingerprinted names (`flask digest compile`, run by `make serve`); one per app, as
    # it keeps the manifest it read on itself.
    app.extensions["static_digest"] = FlaskStaticDigest(app)
    request_log.init_app(app)


def register_template_helpers(app: OpenAPI) -> None:
    """Filters and globals the templates share, and each feature's labels."""
    from shop.combos.labels import OCCASION_LABELS
    from shop.combos.labels import STATUS_LABELS as COMBO_STATUS_LABELS
    from shop.core.money import format_vnd
    from shop.core.phones import format_phone
    from shop.fairs.forms import STATUS_LABELS as FAIR_STATUS_LABELS
    from shop.ocop.listing_rule import STATUS_LABELS
    from shop.ocop.rules import LEVEL_LABELS
    from shop.orders.states import STATE_LABELS as ORDER_STATE_LABELS
    from shop.outlets.availability import BAND_LABELS
    from shop.outlets.forms import KIND_LABELS
    from shop.outlets.forms import STATUS_LABELS as OUTLET_STATUS_LABELS
    from shop.outlets.hours import WEEKDAY_LABELS
    from shop.trace.links import lot_path
    from shop.trace.zones import STANDARD_LABELS
    from shop.web import templating

    templating.init_app(app)
    templating.memoised_urls(app)
    templating.register_template_globals(app, level_labels=LEVEL_LABELS,
                                         status_labels=STATUS_LABELS)
    templating.register_template_globals(app, standard_labels=STANDARD_LABELS)
    templating.register_template_globals(
        app, outlet_kind_labels=KIND_LABELS, outlet_status_labels=OUTLET_STATUS_LABELS,
        band_labels=BAND_LABELS, weekday_labels=WEEKDAY_LABELS)
    templating.register_template_globals(app, occasion_labels=OCCASION_LABELS,
                                         combo_status_labels=COMBO_STATUS_LABELS)
    templating.register_template_globals(app, order_state_labels=ORDER_STATE_LABELS,
                                         lot_path=lot_path, format_vnd=format_vnd)
    templating.register_template_globals(app, fair_status_labels=FAIR_STATUS_LABELS)
    app.jinja_env.filters["phone"] = format_phone


def register_errors(app: OpenAPI) -> None:
    """Map domain errors and HTTP errors to pages, or to the API's problem details for the
    API's paths and for JSON and linkset clients (the resolver's machine callers)."""
    from shop.api.problems import problem
    from shop.trace.linkset import LINKSET_TYPE
    from shop.web import error_pages

    error_pages.init_app(app, problem, path_prefix="/api/",
                         media_types=("application/json", LINKSET_TYPE))


def register_commands(app: OpenAPI) -> None:
    """CLI commands: `flask --app wsgi seed-demo`, `worker`, `mail send-due`."""
    from datetime import timedelta

    from shop import mail
    from shop.accounts import sessions
    from shop.demo.commands import seed_demo
    from shop.members import reminders
    from shop.orders import transitions

    app.cli.add_command(seed_demo)
    mail.init_app(app)
    mail.register_job(app, "accounts.purge_expired_sessions", every=timedelta(days=1),
                      run=sessions.purge_expired)
    mail.register_job(app, "orders.cancel_expired", every=timedelta(hours=1),
                      run=transitions.cancel_expired)
    mail.register_job(app, "members.certificate_reminders", every=timedelta(hours=6),
                      run=reminders.send_due_reminders)

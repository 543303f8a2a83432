"""Configuration: the one module that reads os.environ."""

import os
import secrets
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"
# Certificates are dated in Vietnam wherever the server runs: a fact, not a deployment setting.
# shop.core.clock reads it from here, so the clock stays usable without an app.
SHOP_TIMEZONE = "Asia/Ho_Chi_Minh"
# The largest page the API serves; its parameter models' bounds use this constant.
API_MAX_PAGE_SIZE = 100


def database_url(url: str | None) -> str:
    """A SQLAlchemy URL for `url`, defaulting to an embedded SQLite file in instance/."""
    url = url or f"sqlite:///{INSTANCE_DIR / 'shop.sqlite3'}"
    # psycopg 3 is our PostgreSQL driver; accept the common plain scheme too.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _development_secret_key() -> str:
    """A secret key generated once into instance/ so sessions survive restarts."""
    INSTANCE_DIR.mkdir(exist_ok=True)
    path = INSTANCE_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()


def _public_host(env: dict, production: bool) -> str:
    """PUBLIC_HOST, else the address `make run` serves: in development it follows PORT."""
    # Labels and Digital Links printed in development must open where the server answers;
    # in production PORT is gunicorn's, behind a proxy, and never a public address.
    port = "5000" if production else env.get("PORT", "5000")
    return (env.get("PUBLIC_HOST") or f"http://127.0.0.1:{port}").rstrip("/")


class Config:
    """Settings shared by every environment."""

    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = SHOP_TIMEZONE
    LANGUAGES = ("vi", "en")
    SHOP_TIMEZONE = SHOP_TIMEZONE
    # No pool_pre_ping: shop.database pings only connections that sat idle.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SESSION_COOKIE_HTTPONLY = True
    # Every cookie we set (session, remember-me, language) takes this SameSite.
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = SESSION_COOKIE_SAMESITE
    # The session cookie ends with the browser; "remember me" keeps a person in for 30 days.
    REMEMBER_COOKIE_DURATION = 60 * 60 * 24 * 30
    WTF_CSRF_TIME_LIMIT = None
    RATELIMIT_HEADERS_ENABLED = True
    # Failed sign-ins per account; and all sign-ins per client address, far higher, since
    # many phones on a Vietnamese mobile network share one public address.
    SIGN_IN_RATE_LIMIT = "10 per minute;50 per hour"
    SIGN_IN_ADDRESS_RATE_LIMIT = "100 per minute;1000 per hour"
    SIGN_UP_RATE_LIMIT = "5 per minute;30 per hour"
    # Orders placed per client address (API and checkout): a family or an office on one
    # address places a few; a script placing hundreds to hold stock is stopped.
    ORDER_RATE_LIMIT = "20 per minute;200 per hour"
    # Requests larger than this are refused (413) before they are read: photos are capped
    # at 5 MB (shop.uploads), the rest is room for the form around them.
    MAX_CONTENT_LENGTH = 6 * 1024 * 1024
    # Decision imports (shop.registry.decisions): the largest annex file accepted (under
    # MAX_CONTENT_LENGTH, so the form around it still fits), what an XLSX may unpack to (a
    # zip bomb stops there), and the most rows read.
    DECISION_IMPORT_MAX_BYTES = 4 * 1024 * 1024
    DECISION_IMPORT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
    DECISION_IMPORT_MAX_ROWS = 10_000
    CATALOG_PAGE_SIZE = 24
    API_MAX_PAGE_SIZE = API_MAX_PAGE_SIZE
    CACHE_DEFAULT_TIMEOUT = 60 * 60 * 24 * 30
    # A serialised code checked more often than this is flagged as a possible copy.
    SUSPICIOUS_SCAN_COUNT = 10
    # Extra origins the CSP allows, e.g. a payment provider's script and frames.
    CSP_SCRIPT_SOURCES: tuple[str, ...] = ()
    CSP_FRAME_SOURCES: tuple[str, ...] = ()
    CSP_CONNECT_SOURCES: tuple[str, ...] = ()
    # Fingerprinted static files never change under their name; others are revalidated.
    STATIC_DIGEST_MAX_AGE = 60 * 60 * 24 * 365
    FLASK_STATIC_DIGEST_COMPRESSION: list[str] = []
    # One JSON line per request (shop.web.request_log); on under `make serve`.
    REQUEST_LOG = False
    # How long an unpaid transfer order holds its stock (cash at pickup: to the pickup day).
    ORDER_HOLD_MINUTES = 60
    # How many days ahead a shopper may choose to pick an order up.
    PICKUP_DAYS_AHEAD = 14


def load(overrides: dict | None = None, env: dict | None = None) -> dict:
    """Build the configuration from the environment, then apply explicit overrides."""
    env = os.environ if env is None else env
    production = env.get("SHOP_ENV", "development") == "production"
    settings = {k: v for k, v in vars(Config).items() if k.isupper()}
    settings["SQLALCHEMY_DATABASE_URI"] = database_url(env.get("DATABASE_URL"))
    settings["RATELIMIT_STORAGE_URI"] = env.get("REDIS_URL") or "memory://"
    settings["PROXY_COUNT"] = int(env.get("PROXY_COUNT", "0"))
    if env.get("REDIS_URL"):
        settings.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=env["REDIS_URL"],
                        CACHE_KEY_PREFIX="ocop:")
    else:
        settings.update(CACHE_TYPE="FileSystemCache",
                        CACHE_DIR=str(INSTANCE_DIR / "cache"), CACHE_THRESHOLD=20000)
    # Scan logging can be switched off (SCAN_LOGGING=0), e.g. to measure what it costs.
    settings["SCAN_LOGGING"] = env.get("SCAN_LOGGING", "1") != "0"
    settings["PUBLIC_HOST"] = _public_host(env, production)
    settings["MEDIA_ROOT"] = env.get("MEDIA_ROOT") or str(INSTANCE_DIR / "media")
    settings["REQUEST_LOG"] = env.get("REQUEST_LOG", "1" if production else "0") == "1"
    settings["ORDER_HOLD_MINUTES"] = int(env.get("ORDER_HOLD_MINUTES", "60"))
    settings["ORDER_RATE_LIMIT"] = env.get("ORDER_RATE_LIMIT") or Config.ORDER_RATE_LIMIT
    for name in ("CSP_SCRIPT_SOURCES", "CSP_FRAME_SOURCES", "CSP_CONNECT_SOURCES"):
        if env.get(name):
            settings[name] = tuple(env[name].split())
    settings.update(_mail_settings(env))
    if production:
        if not env.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set when SHOP_ENV=production")
        if not env.get("DATABASE_URL"):
            raise RuntimeError("DATABASE_URL must be set when SHOP_ENV=production")
        if not env.get("PUBLIC_HOST"):
            # Printed on every QR label and mailed in every link: a guess would be printed too.
            raise RuntimeError("PUBLIC_HOST must be set when SHOP_ENV=production")
        settings["SECRET_KEY"] = env["SECRET_KEY"]
        settings["SESSION_COOKIE_SECURE"] = True
        settings["REMEMBER_COOKIE_SECURE"] = True
    else:
        settings["SECRET_KEY"] = env.get("SECRET_KEY") or _development_secret_key()
    settings.update(overrides or {})
    return settings


def _mail_settings(env) -> dict:
    """Mail and worker settings (shop.mail): SMTP when SMTP_HOST is set, else .eml files."""
    return {
        "SMTP_HOST": env.get("SMTP_HOST", ""),
        "SMTP_PORT": int(env.get("SMTP_PORT", "587")),
        "SMTP_USERNAME": env.get("SMTP_USERNAME", ""),
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": env.get("SMTP_STARTTLS", "1") != "0",
        "SMTP_TIMEOUT": 30,
        "MAIL_FROM": env.get("MAIL_FROM", "OCOP Việt <no-reply@ocop.example.vn>"),
        "MAIL_DIR": env.get("MAIL_DIR", str(INSTANCE_DIR / "mail")),
        # Retries double from a minute up to six hours: eight attempts span about two hours.
        "MAIL_MAX_ATTEMPTS": int(env.get("MAIL_MAX_ATTEMPTS", "8")),
        "MAIL_RETRY_SECONDS": 60,
        "MAIL_RETRY_CAP_SECONDS": 6 * 3600,
        # Far longer than one SMTP timeout, so a live worker's message is never taken over.
        "MAIL_LEASE_SECONDS": 600,
        "MAIL_BATCH_SIZE": 50,
        "MAIL_KEEP_SENT_DAYS": 30,
        "WORKER_POLL_SECONDS": float(env.get("WORKER_POLL_SECONDS", "5")),
    }

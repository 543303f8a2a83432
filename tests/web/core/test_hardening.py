"""Security headers, cookie flags, shared rate limits, request logs and fingerprinted files."""

import json
import logging
import re
import uuid
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from flask import render_template_string
from flask_static_digest.cli import digest
from redis import Redis

from shop import config as shop_config
from tests.factories import PASSWORD, UserFactory

REDIS_URL = "redis://127.0.0.1:6379/14"


def csp(response) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive → sources."""
    directives = (part.split() for part in response.headers["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}


@pytest.mark.parametrize("path", ["/", "/products", "/sign-in", "/api/v1/products",
                                  "/no-such-page", "/static/css/site.css", "/healthz"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe" in source for sources in policy.values() for source in sources)


def test_payment_scripts_are_allowed_only_when_configured(make_app):
    paying = make_app(CSP_SCRIPT_SOURCES=("https://js.stripe.com",),
                      CSP_FRAME_SOURCES=("https://js.stripe.com",))

    policy = csp(paying.test_client().get("/sign-in"))

    assert policy["script-src"] == ["'self'", "https://js.stripe.com"]
    assert policy["frame-src"] == ["https://js.stripe.com"]


def test_csp_sources_come_from_the_environment():
    settings = shop_config.load(env={"CSP_SCRIPT_SOURCES": "https://js.stripe.com https://x.vn"})

    assert settings["CSP_SCRIPT_SOURCES"] == ("https://js.stripe.com", "https://x.vn")
    assert shop_config.load(env={})["CSP_SCRIPT_SOURCES"] == ()


def cookies_of(client, **form) -> dict[str, str]:
    """Sign in through the form; the cookies set, by name."""
    UserFactory(email="an@example.vn")
    response = client.post("/sign-in", data={"email": "an@example.vn", "password": PASSWORD,
                                             **form})
    assert response.status_code == 302
    return {value.split("=", 1)[0]: value for value in response.headers.getlist("Set-Cookie")}


def session_cookie_of(client) -> str:
    return cookies_of(client)["session"]


def test_the_session_cookie_is_httponly_and_samesite_lax(client):
    cookie = session_cookie_of(client)

    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # development serves plain HTTP on 127.0.0.1


def test_the_session_ends_with_the_browser_and_remember_me_lasts_30_days(client):
    cookies = cookies_of(client, remember="y")

    assert "Expires" not in cookies["session"] and "Max-Age" not in cookies["session"]
    remember = cookies["remember_token"]
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", remember).group(1))
    assert abs(expires - datetime.now(UTC) - timedelta(days=30)) < timedelta(minutes=1)
    assert "HttpOnly" in remember and "SameSite=Lax" in remember


def test_production_cookies_are_secure(make_app):
    production = shop_config.load(env={"SHOP_ENV": "production", "SECRET_KEY": "s",
                                       "DATABASE_URL": "postgresql://db/shop",
                                       "PUBLIC_HOST": "https://ocop.vn"})
    assert production["SESSION_COOKIE_SECURE"] and production["REMEMBER_COOKIE_SECURE"]

    secure = make_app(SESSION_COOKIE_SECURE=production["SESSION_COOKIE_SECURE"],
                      REMEMBER_COOKIE_SECURE=production["REMEMBER_COOKIE_SECURE"])
    cookies = cookies_of(secure.test_client(), remember="y")

    for cookie in (cookies["session"], cookies["remember_token"]):
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_refuses_to_start_without_its_public_host():
    """Every label and mailed link prints it: production never guesses it."""
    with pytest.raises(RuntimeError, match="PUBLIC_HOST"):
        shop_config.load(env={"SHOP_ENV": "production", "SECRET_KEY": "s",
                              "DATABASE_URL": "postgresql://db/x"})


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        shop_config.load(env={"SHOP_ENV": "production", "DATABASE_URL": "postgresql://db/x"})


def test_workers_share_the_sign_in_limit_through_redis(make_app):
    """Two app servers on one Redis: the fourth attempt is refused whichever worker gets it."""
    prefix = f"test-{uuid.uuid4().hex}"
    limited = {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": REDIS_URL,
               "RATELIMIT_KEY_PREFIX": prefix, "SIGN_IN_RATE_LIMIT": "3 per minute"}
    attempt = {"email": "who@example.vn", "password": "guess-guess-1"}
    try:
        first = make_app(**limited).test_client()
        statuses = [first.post("/sign-in", data=attempt).status_code for _ in range(2)]
        second = make_app(**limited).test_client()  # a fresh worker: no counts in memory
        statuses += [second.post("/sign-in", data=attempt).status_code for _ in range(2)]
    finally:
        redis = Redis.from_url(REDIS_URL)
        for key in redis.scan_iter(f"*{prefix}*"):
            redis.delete(key)

    assert statuses == [200, 200, 200, 429]


@pytest.mark.no_db  # its own broken database, not the test transaction
def test_an_unexpected_error_shows_no_traceback(make_app):
    broken = make_app(SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent/dir/shop.sqlite3")
    client = broken.test_client()
    client.set_cookie("lang", "en")

    page = client.get("/products")
    problem = client.get("/api/v1/products")

    assert page.status_code == 500 and problem.status_code == 500
    for response in (page, problem):
        assert "Traceback" not in response.text
        assert "sqlite" not in response.text.lower()
    assert problem.mimetype == "application/problem+json"


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def test_request_logs_are_one_json_line_per_request_without_personal_data(make_app):
    logged = make_app(REQUEST_LOG=True)
    logger = logging.getLogger("shop.request")
    records = _Records()
    logger.addHandler(records)
    try:
        client = logged.test_client()
        response = client.get("/products?q=mat+ong", headers={"X-Request-ID": "lb-42"},
                              environ_base={"REMOTE_ADDR": "203.0.113.9"})
        unnamed = client.get("/no-such-page")
    finally:
        logger.removeHandler(records)

    first, second = records.records
    line = json.loads(logger.handlers[0].formatter.format(first))
    assert line["path"] == "/products" and line["status"] == 200
    assert line["method"] == "GET" and line["endpoint"] == "catalog.products"
    assert line["request_id"] == "lb-42" == response.headers["X-Request-ID"]
    assert line["duration_ms"] >= 0 and line["bytes"] == len(response.data)
    assert line["level"] == "INFO" and "time" in line
    assert "203.0.113.9" not in json.dumps(line) and "mat" not in json.dumps(line)
    assert second.status == 404
    assert len(unnamed.headers["X-Request-ID"]) == 32  # none given: a fresh id


def test_fingerprinted_static_files_are_cached_for_a_year(make_app):
    runner = make_app().test_cli_runner()
    assert runner.invoke(digest, ["compile"]).exit_code == 0
    try:
        served = make_app()  # reads the manifest the compile wrote, as `make serve` does
        with served.test_request_context("/"):
            url = render_template_string("{{ static_url_for('static', filename='css/site.css') }}")
        client = served.test_client()
        fingerprinted = client.get(url)
        plain = client.get("/static/css/site.css")
    finally:
        runner.invoke(digest, ["clean"])

    assert url != "/static/css/site.css" and url.endswith(".css")
    assert fingerprinted.status_code == 200
    assert fingerprinted.headers["Cache-Control"] == "public, max-age=31536000"
    assert fingerprinted.data == plain.data
    assert "max-age=31536000" not in plain.headers.get("Cache-Control", "")


@pytest.mark.parametrize(("method", "path", "data"), [
    ("GET", "/products/a%00b", None),
    ("GET", "/t/ab%00c", None),
    ("GET", "/products?q=m%00t", None),
    ("POST", "/sign-up", {"name": "Lan\x00", "email": "lan@example.vn"}),
])
def test_a_nul_character_anywhere_is_a_clear_400_on_every_database(client, method, path, data):
    client.set_cookie("lang", "en")

    response = client.open(path, method=method, data=data)

    assert response.status_code == 400
    assert "NUL character" in response.text

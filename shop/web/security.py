"""Security headers on every response (a strict CSP and its companions); no NUL in requests."""

from flask import Flask, abort, request
from flask_babel import gettext as _
from flask_talisman import Talisman

# Permissions nobody on a shop page needs.
PERMISSIONS_POLICY = {"camera": "()", "microphone": "()", "geolocation": "()",
                      "payment": "(self)", "usb": "()"}


def content_security_policy(config: dict) -> dict:
    """The CSP: our own origin only; payment providers' scripts and frames added by config.

    No 'unsafe-inline' anywhere: templates carry no inline script or style, so an injected
    <script> or style attribute is refused by the browser.
    """
    scripts = ["'self'", *config["CSP_SCRIPT_SOURCES"]]
    frames = list(config["CSP_FRAME_SOURCES"]) or ["'none'"]
    return {
        "default-src": "'self'",
        "script-src": scripts,
        "style-src": "'self'",
        "img-src": ["'self'", "data:"],
        "font-src": "'self'",
        "connect-src": ["'self'", *config["CSP_CONNECT_SOURCES"]],
        "frame-src": frames,
        "frame-ancestors": "'none'",
        "form-action": "'self'",
        "base-uri": "'self'",
        "object-src": "'none'",
    }


def refuse_nul_characters() -> None:
    """400 for a NUL character in the path, query or form: no text we store can hold one.

    PostgreSQL refuses NUL in text, so without this an address like /products/a%00b would
    reach the database and fail there as a server error. The API is left to its own
    validation, which names the parameter at fault as its document promises.
    """
    if request.path.startswith("/api/"):
        return
    values = [request.path, *request.args.values()]
    if request.method in ("POST", "PUT", "PATCH"):
        values += request.form.values()
    if any("\x00" in value for value in values):
        abort(400, _("The request holds a NUL character, which no page, product or form "
                     "field accepts."))


def init_app(app: Flask) -> None:
    """Send the headers; cookie flags come from the configuration (Secure in production)."""
    app.before_request(refuse_nul_characters)
    # One Talisman per app: it keeps its options on itself, and apps differ in their CSP.
    app.extensions["talisman"] = Talisman(
        app,
        # TLS ends at the load balancer; HSTS is still sent on requests that arrived over it.
        force_https=False,
        frame_options="DENY",
        content_security_policy=content_security_policy(app.config),
        referrer_policy="strict-origin-when-cross-origin",
        permissions_policy=PERMISSIONS_POLICY,
        session_cookie_secure=app.config.get("SESSION_COOKIE_SECURE", False),
        session_cookie_http_only=True,
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
    )

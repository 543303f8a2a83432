"""Security headers on every response (a strict CSP and its companions); no NUL in requests."""

from flask import Flask, abort, request
from flask_babel import gettext as _

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


def security_headers(config: dict) -> dict[str, str]:
    """The headers every response carries, built once per app: they depend on nothing in the
    request, so rebuilding them per response (as Flask-Talisman does) is wasted work."""
    policy = "; ".join(
        f"{name} {' '.join([sources] if isinstance(sources, str) else sources)}"
        for name, sources in content_security_policy(config).items())
    return {
        "Content-Security-Policy": policy,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": ", ".join(f"{name}={allowed}"
                                        for name, allowed in PERMISSIONS_POLICY.items()),
    }


# HSTS for a year, subdomains included: sent only on requests that arrived over HTTPS (TLS
# ends at the load balancer; ProxyFix tells us the scheme), as browsers ignore it elsewhere.
HSTS = "max-age=31536000; includeSubDomains"


def init_app(app: Flask) -> None:
    """Refuse NUL characters and send the security headers; cookie flags live in config."""
    app.before_request(refuse_nul_characters)
    headers = security_headers(app.config)

    @app.after_request
    def _send_security_headers(response):
        response.headers.update(headers)
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = HSTS
        return response

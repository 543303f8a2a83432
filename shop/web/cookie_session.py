"""Flask's signed-cookie session, with its signer built once instead of on every request."""

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer


class CookieSessionInterface(SecureCookieSessionInterface):
    """Flask's own session cookie; the serializer (key derivation, HMAC set-up) is kept
    while the secret keys stay the same, where Flask rebuilds it for every request."""

    _built: tuple[tuple, URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """The serializer for the app's current secret key and its fallbacks."""
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        if self._built is None or self._built[0] != keys:
            self._built = (keys, super().get_signing_serializer(app))
        return self._built[1]


def init_app(app: Flask) -> None:
    """Use the cookie session with a kept signer."""
    app.session_interface = CookieSessionInterface()

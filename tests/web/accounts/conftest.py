"""A second app for the protections the shared test app switches off (CSRF, rate limits)."""

import pytest

from shop import create_app
from shop.extensions import limiter


@pytest.fixture
def make_app(app):
    """make_app(**config): an app on the test database with `config` on top of the test's."""

    def _make(**overrides):
        return create_app({
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": app.config["SECRET_KEY"],
            "MEDIA_ROOT": app.config["MEDIA_ROOT"],
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            **overrides,
        })

    yield _make
    # The limiter is one object shared by every app and follows the last app initialised:
    # hand it back, switched off, to the shared test app. (An enabled app gets fresh counters.)
    limiter.init_app(app)


@pytest.fixture(autouse=True)
def _english(client):
    """These tests read English messages; Vietnamese, the default, is covered in catalog tests."""
    client.set_cookie("lang", "en")

"""Every cookie the shop sets takes its SameSite from the one setting in shop/config.py."""

from shop import config as shop_config


def test_every_cookie_takes_the_one_samesite_setting(make_app):
    app = make_app(SESSION_COOKIE_SAMESITE="Strict")
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Strict"  # not reset by the headers' setup
    response = app.test_client().get("/lang/en")
    assert "SameSite=Strict" in response.headers["Set-Cookie"]
    settings = shop_config.load(env={"SECRET_KEY": "test"})
    assert settings["REMEMBER_COOKIE_SAMESITE"] == settings["SESSION_COOKIE_SAMESITE"] == "Lax"

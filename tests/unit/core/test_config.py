"""Settings come from shop/config.py alone, and from the environment it is given."""

import re
from pathlib import Path

from shop import config as shop_config
from shop.api.schemas import PageParams
from shop.catalog.params import CatalogParams
from shop.core import clock


def load(**env) -> dict:
    return shop_config.load(env={"SECRET_KEY": "test", **env})


def test_in_development_public_host_follows_the_port_make_run_serves():
    assert load()["PUBLIC_HOST"] == "http://127.0.0.1:5000"
    assert load(PORT="5077")["PUBLIC_HOST"] == "http://127.0.0.1:5077"


def test_a_public_host_that_is_set_wins_over_the_port_without_its_trailing_slash():
    assert load(PORT="5077", PUBLIC_HOST="https://ocop.vn/")["PUBLIC_HOST"] == "https://ocop.vn"
    production = load(SHOP_ENV="production", DATABASE_URL="postgresql://db/shop", PORT="8000",
                      PUBLIC_HOST="https://ocop.vn", SECRET_KEY="s")
    assert production["PUBLIC_HOST"] == "https://ocop.vn"


def test_media_root_defaults_to_instance_and_is_set_by_the_environment(tmp_path):
    assert Path(load()["MEDIA_ROOT"]) == shop_config.INSTANCE_DIR / "media"
    assert load(MEDIA_ROOT=str(tmp_path))["MEDIA_ROOT"] == str(tmp_path)


def test_an_app_keeps_the_media_root_it_is_given(make_app, tmp_path):
    assert make_app(MEDIA_ROOT=str(tmp_path)).config["MEDIA_ROOT"] == str(tmp_path)


def test_the_clock_babel_and_the_settings_share_one_time_zone():
    settings = load()
    assert clock.SHOP_ZONE.key == settings["SHOP_TIMEZONE"] == settings["BABEL_DEFAULT_TIMEZONE"]


def test_the_api_page_size_bound_is_the_setting():
    limit = load()["API_MAX_PAGE_SIZE"]
    for model in (PageParams, CatalogParams):
        schema = model.model_json_schema()["properties"]["per_page"]
        assert schema["maximum"] == limit
        assert re.search(rf"\b{limit}\b", schema["description"])

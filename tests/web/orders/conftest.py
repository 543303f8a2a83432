"""The orders' pages are read in English here (Vietnamese is the default)."""

import pytest


@pytest.fixture(autouse=True)
def _english(client):
    client.set_cookie("lang", "en")

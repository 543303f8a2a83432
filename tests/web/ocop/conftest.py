"""The registry's pages on a fixed day, seen by a national officer reading English."""

import pytest


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture
def officer_client(client, sign_in, officer):
    """The test client, signed in as a national officer, in English."""
    client.set_cookie("lang", "en")
    return sign_in(officer)

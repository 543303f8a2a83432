"""Account pages are read in English."""

import pytest


@pytest.fixture(autouse=True)
def _english(client):
    """These tests read English messages; Vietnamese, the default, is covered in catalog tests."""
    client.set_cookie("lang", "en")

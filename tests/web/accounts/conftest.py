"""Account pages are read in English; the portal's home is a producer member's."""

import pytest

from tests.web.portal import member, member_client, producer

__all__ = ["member", "member_client", "producer"]


@pytest.fixture(autouse=True)
def _english(client):
    """These tests read English messages; Vietnamese, the default, is covered in catalog tests."""
    client.set_cookie("lang", "en")

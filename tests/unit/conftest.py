"""Fixtures shared by the unit tests."""

import pytest
from flask_babel import refresh


@pytest.fixture
def english(app):
    """Messages in English (the language cookie), so the words asserted are the ones shown."""
    with app.test_request_context(headers={"Cookie": "lang=en"}):
        refresh()
        yield

"""The registry's unit tests: a fixed day, and the English messages they assert."""

import pytest


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)


@pytest.fixture(autouse=True)
def _english(english):
    """The messages asserted are the English ones."""

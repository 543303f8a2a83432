"""API tests run on a fixed day in Vietnam."""

from datetime import date

import pytest

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-16T10:00:00+07:00", tick=False)

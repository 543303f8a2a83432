"""Opening hours as people type them, checked; whether an outlet is open at an instant."""

from datetime import UTC, datetime, time

import pytest

from shop.core.errors import InvalidInput
from shop.outlets.hours import format_day, open_at, parse_day

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("typed", "spans"), [
    ("07:30–21:00", [(time(7, 30), time(21))]),
    ("7:30 - 11:30, 13:30-17:00", [(time(7, 30), time(11, 30)), (time(13, 30), time(17))]),
    ("13h30—17h00; 7h00–11h00", [(time(7), time(11)), (time(13, 30), time(17))]),
    ("", []), ("  ", []), ("Nghỉ", []), ("closed", []),
])
def test_a_day_is_typed_in_the_usual_ways(typed, spans):
    assert parse_day(typed, 2) == spans


@pytest.mark.parametrize(("typed", "why"), [
    ("8:00", "HH:MM–HH:MM"), ("8 giờ đến 17 giờ", "HH:MM–HH:MM"), ("24:00–25:00", "not a time"),
    ("08:60–09:00", "not a time"), ("17:00–08:00", "close after it opens"),
    ("09:00–09:00", "close after it opens"), ("08:00–12:00, 11:00–14:00", "overlap"),
    ("06:00–07:00, 08:00–09:00, 10:00–11:00, 12:00–13:00", "At most 3"),
])
def test_a_bad_day_names_its_field(typed, why):
    with pytest.raises(InvalidInput, match=why) as refused:
        parse_day(typed, 6)
    assert refused.value.field == "hours_6"


def test_a_day_is_shown_as_typed():
    assert format_day([(time(7, 30), time(11, 30)), (time(13, 30), time(21))]) == (
        "07:30–11:30, 13:30–21:00")


def test_open_follows_vietnams_clock_and_the_midday_break():
    # Monday 16 March 2026; Vietnam is UTC+7.
    days = {0: [(time(7, 30), time(11, 30)), (time(13, 30), time(21))]}
    assert open_at(days, datetime(2026, 3, 16, 1, 0, tzinfo=UTC))  # 08:00
    assert not open_at(days, datetime(2026, 3, 16, 5, 0, tzinfo=UTC))  # 12:00, lunch
    assert not open_at(days, datetime(2026, 3, 16, 14, 0, tzinfo=UTC))  # 21:00 sharp
    assert not open_at(days, datetime(2026, 3, 17, 1, 0, tzinfo=UTC))  # Tuesday: closed

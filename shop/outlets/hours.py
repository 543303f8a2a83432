"""Opening hours: a day's spans typed as "07:30–11:30, 13:30–21:00", and whether one is open."""

import re
from datetime import datetime, time

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from shop.core.clock import SHOP_ZONE
from shop.core.errors import InvalidInput

# Monday first (Python's weekday 0), Sunday ("Chủ nhật") last, as Vietnamese calendars show it.
WEEKDAY_LABELS = (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"),
                  _l("Saturday"), _l("Sunday"))
DAYS = len(WEEKDAY_LABELS)
# At most this many spans a day: a morning, an afternoon and an evening.
MAX_SPANS = 3
# "7:30", "07:30", "7h30" or "7.30"; a hyphen, en dash or em dash between the two ends.
_TIME = r"([0-9]{1,2})[:hH.]([0-9]{2})"
_SPAN = re.compile(rf"^{_TIME}\s*[-–—]\s*{_TIME}$")
_CLOSED_WORDS = frozenset({"", "closed", "nghỉ", "nghi", "đóng cửa", "dong cua"})

Span = tuple[time, time]


def day_field(weekday: int) -> str:
    """The form field of a weekday's hours."""
    return f"hours_{weekday}"


def _clock_time(hours: str, minutes: str, field: str) -> time:
    hour, minute = int(hours), int(minutes)
    if hour > 23 or minute > 59:
        typed = f"{hours}:{minutes}"
        raise InvalidInput(_("%(value)s is not a time of day; write times as HH:MM, from "
                             "00:00 to 23:59.", value=typed), field)
    return time(hour, minute)


def parse_day(text: str, weekday: int) -> list[Span]:
    """The spans of one day from "07:30–11:30, 13:30–21:00"; empty (or "closed") is a day off."""
    field = day_field(weekday)
    if text.strip().casefold() in _CLOSED_WORDS:
        return []
    spans = []
    for part in re.split(r"[,;]", text):
        match = _SPAN.match(part.strip())
        if match is None:
            raise InvalidInput(_("Write the hours as HH:MM–HH:MM, several spans separated by "
                                 "commas (07:30–11:30, 13:30–21:00), or leave the day empty "
                                 "when closed."), field)
        opens = _clock_time(match[1], match[2], field)
        closes = _clock_time(match[3], match[4], field)
        if closes <= opens:
            raise InvalidInput(_("A span must close after it opens (%(span)s).",
                                 span=part.strip()), field)
        spans.append((opens, closes))
    if len(spans) > MAX_SPANS:
        raise InvalidInput(_("At most %(count)d spans a day.", count=MAX_SPANS), field)
    spans.sort()
    for (_opens, closes), (next_opens, _closes) in zip(spans, spans[1:], strict=False):
        if next_opens < closes:
            raise InvalidInput(_("The spans of a day must not overlap."), field)
    return spans


def format_day(spans: list[Span]) -> str:
    """A day's spans as they are typed and shown: "07:30–11:30, 13:30–21:00"."""
    return ", ".join(f"{opens:%H:%M}–{closes:%H:%M}" for opens, closes in spans)


def open_at(spans_by_day: dict[int, list[Span]], instant: datetime) -> bool:
    """True when `instant` (aware) falls in one of the day's spans, in Vietnam's time."""
    local = instant.astimezone(SHOP_ZONE)
    now = local.time().replace(second=0, microsecond=0)
    return any(opens <= now < closes for opens, closes in spans_by_day.get(local.weekday(), []))

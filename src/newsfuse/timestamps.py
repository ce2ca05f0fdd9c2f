"""ISO time stamps and values: a sortable UTC key, and the days a calendar value covers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from datetime import UTC, datetime


def utc_key(published: str | None) -> str:
    """A sortable UTC form of an ISO publication stamp ("~" when unknown).

    Stamps with an offset are converted to UTC, so that 17:05-03:00 sorts after 19:48 UTC;
    stamps without one are taken as UTC.
    """
    if not published:
        return "~"
    try:
        stamp = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published
    if stamp.tzinfo is not None:
        try:
            stamp = stamp.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            # In UTC the stamp falls before year 1 or after 9999 (0001-01-01T00:00+14:00,
            # 9999-12-31T23:59-03:00): it sorts first or last, where it belongs.
            return "0000" if stamp.year == 1 else "9999-12-31T23:59:59.999999+"
    return stamp.isoformat()


def shift_day(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, stopping at the first or last day of the calendar (1 January
    of year 1, 31 December 9999) instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO value covers ("2024-12" -> Dec 1-31, "2024-W49-WE" ->
    that weekend), or None when it is not a calendar value."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(value + "-01")
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        week = _WEEK.match(value)
        if week:
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
            if week[3]:
                return shift_day(monday, 5), shift_day(monday, 6)
            return monday, shift_day(monday, 6)
    except (ValueError, OverflowError):
        return None
    return None


def html_datetime(value: str | None) -> str | None:
    """The form of a calendar value that HTML's ``<time datetime>`` accepts, or None.

    A day, month, year or ISO week passes as it is; a weekend ("2024-W49-WE", which HTML has
    no form for) becomes the week that holds it; a timestamp passes when it parses; a value
    that names no calendar span ("2024-SU", "199X") gives None, and the attribute is left out.
    """
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.+", value):
        try:
            datetime.fromisoformat(value)
        except ValueError:
            # A part of a day ("2024-12-10TMO") has no HTML form: the day holds it.
            return value[:10] if date_range(value[:10]) else None
        return value
    if date_range(value) is None:
        return None
    return value.removesuffix("-WE")


#: Month names as news style abbreviates them ("Sept 2025", "13 Dec 2024").
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def readable(value: str) -> str:
    """A calendar value as a reader says it: "13 Dec 2024", "weekend of 7–8 Dec 2024", "week
    of 2 Dec 2024", "Sept 2025", "2014"; a value it cannot place comes back as it is."""
    span = date_range(value[:10] if re.match(r"\d{4}-\d{2}-\d{2}T", value) else value)
    if span is None:
        return value
    first, last = span

    def day(d: dt.date) -> str:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"

    if first == last:
        return day(first)
    if value.endswith("-WE"):
        if first.month == last.month:
            return f"weekend of {first.day}–{day(last)}"
        return f"weekend of {day(first)}–{day(last)}"
    if "-W" in value:
        return f"week of {day(first)}"
    if len(value) == 7:
        return f"{_MONTHS[first.month - 1]} {first.year}"
    return str(first.year)

"""Calendar arithmetic for time expressions: placing weekdays, months and holidays."""

from __future__ import annotations

import datetime as dt
from typing import Literal

#: Where to look for a day or month relative to the anchor. ``past`` / ``future`` allow the
#: anchor's own day (``Friday`` said on a Friday), ``before`` / ``after`` exclude it.
Direction = Literal["past", "future", "before", "after"]


def iso_week(day: dt.date) -> str:
    """TimeML week value, e.g. ``2024-W50``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after (or before, if negative) the given one."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def shift_date(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` days, weeks, months or years (clamped to month ends)."""
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit, 0)
    year, month = shift_month(day.year, day.month, months)
    last = _month_length(year, month)
    return dt.date(year, month, min(day.day, last))


def place_weekday(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The date of ``weekday`` (Monday = 0) nearest ``anchor`` in ``direction``."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "before":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor + dt.timedelta(days=ahead or 7)


def place_month(anchor: dt.date, month: int, direction: Direction) -> int:
    """Year of the occurrence of ``month`` nearest ``anchor`` in ``direction``."""
    year = anchor.year
    if direction == "past":
        return year if month <= anchor.month else year - 1
    if direction == "before":
        return year if month < anchor.month else year - 1
    if direction == "future":
        return year if month >= anchor.month else year + 1
    return year if month > anchor.month else year + 1


def place_day(
    anchor: dt.date, month: int, day: int, direction: Direction, slack: int = 0
) -> dt.date | None:
    """Nearest valid ``month``/``day`` in ``direction``; None if no year has that date.

    Args:
        anchor: The reference date.
        month: Month 1-12.
        day: Day of the month.
        direction: ``past``/``before`` or ``future``/``after``.
        slack: Days the date may lie on the wrong side of the anchor and still keep the
            nearer year (tense cues are weak, crossing a year on them is costly).
    """
    candidates = [_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    if not valid:
        return None
    margin = dt.timedelta(days=slack)
    if direction in ("past", "before"):
        earlier = [c for c in valid if c <= anchor + margin]
        return max(earlier) if earlier else min(valid)
    later = [c for c in valid if c >= anchor - margin]
    return min(later) if later else max(valid)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``dt.date`` or None for an impossible date such as 31 April."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_length(year: int, month: int) -> int:
    """Number of days in a month."""
    following = dt.date(*shift_month(year, month, 1), 1)
    return (following - dt.timedelta(days=1)).day


def quarter_of(day: dt.date) -> int:
    """Calendar quarter 1-4 of a date."""
    return (day.month - 1) // 3 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, _month_length(year, month))
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


#: US holidays on the n-th weekday of a month: first word -> (month, weekday, n).
_NTH_WEEKDAY = {
    "mother's": (5, 6, 2), "father's": (6, 6, 3), "martin": (1, 0, 3), "presidents": (2, 0, 3),
    "presidents'": (2, 0, 3), "columbus": (10, 0, 2),
}  # fmt: skip
#: Days from Easter Sunday of the feasts that move with it.
_EASTER_OFFSET = {"easter": 0, "good": -2, "palm": -7, "ash": -46}


def movable_holiday(name: str, year: int) -> dt.date | None:
    """Date of a US or Christian movable holiday in ``year``; None if not known."""
    key = name.lower().split()[0]
    if key == "thanksgiving":
        return nth_weekday(year, 11, 3, 4)
    if key == "election":
        # US Election Day: the Tuesday after the first Monday of November.
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if key == "labor":
        return nth_weekday(year, 9, 0, 1)
    if key == "memorial":
        return nth_weekday(year, 5, 0, -1)
    if key in _NTH_WEEKDAY:
        return nth_weekday(year, *_NTH_WEEKDAY[key])
    if key in _EASTER_OFFSET:
        return easter(year) + dt.timedelta(days=_EASTER_OFFSET[key])
    return None

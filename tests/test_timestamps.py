"""Time stamps and calendar values: sortable UTC keys, the days a value covers, how it reads."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfuse.timestamps import date_range, html_datetime, readable, shift_day, utc_key


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2024-12-13", "13 Dec 2024"),
        ("2024-12-10TMO", "10 Dec 2024"),
        ("2024-W49-WE", "weekend of 7–8 Dec 2024"),
        ("2024-W48-WE", "weekend of 30 Nov 2024–1 Dec 2024"),
        ("2024-W49", "week of 2 Dec 2024"),
        ("2025-09", "Sept 2025"),
        ("2014", "2014"),
        ("PRESENT_REF", "PRESENT_REF"),
    ],
)
def test_readable(value: str, said: str) -> None:
    assert readable(value) == said


def test_a_weekend_is_saturday_and_sunday() -> None:
    assert date_range("2024-W49-WE") == (dt.date(2024, 12, 7), dt.date(2024, 12, 8))


def test_stamps_sort_in_utc() -> None:
    assert utc_key("2025-03-05T17:05-03:00") > utc_key("2025-03-05T19:48Z")
    assert utc_key(None) == "~"


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00"),
        ("9999-12-31T23:59:59+14:00", "9999-12-31T23:59:59-14:00"),
        ("9999-12-31T23:59:59-14:00", None),
    ],
)
def test_stamps_at_the_ends_of_the_calendar_sort_without_overflow(
    earlier: str, later: str | None
) -> None:
    assert utc_key(earlier) < utc_key(later)


@pytest.mark.parametrize(
    ("day", "days", "shifted"),
    [
        (dt.date(1, 1, 3), -7, dt.date.min),
        (dt.date(9999, 12, 31), 1, dt.date.max),
        (dt.date(2024, 12, 13), 1, dt.date(2024, 12, 14)),
    ],
)
def test_shift_day_stops_at_the_ends_of_the_calendar(
    day: dt.date, days: int, shifted: dt.date
) -> None:
    assert shift_day(day, days) == shifted


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("9999-12", (dt.date(9999, 12, 1), dt.date(9999, 12, 31))),
        ("0001-01", (dt.date(1, 1, 1), dt.date(1, 1, 31))),
        ("9999-W52-WE", (dt.date(9999, 12, 31), dt.date(9999, 12, 31))),
        ("9999", (dt.date(9999, 1, 1), dt.date(9999, 12, 31))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    ],
)
def test_date_range_at_the_ends_of_the_calendar(value: str, span: tuple[dt.date, dt.date]) -> None:
    assert date_range(value) == span


@pytest.mark.parametrize(
    ("value", "attribute"),
    [
        ("2024-12-13", "2024-12-13"),
        ("2025-09", "2025-09"),
        ("2014", "2014"),
        ("2024-W49", "2024-W49"),
        # HTML has no weekend: the week that holds it.
        ("2024-W49-WE", "2024-W49"),
        ("2024-12-10TMO", "2024-12-10"),
        ("2024-12-07T10:30:00+00:00", "2024-12-07T10:30:00+00:00"),
        ("2024-SU", None),
        ("199X", None),
        ("2024-13", None),
        ("", None),
        (None, None),
    ],
)
def test_html_datetime(value: str | None, attribute: str | None) -> None:
    assert html_datetime(value) == attribute

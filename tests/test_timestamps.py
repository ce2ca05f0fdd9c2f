"""Time stamps and calendar values: sortable UTC keys, the days a value covers, how it reads."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfuse.timestamps import date_range, readable, utc_key


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

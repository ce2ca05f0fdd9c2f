"""Resolvers for stretches and repetitions of time: durations (``P3D``) and sets (``P1W``)."""

from __future__ import annotations

import re

from newsfuse.extract.dates.types import (
    DateContext,
    Resolution,
    Resolver,
    month_number,
    parse_number,
)
from newsfuse.extract.dates.words import (
    HALF_UNITS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
)


def unit_name(word: str) -> str:
    """Canonical singular unit: ``centuries`` -> ``century``."""
    word = word.lower()
    return {"centurie": "century", "millennia": "millennium"}.get(word, word)


def duration_value(amount: int | None, unit: str) -> Resolution:
    """ISO 8601 duration such as ``P3D``, ``PT2H``, ``PXY``."""
    letter, factor, is_time = UNITS[unit]
    if unit == "quarter":
        letter, factor = "M", 3  # ISO 8601 has no quarter designator
    if amount is None and factor > 1:
        # Ten or a hundred times "some" is not a number: vague decades and centuries keep
        # their own TimeML designators (PXE, PXC, PXL).
        letter = {10: "E", 100: "C", 1000: "L"}.get(factor, letter)
    number = "X" if amount is None else str(amount * factor)
    value = f"P{'T' if is_time else ''}{number}{letter}"
    if amount is None:
        return Resolution(value, "duration", "duration", "approximate", "vague amount of time")
    return Resolution(value, "duration", "duration")


def _duration(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``three days``, ``the past two months``, ``a five-year`` (ages and rates: timex_names)."""
    unit, num = unit_name(m["unit"]), " ".join(m["num"].lower().split())
    return duration_value(parse_number(num), unit)


def _vague_duration(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``recent years``, ``the next few days``, ``several months``."""
    return duration_value(None, unit_name(m["unit"]))


def _unit_long(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``weeklong``, ``a day-long meeting`` (one unit); ``a weeks-long strike`` (some)."""
    return duration_value(None if m["plural"] else 1, unit_name(m["unit"]))


def _set(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``daily``, ``every week``, ``each July``, ``twice a year``, ``three times per week``."""
    if m["adverb"]:
        return Resolution(SET_WORDS[m["adverb"].lower()], "set", "set")
    if m["month"]:
        return Resolution(f"XXXX-{month_number(m['month']):02d}", "set", "set")
    if m["weekday"]:
        return Resolution(f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}", "set", "set")
    if m["season"]:
        return Resolution(f"XXXX-{SEASONS[m['season'].lower()]}", "set", "set")
    unit = unit_name(m["unit"] or m["unit2"])
    letter, factor, is_time = UNITS[unit]
    every = 2 if "other" in m[0].lower() else 1
    return Resolution(f"P{'T' if is_time else ''}{every * factor}{letter}", "set", "set")


def _weekday_set(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``on Mondays``, ``Tuesday nights`` (``XXXX-WXX-2TNI``): every such day (or part)."""
    part = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else ""
    return Resolution(f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}{part}", "set", "set")


def _fraction(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``a year and a half``, ``two and a half days``, ``1 1/2 years``, ``half an hour``.

    As TimeML writes them, the whole units stay and the half is counted in the next smaller
    unit: ``P1Y6M``, ``P2DT12H``, ``PT5H30M`` (the three such durations of the TBAQ gold
    all have this form). Weeks, months and quarters, whose half is no whole number of a
    smaller unit, keep a decimal (``P1.5W``).
    """
    unit = unit_name(m["unit"])
    if m["one"] and not m["tail"]:
        return None  # "a man and a half": no unit before the half
    whole = 1 if m["one"] else parse_number(m["whole"]) if m["whole"] else 0
    if whole is None:
        return None
    letter, factor, is_time = UNITS[unit]
    if unit == "quarter":
        letter, factor = "M", 3
    if unit not in HALF_UNITS:
        return _iso_duration([(f"{(whole + 0.5) * factor:g}", letter, is_time)])
    half_letter, half_factor, half_is_time = HALF_UNITS[unit]
    if (half_letter, half_is_time) == (letter, is_time):
        # A decade and a half is 15 years: one designator, the units add up.
        number = (2 * whole + 1) * half_factor // 2
        return _iso_duration([(str(number), letter, is_time)])
    parts = [(str(whole * factor), letter, is_time)] if whole else []
    return _iso_duration(parts + [(str(half_factor // 2), half_letter, half_is_time)])


def _iso_duration(parts: list[tuple[str, str, bool]]) -> Resolution:
    """An ISO 8601 duration from (number, designator, is-time) parts, largest first."""
    date = "".join(number + letter for number, letter, is_time in parts if not is_time)
    time = "".join(number + letter for number, letter, is_time in parts if is_time)
    return Resolution(f"P{date}{'T' + time if time else ''}", "duration", "duration")


RESOLVERS: dict[str, Resolver] = {
    "duration": _duration, "vague_duration": _vague_duration, "set": _set,
    "weekday_set": _weekday_set, "fraction": _fraction, "unit_long": _unit_long,
}  # fmt: skip

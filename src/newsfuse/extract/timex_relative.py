"""Resolvers for expressions placed relative to the publication date or an earlier mention."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newsfuse.extract.timex_calendar import (
    iso_week,
    quarter_of,
    shift_date,
    shift_month,
)
from newsfuse.extract.timex_patterns import (
    REF_WORDS,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
)
from newsfuse.extract.timex_types import (
    Context,
    Resolution,
    Resolver,
    month_number,
    parse_number,
    unresolved,
)

#: Offset in units of a relative word before "week", "month", "year"...
_REL_OFFSET = {
    "last": -1, "this past": -1, "the previous": -1, "next": 1, "this coming": 1,
    "the following": 1, "this": 0, "the current": 0, "the same": 0,
}  # fmt: skip
#: "past year" and "the coming months" measure a stretch of time rather than name a period.
_DURATION_RELS = {"past", "coming", "the coming"}
#: Amounts in front of "a day" / "a year" that make it a rate: "$5 a day", "3% a year".
_RATE_CUE = re.compile(
    r"(?i:(?:\d|%|\bdollars?|\bcents?|\bpercent|\b(?:m|b|tr)illion|\btimes|\bonce|\btwice)\s*)$"
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _unit(word: str) -> str:
    """Canonical singular unit: ``centuries`` -> ``century``."""
    word = word.lower()
    return {"centurie": "century", "millennia": "millennium"}.get(word, word)


def _shift_value(base: Resolution, amount: int, unit: str) -> Resolution | None:
    """Move a concrete calendar value by ``amount`` units, keeping its granularity."""
    value, gran = base.value or "", base.granularity
    if gran in ("day", "part_of_day") and unit in ("day", "week", "month", "year"):
        day = shift_date(dt.date.fromisoformat(value[:10]), amount, unit)
        return Resolution(day.isoformat(), "day", "date")
    if gran == "month" and unit in ("month", "year"):
        months = amount * (12 if unit == "year" else 1)
        year, month = shift_month(int(value[:4]), int(value[5:7]), months)
        return Resolution(f"{year}-{month:02d}", "month", "date")
    if gran == "quarter" and unit in ("quarter", "year"):
        index = int(value[:4]) * 4 + int(value[-1]) - 1 + amount * (4 if unit == "year" else 1)
        return Resolution(f"{index // 4}-Q{index % 4 + 1}", "quarter", "date")
    if gran == "year" and unit in ("year", "decade"):
        years = amount * (10 if unit == "decade" else 1)
        return Resolution(str(int(value) + years), "year", "date")
    return None


def _anchor_resolution(anchor: dt.date, unit: str) -> Resolution:
    """The anchor at the granularity a unit asks for (``three months ago`` is a month)."""
    if unit in ("day", "week", "hour", "minute", "second"):
        return Resolution(anchor.isoformat(), "day", "date")
    if unit == "month":
        return Resolution(anchor.isoformat()[:7], "month", "date")
    if unit == "quarter":
        return Resolution(f"{anchor.year}-Q{quarter_of(anchor)}", "quarter", "date")
    return Resolution(str(anchor.year), "year", "date")


def _ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    """``three days ago``, ``a year earlier``, ``two weeks later``."""
    unit, direction = _unit(m["unit"]), " ".join(m["dir"].lower().split())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    amount = parse_number(m["num"])
    if amount is None:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution(ref, "vague", "date", "approximate", "vague amount of time")
    prev = ctx.previous
    # "a year ago/earlier" after a quarter is the year-ago quarter (financial reporting);
    # "earlier"/"later" count from the last date in view; else from the publication date.
    year_ago_quarter = unit == "year" and amount == 1 and ctx.quarter is not None
    if year_ago_quarter:
        prev = ctx.quarter
    anaphoric = direction not in ("ago", "from now", "hence") or year_ago_quarter
    if anaphoric and prev is not None:
        shifted = _shift_value(prev, sign * amount, unit)
        if shifted is not None:
            return shifted
    if ctx.anchor is None:
        return unresolved("day", "date", f"'{m[0]}'")
    if unit in ("hour", "minute", "second"):
        return Resolution(ctx.anchor.isoformat(), "day", "date", "approximate", "same day")
    base = _anchor_resolution(ctx.anchor, "day" if unit == "week" else unit)
    if unit == "decade":
        return _shift_value(base, sign * amount * 10, "year")
    return _shift_value(base, sign * amount, unit)


def _unit_rel(m: re.Match[str], ctx: Context) -> Resolution | None:
    """``last week``, ``next month``, ``this year``, ``last weekend``, ``last fall``."""
    rel = " ".join(m["rel"].lower().split())
    if m["season"] is None and rel in _DURATION_RELS:
        return _duration_value(1, _unit(m["unit"]))
    offset = _REL_OFFSET.get(rel, 0)
    if ctx.anchor is None:
        return unresolved(m["unit"] or "season", "date", f"'{m[0]}'")
    a = ctx.anchor
    if m["season"]:
        code = SEASONS[m["season"].lower()]
        start = _SEASON_START[code]
        year = a.year
        if offset < 0:
            year -= 0 if a.month >= start + 3 else 1
        elif offset > 0:
            year += 0 if a.month < start else 1
        return Resolution(f"{year}-{code}", "season", "date")
    unit = _unit(m["unit"])
    if unit in ("week", "weekend"):
        # Written on a Sunday, "last week" is the week ending that day (ISO weeks end Sunday).
        on_sunday = a.weekday() == 6 and offset < 0 and unit == "week"
        week = iso_week(a + dt.timedelta(weeks=0 if on_sunday else offset))
        return Resolution(week + ("-WE" if unit == "weekend" else ""), unit, "date")
    if unit == "day":
        return Resolution((a + dt.timedelta(days=offset)).isoformat(), "day", "date")
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        return Resolution(str(a.year // size + offset), unit, "date")
    return _shift_value(_anchor_resolution(a, unit), offset, unit)


def _anaphora(m: re.Match[str], ctx: Context) -> Resolution | None:
    """``that day``, ``the following week``, ``the same month``: from the last date in view."""
    rel = " ".join(m["arel"].lower().split())
    offset = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(rel, 0)
    unit = m["aunit"].lower()
    base = ctx.previous
    if base is None or not base.value:
        if ctx.anchor is None:
            return Resolution(None, unit, "date", "unresolved", "no earlier date in view")
        # News tells of the publication day unless it names another: with no date in
        # view, "the previous day" counts from the publication date (TimeML's default
        # reference time), but is only as sure as that guess.
        base = Resolution(ctx.anchor.isoformat(), "day", "date")
        res = _anaphora_value(base, offset, unit)
        reason = "no earlier date in view; counted from the publication date"
        return replace(res, status="approximate", reason=reason) if res else None
    return _anaphora_value(base, offset, unit)


def _anaphora_value(base: Resolution, offset: int, unit: str) -> Resolution | None:
    """The unit ``offset`` steps from a concrete earlier mention (0: the one containing it)."""
    value = base.value or ""
    if unit == "week" and base.granularity == "day":
        day = dt.date.fromisoformat(value[:10]) + dt.timedelta(weeks=offset)
        return Resolution(iso_week(day), "week", "date")
    coarse = {"year": value[:4], "month": value[:7]}.get(unit)
    if offset == 0 and coarse is not None and len(value) >= len(coarse):
        return Resolution(coarse, unit, "date")
    return _shift_value(base, offset, unit)


def _duration_value(amount: int | None, unit: str) -> Resolution:
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


def _duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    """``three days``, ``the past two months``, ``a five-year``, ``$5 a day`` (a rate)."""
    unit, num = _unit(m["unit"]), " ".join(m["num"].lower().split())
    after = m.string[m.end() : m.end() + 6].lower()
    if num in ("a", "an") and unit == "second":
        return None  # "a second" is mostly "another", not one second
    if m[0].lower().endswith("old") or after.startswith((" old", "-old")):
        return None  # an age ("a 44-year-old"), not a stretch of time
    if num in ("a", "an") and _RATE_CUE.search(ctx.before):
        return None  # a rate ("$5 a day", "3% a year"), not a time expression
    if unit == "quarter" and after.startswith(" of"):
        return None  # a fraction ("three-quarters of its food")
    return _duration_value(parse_number(num), unit)


def _vague_duration(m: re.Match[str], ctx: Context) -> Resolution:
    """``recent years``, ``the next few days``, ``several months``."""
    return _duration_value(None, _unit(m["unit"]))


def _set(m: re.Match[str], ctx: Context) -> Resolution | None:
    """``daily``, ``every week``, ``each July``, ``twice a year``."""
    if m["adverb"]:
        if m.string[m.end() : m.end() + 2].strip()[:1].isupper():
            return None  # a newspaper ("the party daily Granma"), not a frequency
        return Resolution(SET_WORDS[m["adverb"].lower()], "set", "set")
    if m["month"]:
        return Resolution(f"XXXX-{month_number(m['month']):02d}", "set", "set")
    if m["weekday"]:
        return Resolution(f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}", "set", "set")
    if m["season"]:
        return Resolution(f"XXXX-{SEASONS[m['season'].lower()]}", "set", "set")
    unit = _unit(m["unit"] or m["unit2"])
    letter, factor, is_time = UNITS[unit]
    every = 2 if "other" in m[0].lower() else 1
    return Resolution(f"P{'T' if is_time else ''}{every * factor}{letter}", "set", "set")


def _ref(m: re.Match[str], ctx: Context) -> Resolution | None:
    """``now``, ``recently``, ``the future``: the present, past or future at large."""
    if m[0] == "Now" and m.string.startswith(",", m.end()):
        return None  # "Now, he says, ...": a discourse marker, not a time
    if m[0].lower() == "now" and ctx.before.lower().endswith("for "):
        return None  # "for now": an idiom for "for the time being"
    value = REF_WORDS[" ".join(m[0].lower().split())]
    return Resolution(value, "vague", "date", "approximate", "no specific date")


RESOLVERS: dict[str, Resolver] = {
    "ago": _ago, "unit_rel": _unit_rel, "anaphora": _anaphora,
    "duration": _duration, "vague_duration": _vague_duration, "set": _set, "ref": _ref,
}  # fmt: skip

"""Resolvers for expressions placed relative to the publication date or an earlier mention."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newsfuse.extract.dates.calendar import iso_week, quarter_of, shift_date, shift_month
from newsfuse.extract.dates.durations import duration_value, unit_name
from newsfuse.extract.dates.types import DateContext, Resolution, Resolver, parse_number, unresolved
from newsfuse.extract.dates.words import REF_WORDS, SEASONS

#: Offset in units of a relative word before "week", "month", "year"...
_REL_OFFSET = {
    "last": -1, "this past": -1, "the previous": -1, "next": 1, "this coming": 1,
    "the following": 1, "this": 0, "the current": 0, "the same": 0,
}  # fmt: skip
#: Offset in units of the words that place "that day", "the following week", "the year before".
_ANAPHORA_OFFSET = {
    "the following": 1, "the next": 1, "after": 1, "the previous": -1, "the prior": -1,
    "the preceding": -1, "before": -1,
}  # fmt: skip
#: "past year" and "the coming months" measure a stretch of time rather than name a period.
_DURATION_RELS = {"past", "coming", "the coming"}
#: Units of "three days later" read as the duration between two events (all 5 such mentions
#: of the TBAQ gold are durations); years are left out for "a year earlier" in reports.
_OFFSET_UNITS = {"second", "minute", "hour", "day", "week", "month"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: "the" before "last week of June": a position within a period, not a step from today.
_POSITION_IN = re.compile(r"(?i:\bthe\s+)$")


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


def _ago(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``three days ago``, ``a year earlier``, ``two weeks later``."""
    unit, direction = unit_name(m["unit"]), " ".join(m["dir"].lower().split())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    amount = parse_number(m["num"])
    if direction in ("later", "earlier") and unit in _OFFSET_UNITS:
        # TimeML: in "three days later" the offset is a DURATION and "later" a signal
        # linking it to an event; only "a year earlier" names a date (the year-ago period).
        return duration_value(amount, unit)
    if amount is None:
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution(ref, "vague", "date", "approximate", "vague amount of time")
    prev = ctx.previous
    # "a year ago/earlier" after a quarter is the year-ago quarter (financial reporting);
    # "earlier"/"later" count from the last date in view; else from the publication date.
    year_ago_quarter = unit == "year" and amount == 1 and ctx.quarter is not None
    if year_ago_quarter:
        prev = ctx.span or ctx.quarter
    anaphoric = direction not in ("ago", "from now", "from today", "hence") or year_ago_quarter
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


def _unit_rel(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``last week``, ``next month``, ``this year``, ``last weekend``, ``last fall``."""
    rel = " ".join(m["rel"].lower().split())
    if m["season"] is None and rel in _DURATION_RELS:
        return duration_value(1, unit_name(m["unit"]))
    offset = _REL_OFFSET.get(rel, 0)
    of_something = m.string.startswith(" of ", m.end())
    if rel in ("last", "next") and of_something and _POSITION_IN.search(ctx.before):
        return None  # "the last week of June": a week of June, not the one before this
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
    unit = unit_name(m["unit"])
    if unit in ("week", "weekend"):
        week = iso_week(a + dt.timedelta(weeks=offset))
        return Resolution(week + ("-WE" if unit == "weekend" else ""), unit, "date")
    if unit == "day":
        return Resolution((a + dt.timedelta(days=offset)).isoformat(), "day", "date")
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        return Resolution(str(a.year // size + offset), unit, "date")
    return _shift_value(_anchor_resolution(a, unit), offset, unit)


def _anaphora(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``that day``, ``the following week``, ``the same month``: from the last date in view."""
    rel = " ".join((m["arel"] or m["brel"]).lower().split())
    offset = _ANAPHORA_OFFSET.get(rel, 0)
    unit = (m["aunit"] or m["bunit"]).lower()
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
    """The unit ``offset`` steps from a concrete earlier mention (0: the one containing it).

    The value has the granularity of the unit named, as TIMEX3 asks: "the following year"
    after "Oct. 23, 1998" is ``1999``, not a day a year on.
    """
    value = base.value or ""
    if unit == "week" and base.granularity in ("day", "part_of_day"):
        day = dt.date.fromisoformat(value[:10]) + dt.timedelta(weeks=offset)
        return Resolution(iso_week(day), "week", "date")
    size = {"year": 4, "month": 7}.get(unit, 0)
    if size and base.granularity in ("day", "part_of_day", "month", "quarter", "year"):
        if unit == "month" and base.granularity in ("quarter", "year"):
            return None  # no month to count from
        return _shift_value(Resolution(value[:size], unit, "date"), offset, unit)
    return _shift_value(base, offset, unit)


def _ref(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``now``, ``recently``, ``the future``: the present, past or future at large."""
    value = REF_WORDS[" ".join(m[0].lower().split())]
    return Resolution(value, "vague", "date", "approximate", "no specific date")


RESOLVERS: dict[str, Resolver] = {
    "ago": _ago, "unit_rel": _unit_rel, "anaphora": _anaphora, "ref": _ref,
}  # fmt: skip

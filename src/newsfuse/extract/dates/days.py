"""Resolvers for days and parts of days: weekdays, today, tonight, clock times, weekends."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newsfuse.extract.dates.calendar import iso_week, place_weekday
from newsfuse.extract.dates.types import (
    DateContext,
    Resolution,
    Resolver,
    rel_direction,
    unresolved,
)
from newsfuse.extract.dates.words import GENERIC_AFTER_TODAY, PARTS_OF_DAY, WEEKDAYS

_DAY_WORD_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_DAY_WORD_OFFSET |= {"the day before yesterday": -2, "the day after tomorrow": 2}
#: Days from the day in view of "the next morning", "the previous night".
_POD_STEP = {"next": 1, "following": 1, "previous": -1}
#: TIMEX3 values of "today" and "tomorrow" in their generic sense (now, the future).
_GENERIC_REF = {"today": "PRESENT_REF", "tomorrow": "FUTURE_REF"}
_POSSESSIVE_NOUN = re.compile(r"'s\s+([A-Za-z]+)")
#: "the leaders of tomorrow", "the youth of today"; not "the end / rest / morning of today".
_NOUN_OF = re.compile(
    r"(?i:\bthe\s+(?!(?:end|rest|remainder|start|beginning|middle|close|course|morning|"
    r"afternoon|evening|night|events|results)\b)[a-z]+\s+of\s+)$"
)


def _is_generic(m: re.Match[str], ctx: DateContext) -> bool:
    """True for "today" meaning nowadays: "today's youth", "the leaders of tomorrow"."""
    if m["pod"]:
        return False
    after = _POSSESSIVE_NOUN.match(m.string, m.end())
    if after is not None:
        return m["word"].lower() == "today" and after[1].lower() in GENERIC_AFTER_TODAY
    return _NOUN_OF.search(ctx.before) is not None


def _day_value(day: dt.date, pod: str | None) -> Resolution:
    """A day, or a part of it (``2024-12-13TMO``) when a part of day is named."""
    if pod is None:
        return Resolution(day.isoformat(), "day", "date")
    return Resolution(f"{day.isoformat()}{PARTS_OF_DAY[pod.lower()]}", "part_of_day", "time")


def _day_word(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``today``, ``yesterday``, ``tomorrow night``; ``today's youth`` is the present."""
    word = " ".join(m["word"].lower().split())
    if word in _GENERIC_REF and _is_generic(m, ctx):
        return Resolution(_GENERIC_REF[word], "vague", "date", "approximate", "generic use")
    if ctx.anchor is None:
        return unresolved("day", "date", f"'{word}'")
    pod = m["pod"] or ("night" if word == "tonight" else None)
    return _day_value(ctx.anchor + dt.timedelta(days=_DAY_WORD_OFFSET[word]), pod)


def _pod_rel(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``this morning``, ``last night``, ``that evening``."""
    if m[0].lower() == "overnight":
        return None
    rel = m["prel"].lower().split()[-1]
    if rel in ("that", "next", "following", "previous"):
        # "that night", "the next morning": the day in view, or the one after / before it.
        step = _POD_STEP.get(rel, 0)
        prev = ctx.previous
        if prev is not None and prev.granularity in ("day", "part_of_day") and prev.value:
            return _day_value(dt.date.fromisoformat(prev.value[:10]) + dt.timedelta(step), m["pod"])
        if rel == "that" or ctx.anchor is None:
            return Resolution(None, "part_of_day", "time", "unresolved", "no earlier day in view")
        # As "the previous day" does: counted from the publication date, a guess.
        res = _day_value(ctx.anchor + dt.timedelta(days=step), m["pod"])
        reason = "no earlier day in view; counted from the publication date"
        return replace(res, status="approximate", reason=reason)
    if ctx.anchor is None:
        return unresolved("part_of_day", "time", "the part of day")
    back = m["prel"].lower() == "last"
    return _day_value(ctx.anchor - dt.timedelta(days=back), m["pod"])


def _pod_bare(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``the morning``, ``mid afternoon``: part of the day in view, else of the anchor."""
    prev = ctx.previous
    if prev is not None and prev.granularity in ("day", "part_of_day") and prev.value:
        return _day_value(dt.date.fromisoformat(prev.value[:10]), m["pod"])
    if ctx.anchor is None:
        return unresolved("part_of_day", "time", "the part of day")
    return _day_value(ctx.anchor, m["pod"])


def _clock(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``10:30 a.m.``, ``noon``: on the day its sentence names, else on the publication day.

    "Tuesday at 3 a.m." is Tuesday's; a day right after the time ("10 p.m. Wednesday") is
    joined to it in ``dates``.
    """
    if m["clockword"]:
        hour, minute = (0, 0) if m["clockword"].lower() == "midnight" else (12, 0)
    elif m["hh"]:
        hour, minute = int(m["hh"]), int(m["mm"])
    else:
        hour, minute = int(m["hour"]) % 12, int(m["minute"] or 0)
        hour += 12 if m["ampm"].lower().startswith("p") else 0
    clock = f"T{hour:02d}:{minute:02d}"
    prev = ctx.previous
    if prev is not None and prev.granularity in ("day", "part_of_day") and prev.value:
        return Resolution(f"{prev.value[:10]}{clock}", "time", "time")
    if ctx.anchor is None:
        return Resolution(
            f"XXXX-XX-XX{clock}", "time", "time", "unresolved", "no publication date; day unknown"
        )
    return Resolution(f"{ctx.anchor.isoformat()}{clock}", "time", "time")


def _weekday(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``Friday``, ``last Sunday``, ``next Monday``, ``Tuesday morning``."""
    if ctx.anchor is None:
        granularity = "part_of_day" if m["pod"] else "day"
        return unresolved(granularity, "time" if m["pod"] else "date", "weekday")
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    weekday = WEEKDAYS[m["weekday"].lower()]
    base = ctx.anchor
    prev = ctx.previous
    if rel in ("the previous", "the following") and prev and prev.granularity == "day":
        base = dt.date.fromisoformat(prev.value or "")  # counted from the day just named
    direction = rel_direction(None if rel == "this" else rel, ctx)
    if rel is None and not m["pod"] and m.string[m.end() : m.end() + 3] in ("'s ", "\u2019s "):
        # "Tuesday's declaration": an event named by its day is one already reported
        # (all 17 possessive weekdays of the TBAQ gold, both halves, are on or before it).
        direction = "past"
    day = place_weekday(base, weekday, direction)
    return _day_value(day, m["pod"])


def _weekend(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``the weekend``: this one when published on it, else the last one (next if future)."""
    if ctx.anchor is None:
        return unresolved("weekend", "date", "the weekend")
    on_weekend = ctx.anchor.weekday() >= 5
    back = 0 if on_weekend or ctx.tense == "future" else 7
    return Resolution(f"{iso_week(ctx.anchor - dt.timedelta(days=back))}-WE", "weekend", "date")


def _in_the(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``later in the day``, ``early in the week``: the day (week, month) in view, else now."""
    unit = m["iunit"].lower()
    prev = ctx.previous
    if prev is not None and prev.granularity in ("day", "part_of_day") and prev.value:
        day = dt.date.fromisoformat(prev.value[:10])
    elif ctx.anchor is None:
        return unresolved(unit, "date", f"'{m[0]}'")
    else:
        day = ctx.anchor
    if unit == "week":
        return Resolution(iso_week(day), "week", "date")
    if unit == "month":
        return Resolution(day.isoformat()[:7], "month", "date")
    return Resolution(day.isoformat(), "day", "date")


RESOLVERS: dict[str, Resolver] = {
    "day_word": _day_word, "pod_rel": _pod_rel, "pod_bare": _pod_bare, "clock": _clock,
    "weekday": _weekday, "weekend": _weekend, "in_the": _in_the,
}  # fmt: skip

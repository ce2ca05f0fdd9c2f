"""Resolvers for calendar names: dates, months, quarters, years, decades, holidays, seasons."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from newsfuse.extract.dates.calendar import iso_week, movable_holiday, place_day, place_month
from newsfuse.extract.dates.types import (
    DateContext,
    Resolution,
    Resolver,
    month_number,
    rel_direction,
    tense_direction,
    unresolved,
)
from newsfuse.extract.dates.words import (
    DAY_ORDINALS,
    DECADE_WORDS,
    FIXED_HOLIDAYS,
    MONTH_CUE_WORDS,
    SEASONS,
)

#: Words right before a bare "May" that make it the month rather than the modal verb.
_MAY_CUES = re.compile(rf"(?i:\b(?:{MONTH_CUE_WORDS})[\s-]*)$")
#: Words before a bare "spring" / "fall" that make it the season, not the verb or noun.
_SEASON_CUES = re.compile(r"(?i:\b(?:in|during|by|until|since|this|last|next|the)\s+)$")
#: Words in front of a bare four-digit number that make it a year, not a count.
_YEAR_CUES = re.compile(
    r"(?i:(?:\b(?:in|since|of|by|until|till|from|to|and|the|before|after|during|through|"
    r"early|late|mid|between|for|fiscal|calendar|year|spring|summer|fall|autumn|winter)"
    r"[\s-]*|[,(]\s*)$)"
)
#: What comes before the second day of a pair: ``April 24 and``, ``Oct. 3, 1999, or``.
_PAIR_CUE = re.compile(
    r"\b(?P<month>(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+"
    r"[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?P<year>1[0-9]\d\d|20\d\d))?,?\s+(?:and|or|to|through)\s+$"
)
_DECADE_CENTURY = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20}


#: Days a year-less date may sit on the "wrong" side of the publication date for its tense
#: and keep the publication year (calibrated on the even half of TBAQ, value F1).
_YEAR_SLACK_DAYS = 90
#: The same for a bare month name in a past-tense sentence, in months (same calibration).
_MONTH_SLACK = 1


@lru_cache(maxsize=1024)
def _dateparser_numeric(surface: str) -> dt.date | None:
    """A numeric date (``12/13/24``): dateparser knows the two-digit year rules; US order."""
    settings = {"DATE_ORDER": "MDY", "STRICT_PARSING": True, "PREFER_LOCALE_DATE_ORDER": False}
    parsed = dateparser.parse(surface, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


def _calendar_date(month: int, day: int, year: str | None, ctx: DateContext) -> Resolution | None:
    """A month-day, with or without its year."""
    if year is not None:
        try:
            return Resolution(dt.date(int(year), month, day).isoformat(), "day", "date")
        except ValueError:
            return None
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return Resolution(
            f"XXXX-{month:02d}-{day:02d}", "day", "date", "unresolved",
            "no publication date; the year cannot be inferred",
        )  # fmt: skip
    direction = tense_direction(ctx.tense)
    placed = place_day(ctx.anchor, month, day, direction, slack=_YEAR_SLACK_DAYS)
    return Resolution(placed.isoformat(), "day", "date") if placed else None


def _date_named(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``Oct. 7, 2023``, ``Friday, Oct. 23``, ``13 December 2024``, ``March eighth``."""
    if m["day"]:
        day = int(m["day"])
    elif m["dayword"][0].isupper() or ("of" in m.re.groupindex and not m["of"]):
        return None  # "Second March", "a second March rally": not a spelled date
    else:
        day = DAY_ORDINALS["-".join(m["dayword"].lower().split())]
    res = _calendar_date(month_number(m["month"]), day, m["year"], ctx)
    if res is not None and res.value and "weekof" in m.re.groupindex and m["weekof"]:
        # "the week of March 6": the ISO week that holds the day.
        return Resolution(iso_week(dt.date.fromisoformat(res.value)), "week", "date")
    return res


def _day_pair(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``25`` in ``April 24 and 25``: the same month (and year) as the day just named."""
    pair = _PAIR_CUE.search(ctx.before)
    if pair is None:
        return None
    month, day = month_number(pair["month"]), int(m["day"])
    prev = ctx.previous
    if prev is not None and prev.granularity == "day" and prev.value:
        try:
            return Resolution(dt.date(int(prev.value[:4]), month, day).isoformat(), "day", "date")
        except ValueError:
            return None
    return _calendar_date(month, day, pair["year"], ctx)


def _date_numeric(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``2024-12-13`` and US-style ``12/13/2024`` or ``12/13/24``."""
    if "/" not in m[0]:
        return _calendar_date(int(m["m"]), int(m["d"]), m["year"], ctx)
    parsed = _dateparser_numeric(m[0])
    return Resolution(parsed.isoformat(), "day", "date") if parsed else None


def _month_year(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``September 2025``, ``September this year``, ``June of last year``, ``January
    nineteen ninety-seven``."""
    month = month_number(m["month"])
    if m["year"]:
        return Resolution(f"{m['year']}-{month:02d}", "month", "date")
    if m["yrel"] is None:
        return Resolution(f"{_spelled_year_number(m)}-{month:02d}", "month", "date")
    if ctx.anchor is None:
        return unresolved("month", "date", "the month's year")
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    return Resolution(f"{year}-{month:02d}", "month", "date")


def _month(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """A month name without a day: ``March``, ``last May``, ``next September``."""
    name = m["month"].rstrip(".")
    if len(name) <= 4 and name.lower() not in ("may", "june", "july"):
        return None  # a lone "Oct" or "Dec" is more often a name than a month
    if name == "May" and m["rel"] is None and not _MAY_CUES.search(ctx.before):
        return None
    if ctx.anchor is None:
        return unresolved("month", "date", "the month's year")
    month = month_number(name)
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    direction = rel_direction(rel, ctx)
    if rel == "this":
        year = ctx.anchor.year
    elif direction == "past" and ctx.anchor.month < month <= ctx.anchor.month + _MONTH_SLACK:
        # Past-tense reports name the coming month for what is already arranged
        # ("trading for November" said in late October): keep the current year.
        year = ctx.anchor.year
    else:
        year = place_month(ctx.anchor, month, direction)
    return Resolution(f"{year}-{month:02d}", "month", "date")


def _year(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """A four-digit year; counts such as "1500 troops" are dropped."""
    year = int(m["year"])
    has_prefix = m[0][0].isalpha()
    if not (1900 <= year <= 2040 or has_prefix or _YEAR_CUES.search(ctx.before)):
        return None
    return Resolution(str(year), "year", "date")


def _decade(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``the 1990s``, ``the early 1980s``, ``the '80s``, ``the nineties``."""
    if m["dec"]:
        value = m["dec"][:3]
    else:
        digit = str(DECADE_WORDS.index(m["decword"].lower()) + 2) if m["decword"] else m["dec2"][0]
        century = ctx.anchor.year // 100 if ctx.anchor else 19
        if ctx.anchor and century * 100 + int(digit) * 10 > ctx.anchor.year:
            century -= 1  # "the '80s" written in 2024 are the 1980s, not a decade ahead
        value = f"{century}{digit}"
    mod = m["mod"] or m["wmod"]
    if mod:
        return Resolution(value, "decade", "date", "approximate", f"'{mod}' part of it")
    return Resolution(value, "decade", "date")


def _century(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``the 20th century``."""
    word = m["ord"].lower()
    number = int(word[:-2]) if word[:-2].isdigit() else _DECADE_CENTURY.get(word)
    return Resolution(f"{number - 1:02d}", "century", "date") if number else None


def _spelled_year_number(m: re.Match[str]) -> int:
    """The year of a match of the spelled-year pattern (``nineteen ninety-four``)."""
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    if m["tens"]:
        year = 1900 + 10 * (tens.index(m["tens"].lower()) + 2)
        return year + (ones.index(m["ones"].lower()) if m["ones"] else 0)
    return 2000 + (ones.index(m["ones2"].lower()) if m["ones2"] else 0)


def _spelled_year(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``nineteen seventy-nine``, ``the year two thousand``."""
    return Resolution(str(_spelled_year_number(m)), "year", "date")


def _holiday(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``Thanksgiving``, ``Election Day``, ``Christmas 2023``, ``Easter week``."""
    name = " ".join(m["name"].lower().split())

    def on(year: int) -> dt.date | None:
        if name in FIXED_HOLIDAYS:
            return dt.date(year, *FIXED_HOLIDAYS[name])
        return movable_holiday(name, year)

    if m["year"]:
        day = on(int(m["year"]))
    elif ctx.anchor is None:
        return unresolved("day", "date", "the holiday's year")
    else:
        # The same slack as for a year-less date: "as Easter week began", written six days
        # before Easter, is this year's Easter even in a past-tense sentence.
        day = on(ctx.anchor.year)
        slack = dt.timedelta(days=_YEAR_SLACK_DAYS)
        if day is not None and ctx.tense == "past" and day > ctx.anchor + slack:
            day = on(ctx.anchor.year - 1)
        elif day is not None and ctx.tense == "future" and day < ctx.anchor - slack:
            day = on(ctx.anchor.year + 1)
    if day is None:
        return None
    if m["hunit"] and m["hunit"].lower() == "week":
        return Resolution(iso_week(day), "week", "date")  # "Easter week": the week it is in
    if m["hunit"]:
        # "Labor Day weekend" (a Monday) is the weekend before, "Thanksgiving weekend" (a
        # Thursday) the one after: the weekend whose Sunday is nearest the holiday.
        ahead = 6 - day.weekday()  # days to the Sunday after (0 on a Sunday)
        sunday = day + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
        return Resolution(f"{iso_week(sunday)}-WE", "weekend", "date")
    return Resolution(day.isoformat(), "day", "date")


def _season(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``summer``, ``the winter of 1994``, ``the winter of nineteen ninety-four``."""
    season = m["season"].lower()
    if m["year"] or m["tens"] or m["ones2"] or m[0].lower().endswith("thousand"):
        year = m["year"] or _spelled_year_number(m)
        return Resolution(f"{year}-{SEASONS[season]}", "season", "date")
    if season in ("spring", "fall") and not _SEASON_CUES.search(ctx.before):
        return None
    if m.string.startswith(" of ", m.end()):
        return None  # "the fall of Saddam Hussein": an event, not a season
    if ctx.anchor is None:
        return unresolved("season", "date", "the season's year")
    return Resolution(f"{ctx.anchor.year}-{SEASONS[season]}", "season", "date")


def _the_year(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``the year``, ``the fiscal year``, ``the latest fiscal year``; ``for the year ended``."""
    words = m[0].lower().split()
    if m.string[m.end() : m.end() + 7] in (" ended ", " ending"):
        return Resolution("P1Y", "duration", "duration")
    if "past" in words or "coming" in words:
        return Resolution("P1Y", "duration", "duration")
    if ctx.anchor is None:
        return unresolved("year", "date", "the year")
    # "the latest fiscal year" is the last one closed; "the previous year" the one before.
    back = "latest" in words or "previous" in words
    return Resolution(str(ctx.anchor.year - back), "year", "date")


def _year_end(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``year-end`` (the last day of a year); ``the end of the year / month / week``.

    "The end of the month" is the current one, as "the end of this month" would be.
    """
    if ctx.anchor is None:
        return unresolved("day", "date", "the year's end")
    unit = (m["eunit"] or "").lower()
    if unit:
        value = {"year": str(ctx.anchor.year), "month": ctx.anchor.isoformat()[:7]}.get(unit)
        value = value or iso_week(ctx.anchor)
        return Resolution(value, unit, "date", "approximate", f"end of the {unit}")
    # Reported as past, "year-end" is the close of the last year; looking ahead, of this one.
    year = ctx.anchor.year - (ctx.tense == "past" and ctx.anchor.month < 12)
    return Resolution(f"{year}-12-31", "day", "date")


RESOLVERS: dict[str, Resolver] = {
    "date_mdy": _date_named, "date_dmy": _date_named, "day_pair": _day_pair,
    "date_iso": _date_numeric, "date_slash": _date_numeric, "month_year": _month_year,
    "month": _month,
    "year": _year,
    "decade": _decade, "century": _century, "spelled_year": _spelled_year,
    "holiday": _holiday, "season": _season, "year_end": _year_end, "the_year": _the_year,
}  # fmt: skip

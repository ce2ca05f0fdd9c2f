"""Values shared by the time-expression resolvers: context in, resolution out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from newsfuse.extract.dates.calendar import Direction
from newsfuse.extract.dates.words import MONTHS, NUMBER_WORDS, VAGUE_QUANTITIES

Tense = Literal["past", "future"]
Status = Literal["exact", "approximate", "unresolved"]


@dataclass(frozen=True)
class Resolution:
    """What one candidate means: a TimeML-like value and how sure we are of it."""

    value: str | None
    granularity: str
    kind: str
    status: Status = "exact"
    reason: str = ""


@dataclass(frozen=True)
class DateContext:
    """What a resolver may use besides the match itself.

    Attributes:
        anchor: Publication date, or None when unknown.
        tense: Tense cue of the surrounding words.
        previous: The last concrete calendar mention before this one, if close by; used by
            anaphoric expressions ("a year earlier", "that day", "the next morning") and,
            within the same sentence only, by clock times ("Tuesday at 3 a.m.").
        before: Text just before the mention (a few dozen characters).
        quarter: The last quarter named in the text, if any; financial reports compare
            with "a year earlier" to the quarter, not to the last date.
        span: The year of a span of months named after that quarter ("the first nine
            months"), if any: "a year earlier" then compares with that span, and TimeML,
            having no value for "the first nine months of 1988", gives its year.
    """

    anchor: dt.date | None
    tense: Tense
    previous: Resolution | None
    before: str
    quarter: Resolution | None = None
    span: Resolution | None = None


#: A resolver turns a match into a resolution, or None to drop a false candidate.
Resolver = Callable[[re.Match[str], DateContext], Resolution | None]

_NUMBER_SPLIT = re.compile(r"[\s,-]+")
#: Relative words before a month or weekday, mapped to where to look from the anchor.
_REL_DIRECTION: dict[str, Direction] = {
    "last": "before", "past": "before", "this past": "before", "the previous": "before",
    "next": "after", "coming": "after", "this coming": "after", "the coming": "after",
    "the following": "after",
}  # fmt: skip


def unresolved(granularity: str, kind: str, what: str) -> Resolution:
    """Resolution of a relative expression when no publication date is known."""
    return Resolution(
        None, granularity, kind, "unresolved", f"no publication date; {what} cannot be placed"
    )


def tense_direction(tense: Tense) -> Direction:
    """Search direction implied by tense: the anchor's own day counts in both."""
    return "future" if tense == "future" else "past"


def parse_number(text: str) -> int | None:
    """Integer of ``12``, ``1,000``, ``twenty four``, ``a hundred``; None when vague.

    Args:
        text: The quantity as written.

    Returns:
        The number, or None for vague quantities such as "several" or "a few".
    """
    words = text.lower().strip()
    if words in VAGUE_QUANTITIES:
        return None
    if words.replace(",", "").replace(".", "", 1).isdigit():
        return int(float(words.replace(",", "")))
    if re.fullmatch(r"(?:a\s+)?couple\s+of", words):
        return 2
    total = 0
    for token in _NUMBER_SPLIT.split(words):
        value = NUMBER_WORDS.get(token)
        if value is None:
            return None
        # "a hundred", "two hundred": multipliers scale what came before them.
        total = max(total, 1) * value if value in (100, 1000) else total + value
    return total or None


def month_number(name: str) -> int:
    """Month number of a full or abbreviated month name (``Sept.`` -> 9)."""
    return MONTHS[name.rstrip(".").lower()]


def rel_direction(rel: str | None, ctx: DateContext) -> Direction:
    """Direction for a relative word, else the tense's."""
    if rel is None:
        return tense_direction(ctx.tense)
    return _REL_DIRECTION.get(" ".join(rel.lower().split()), tense_direction(ctx.tense))

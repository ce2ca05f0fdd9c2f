"""Resolvers for reporting periods: quarters, half-years and "the quarter" of a report."""

from __future__ import annotations

import re

from newsfuse.extract.dates.calendar import place_month, quarter_of
from newsfuse.extract.dates.types import DateContext, Resolution, Resolver, month_number, unresolved
from newsfuse.extract.dates.words import MONTH_NAME

_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINAL_QUARTER |= {"fourth": 4, "4th": 4, "last": 2}
#: The last day of a period named after it: "the quarter ended Sept. 30, 1989".
_ENDED = re.compile(
    rf"\s+(?:ended|ending)\s+(?P<month>{MONTH_NAME})\s+[0-3]?\d\b(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
#: Years from the publication year of "last year's first half", "the second half of next year".
_YEAR_STEP = {"last": -1, "next": 1}


def _quarter_year(m: re.Match[str], quarter: int, ctx: DateContext) -> int | None:
    """The year a quarter expression refers to, explicit or inferred from the anchor."""
    surface = m[0].lower()
    explicit = m["ypos"] or m["yr"] or m["yof"]
    if explicit:
        return int(explicit)
    if ctx.anchor is None:
        return None
    if m["qyrel"]:
        # "next year's first quarter", "this year's third quarter": the year says which.
        return ctx.anchor.year + _YEAR_STEP.get(m["qyrel"].lower(), 0)
    if "year-earlier" in surface or "year-ago" in surface:
        return ctx.anchor.year - 1
    # Results are reported for quarters that have begun: "the fourth quarter" said in
    # February is last year's, unless the sentence looks ahead.
    starts_later = quarter > quarter_of(ctx.anchor)
    return ctx.anchor.year - 1 if starts_later and ctx.tense == "past" else ctx.anchor.year


def _quarter(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``the third quarter``, ``third-quarter``, ``the fourth quarter of 1990``."""
    quarter = _ORDINAL_QUARTER[m["ord"].lower()]
    year = _quarter_year(m, quarter, ctx)
    if year is None:
        return unresolved("quarter", "date", "the quarter's year")
    return Resolution(f"{year}-Q{quarter}", "quarter", "date")


def _half(m: re.Match[str], ctx: DateContext) -> Resolution:
    """``the first half``, ``the last half of 1989``, ``the second half of the '80s``."""
    if m["hdec"] or m["hdec2"]:
        decade = m["hdec"][:3] if m["hdec"] else f"19{m['hdec2'][0]}"
        return Resolution(decade, "decade", "date", "approximate", "half of the decade")
    half = 1 if m["ord"].lower() == "first" else 2
    explicit = m["yof"] or m["ypos"]
    if explicit:
        return Resolution(f"{explicit}-H{half}", "half", "date")
    if ctx.anchor is None:
        return unresolved("half", "date", "the half-year")
    rel = (m["yrel"] or m["hrel"] or "").lower()
    year = ctx.anchor.year + _YEAR_STEP.get(rel, 0)
    if rel in ("", "the") and half == 2 and ctx.anchor.month < 7 and ctx.tense == "past":
        year -= 1  # as for quarters: a reported second half that has not begun is last year's
    return Resolution(f"{year}-H{half}", "half", "date")


def _ref_quarter(m: re.Match[str], ctx: DateContext) -> Resolution | None:
    """``the quarter``, ``the latest quarter``, ``the year-earlier period``, ``year-ago``."""
    surface = " ".join(m[0].lower().split())
    year_back = any(w in surface for w in ("year-earlier", "year-ago", "prior-year", "last year"))
    year_back = year_back or m["yback"] is not None
    if m["pyear"]:
        # "the 1989 period": the quarter in view, in the year named.
        if ctx.quarter is None or not ctx.quarter.value or ctx.span is not None:
            return Resolution(m["pyear"], "year", "date")
        return Resolution(f"{m['pyear']}-{ctx.quarter.value[5:]}", "quarter", "date")
    if surface.endswith("period") and not year_back and "latest" not in surface:
        # "the period" alone is too vague to be a quarter; "the latest period" of a
        # financial report is the quarter reported, as "the latest quarter" is.
        return None
    if ctx.span is not None and ctx.span.value and year_back and m["what"] != "quarter":
        # "year-earlier net" after "the first nine months": that span a year back.
        return Resolution(str(int(ctx.span.value) - 1), "year", "date")
    if "current" in surface and not year_back and ctx.anchor is not None:
        # "the current quarter" holds the publication date (TimeML: the present's quarter),
        # whatever quarter the report is about.
        return Resolution(f"{ctx.anchor.year}-Q{quarter_of(ctx.anchor)}", "quarter", "date")
    ended = _ENDED.match(m.string, m.end())
    if ended and not year_back and not m["qstep"] and ctx.anchor is not None:
        # "the quarter ended Sept. 30": the calendar quarter holding its last day.
        month = month_number(ended["month"])
        closed = ended[0].lstrip().lower().startswith("ended")
        year = int(ended["year"] or place_month(ctx.anchor, month, "past" if closed else "future"))
        return Resolution(f"{year}-Q{(month - 1) // 3 + 1}", "quarter", "date")
    prev = ctx.quarter
    if prev is not None and prev.value:
        year, quarter = int(prev.value[:4]), int(prev.value[-1])
    elif ctx.anchor is not None:
        # Without an earlier quarter in view, "the quarter" is the last one completed.
        year, quarter = divmod(ctx.anchor.year * 4 + quarter_of(ctx.anchor) - 2, 4)
        quarter += 1
    else:
        return unresolved("quarter", "date", "the quarter")
    if year_back:
        year -= 1
    if m["qstep"]:
        # "the previous quarter", "the next quarter": one step from the quarter in view.
        step = 1 if m["qstep"].lower() in ("next", "following") else -1
        year, quarter = divmod(year * 4 + quarter - 1 + step, 4)
        quarter += 1
    return Resolution(f"{year}-Q{quarter}", "quarter", "date")


RESOLVERS: dict[str, Resolver] = {
    "quarter": _quarter, "half": _half, "ref_quarter": _ref_quarter,
}  # fmt: skip

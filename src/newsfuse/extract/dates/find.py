"""Date stage: every time expression in a text, normalised against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from newsfuse.extract.dates.absolute import RESOLVERS as ABSOLUTE
from newsfuse.extract.dates.days import RESOLVERS as DAYS
from newsfuse.extract.dates.durations import RESOLVERS as DURATIONS
from newsfuse.extract.dates.names import is_lookalike
from newsfuse.extract.dates.patterns import (
    ADJECTIVAL_ARTICLE,
    CLOCK_DAY_GAP,
    COMPILED,
    DATE_PREFIX,
    DURATION_PREFIX,
    RULE_KEYS,
)
from newsfuse.extract.dates.quarters import RESOLVERS as QUARTERS
from newsfuse.extract.dates.relative import RESOLVERS as RELATIVE
from newsfuse.extract.dates.types import DateContext, Resolution, Tense
from newsfuse.extract.dates.words import FUTURE_BEFORE, FUTURE_CUES, PAST_CUES
from newsfuse.models import DateMention

__all__ = ["find_dates", "publication_date"]

_RESOLVERS = ABSOLUTE | QUARTERS | DAYS | RELATIVE | DURATIONS
#: Rules whose value is read off an earlier mention; they never become that mention.
_ANAPHORIC = {"ref_quarter", "anaphora", "ago"}
#: How far back (characters) an earlier mention still anchors "that day", "a year earlier".
_ANAPHORA_REACH = 500
#: How far back a quarter still anchors "a year earlier" (about a news paragraph or three).
_QUARTER_REACH = 1500
#: Characters around a mention searched for a tense cue; about a clause each side.
_TENSE_WINDOW = 80
#: Spans of months a company reports besides quarters and years: half-years, nine months.
_REPORT_SPANS = frozenset({"P6M", "P9M"})
#: Words either side of a mention within which "had" (a past perfect) overrides a plan cue:
#: about a short clause. Counted on TBAQ: 6 gains 3 value-correct mentions (both halves)
#: and loses none; the whole tense window also takes "had chosen ... ahead of the weekend".
_PERFECT_REACH = 6
#: Sentence ends; a lone capital before the stop ("Daniel P. Davison") is an initial, and
#: "p.m." before a time zone or a day ("9 a.m. EST Tuesday") ends no sentence.
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])"
    r"(?!(?<=\b[ap]\.m)\.\s+(?:[ECMP][SD]T|GMT|UTC|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))"
    r"[.!?]['\"]*\s+(?=[A-Z\"'`])|\n\s*\n"
)
#: A clock time or a part of a day, then the day it falls on: one expression.
_CLOCK_DAY = {("time", "day"), ("time", "part_of_day"), ("part_of_day", "day")}
_WORD = re.compile(r"[A-Za-z']+(?:-[a-z]+)?")
_FIVE_DIGITS = re.compile(r"\d{5}")
_OUTSIDE = "falls outside the years 1 to 9999 newsfuse counts"


@dataclass(frozen=True)
class _Candidate:
    """A rule match before resolution."""

    start: int
    end: int
    rule: str
    match: re.Match[str]
    tense: Tense


def find_dates(text: str, published: dt.date | dt.datetime | None) -> list[DateMention]:
    """Find and normalise the time expressions of a text.

    Args:
        text: Plain text of an article.
        published: Publication date (or time) the relative expressions count from;
            None leaves weekdays and relative expressions unresolved, with a reason.

    Returns:
        The mentions in text order, without overlaps.
    """
    anchor = published.date() if isinstance(published, dt.datetime) else published
    mentions: list[DateMention] = []
    previous: tuple[Resolution, int] | None = None
    quarters: dict[str, tuple[int, Resolution, int]] = {}  # value -> (count, res, last end)
    span_end = -1  # end of the last reporting span of months ("the first nine months")
    for cand in _select(_candidates(text, anchor)):
        quarter = _main_quarter(quarters, cand.start, anchor)
        # A span of months named after every quarter is the period "a year earlier" means.
        span = None
        if quarter and quarter.value and span_end > max(q[2] for q in quarters.values()):
            span = Resolution(quarter.value[:4], "year", "date")
        ctx = DateContext(
            anchor,
            cand.tense,
            _in_view(text, previous, cand),
            text[max(0, cand.start - 40) : cand.start],
            quarter,
            span,
        )
        res = _resolve(cand.rule, cand.match, ctx)
        if res is None:
            continue
        begin = _drop_article(text, cand, res)
        start = _extend_left(text, begin, res, mentions[-1].end if mentions else 0)
        if start < begin and res.status == "exact":
            modifier = " ".join(text[start:begin].split())
            res = replace(res, status="approximate", reason=f"modified by '{modifier}'")
        mention = DateMention(
            text[start : cand.end], start, cand.end, res.value, res.granularity,
            res.status, res.reason, res.kind,
        )  # fmt: skip
        if mentions and _joins_clock(text, mentions[-1], mention):
            mention = _merge_clock(text, mentions.pop(), mention)
        mentions.append(mention)
        if res.kind == "duration" and res.value in _REPORT_SPANS:
            span_end = cand.end
        if cand.rule not in _ANAPHORIC and res.value and res.status != "unresolved":
            if res.granularity in ("day", "part_of_day", "month", "quarter", "year"):
                previous = (res, cand.end)
            if res.granularity == "quarter" and res.value:
                count = quarters.get(res.value, (0, res, 0))[0]
                quarters[res.value] = (count + 1, res, cand.end)
    return mentions


def _resolve(rule: str, match: re.Match[str], ctx: DateContext) -> Resolution | None:
    """What a rule's resolver makes of a match; a value that would fall outside the calendar
    Python can count (years 1 to 9999: "the day before" 1 January of year 1, "next year" in
    9999) is kept as an unresolved mention saying so, rather than raised."""
    try:
        res = _RESOLVERS[rule](match, ctx)
    except (OverflowError, ValueError):
        return Resolution(None, "day", "date", "unresolved", _OUTSIDE)
    # Year arithmetic ("next year" in 9999) overflows no calendar, only the four digits.
    if res is not None and res.value and _FIVE_DIGITS.match(res.value):
        return replace(res, value=None, status="unresolved", reason=_OUTSIDE)
    return res


def _in_view(text: str, last: tuple[Resolution, int] | None, cand: _Candidate) -> Resolution | None:
    """The remembered mention if it ended at most ``_ANAPHORA_REACH`` characters before.

    A clock time takes its day only from its own sentence ("Tuesday at 3 a.m."): in the
    next one, "at 6 a.m." is as often another day of the story as the one just named.
    """
    if last is None or cand.start - last[1] > _ANAPHORA_REACH:
        return None
    if cand.rule == "clock" and _SENTENCE_END.search(text, last[1], cand.start):
        return None
    return last[0]


def _main_quarter(
    quarters: dict[str, tuple[int, Resolution, int]], start: int, anchor: dt.date | None
) -> Resolution | None:
    """The quarter a financial report is about: named most often so far, ties to the latest.

    "the quarter" and "a year earlier" refer to the reporting quarter even after a passing
    mention of another one ("after a flat second quarter", "in the third quarter of 1984");
    reports are about the newest period, so of quarters named equally often the latest in
    the calendar wins (``YYYY-QN`` values sort in time). Only quarters in reach count, and
    only those closed by the publication date: results are reported for a past quarter, and
    a "fourth-quarter charge" announced in October is a forecast, not the report's period.
    """
    closed = _last_closed_quarter(anchor) if anchor else "9999-Q4"
    near = [
        (q[0], value, q[1])
        for value, q in quarters.items()
        if start - q[2] <= _QUARTER_REACH and value <= closed
    ]
    return max(near, key=lambda q: (q[0], q[1]))[2] if near else None


def _last_closed_quarter(day: dt.date) -> str:
    """``YYYY-QN`` of the last quarter that ended before ``day``."""
    index = day.year * 4 + (day.month - 1) // 3 - 1
    return f"{index // 4}-Q{index % 4 + 1}"


def _candidates(text: str, anchor: dt.date | None) -> list[_Candidate]:
    """Every match of every rule that is no lookalike and that its resolver accepts.

    Lookalikes (names, titles, ages, rates: ``extract.dates.names``) are dropped. Resolvers are
    tried here, without earlier mentions, so that a rejected long match ("last Oct." as a
    month) cannot hide a valid shorter one ("Oct. 23"); rejection never depends on earlier
    mentions.
    """
    found = []
    lowered = text.lower()
    for rule, pattern in COMPILED:
        keys = RULE_KEYS.get(rule)
        if keys is not None and not any(k in lowered for k in keys):
            continue
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if is_lookalike(rule, m, before):
                continue
            tense = _tense(text, m.start(), m.end())
            if _resolve(rule, m, DateContext(anchor, tense, None, before)) is not None:
                found.append(_Candidate(m.start(), m.end(), rule, m, tense))
    return found


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first, then by rule order; in text order."""
    order = {rule: i for i, (rule, _) in enumerate(COMPILED)}
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, order[c.rule], c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _drop_article(text: str, cand: _Candidate, res: Resolution) -> int:
    """Start of the mention without an article that belongs to the noun after it.

    A duration or quarter used as a modifier ("the 14-day wait", "the third-quarter loss")
    is an adjective; TIMEX3 extents leave out the noun phrase's determiner then, as the
    TimeBank gold does (calibration half: 0 of 4 such cases keep "the").
    """
    if res.kind != "duration" and res.granularity != "quarter":
        return cand.start
    m = ADJECTIVAL_ARTICLE.match(text, cand.start, cand.end)
    return m.end() if m else cand.start


def _extend_left(text: str, start: int, res: Resolution, floor: int) -> int:
    """Start of the mention including a modifier word in front (``early``, ``nearly``).

    "now" or "the future" is no point or stretch to be early in or about: a word in front
    of it ("worried about the future") is a preposition, not a TIMEX3 modifier.
    """
    if res.granularity == "vague":
        return start
    prefix = DURATION_PREFIX if res.kind == "duration" else DATE_PREFIX
    m = prefix.search(text, max(floor, start - 40), start)
    return m.start() if m and m.start() > 0 and text[m.start() - 1].isspace() else start


def _tense(text: str, start: int, end: int) -> Tense:
    """Tense cue nearest the mention in its sentence; past when none (the news default)."""
    lo, hi = max(0, start - _TENSE_WINDOW), min(len(text), end + _TENSE_WINDOW)
    left, right = text[lo:start], text[end:hi]
    left = _SENTENCE_END.split(left)[-1]
    right = _SENTENCE_END.split(right)[0]
    # The nearest cue on the left governs ("will meet on Tuesday", "said Monday that he
    # will..."); the right side is read only when the left has none.
    back = [_cue_word(w) for w in reversed(_WORD.findall(left))]
    ahead = [_cue_word(w) for w in _WORD.findall(right)]
    # Each word with the one after it in the text, nearest the mention first.
    pairs = [*zip(back, ["", *back], strict=False), *zip(ahead, [*ahead[1:], ""], strict=False)]
    for i, (w, after) in enumerate(pairs):
        if w == "by" and not (i < len(back) and i < 2):
            continue  # a deadline only just before the mention ("by Friday"); else "cited by"
        if (w in FUTURE_BEFORE and after in FUTURE_BEFORE[w]) or w in FUTURE_CUES:
            # A plan or deadline seen from a past perfect ("had filed reports by Wednesday",
            # "until Thursday they had not called him") lies before the time of writing.
            near = (*back[:_PERFECT_REACH], *ahead[:_PERFECT_REACH])
            return "past" if "had" in near else "future"
        if w in PAST_CUES or (len(w) > 4 and w.endswith("ed") and not w.endswith("eed")):
            return "past"
    return "past"


def _cue_word(word: str) -> str:
    """A word as the tense test reads it, in lower case; a capitalised "-ed" word that is
    no past cue is a name ("the United States", "Ahmed"), not a past form, and reads as no word."""
    lower = word.lower()
    return "" if word[0].isupper() and lower.endswith("ed") and lower not in PAST_CUES else lower


def _joins_clock(text: str, clock: DateMention, day: DateMention) -> bool:
    """True for ``10 p.m. Wednesday`` and ``mid-afternoon yesterday``: a clock time or a part
    of a day directly followed by its day."""
    if (clock.granularity, day.granularity) not in _CLOCK_DAY:
        return False
    return CLOCK_DAY_GAP.fullmatch(text, clock.end, day.start) is not None


def _merge_clock(text: str, clock: DateMention, day: DateMention) -> DateMention:
    """One time mention from a clock time (or part of a day) and the day after it."""
    value = None
    if clock.value and day.value:
        value = day.value[:10] + clock.value[clock.value.index("T") :]
    status = day.status if day.status != "exact" else clock.status
    reason = day.reason or clock.reason
    return DateMention(
        text[clock.start : day.end], clock.start, day.end, value, clock.granularity, status,
        reason, "time",
    )  # fmt: skip


def publication_date(published: str | None) -> dt.date | None:
    """The calendar date of an ISO publication stamp, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None

"""Slots judged inside one sentence frame: a date, a rank, a place or a person.

Two claims of one frame (weighted word overlap at least ``conflicts.FRAME``) that differ only
here disagree; claims merely aligned as one fact by the pair model are not judged on these
slots, since on claims-dev a differing date there marks two facts as often as a dispute.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from newsfuse.compare.claims import ClaimFeatures
from newsfuse.compare.words import lexicon
from newsfuse.models import Claim, Conflict, Slot
from newsfuse.timestamps import date_range, readable

#: Date granularities fine enough that two of them that do not overlap put one fact on two
#: different days ("Tuesday" / "Wednesday", "last week" / "last month"); a year is too coarse
#: to tell (a fact of 2019 may be told with "in March" or "this year").
NARROW_DATES = frozenset({"day", "weekend", "week", "month"})


def dates_apart(a: Claim, b: Claim) -> Conflict | None:
    """One fact put on two times that cannot both hold: leaving aside the dates both claims
    give, each gives one day, weekend, week or month, placed for certain, and the two do not
    overlap ("passed Tuesday" / "voted on Wednesday"; "last week" / "last month")."""
    when_a, when_b = _when(a), _when(b)
    only_a = [v for v in when_a if v not in when_b]
    only_b = [v for v in when_b if v not in when_a]
    if len(only_a) != 1 or len(only_b) != 1:
        return None
    (first_a, last_a), (first_b, last_b) = when_a[only_a[0]], when_b[only_b[0]]
    if last_a >= first_b and last_b >= first_a:
        return None  # "last week" is inside "this month": one time told two ways
    values = ((readable(only_a[0]), (a.id,)), (readable(only_b[0]), (b.id,)))
    return Conflict("date", "date", values)


def _when(claim: Claim) -> dict[str, tuple[dt.date, dt.date]]:
    """The days each narrow, certain date of a claim covers, by its value."""
    out = {}
    for d in claim.dates:
        span = date_range(d.value) if d.granularity in NARROW_DATES else None
        if span is not None and d.status == "exact":
            out[d.value] = span
    return out


@dataclass(frozen=True)
class _Rank:
    """A rank a claim gives: 1 for the first place ("the leading contender", "the largest"),
    n for an ordinal before a superlative ("the third-largest"), 0 for a place among several
    ("among the finalists", "one of the largest")."""

    place: int
    text: str


def ranks_apart(a: Claim, b: Claim) -> Conflict | None:
    """One fact ranked two ways: each claim gives one rank, and the two differ ("the leading
    contender" / "among the finalists"; "the largest" / "the second-largest")."""
    ranks_a, ranks_b = _ranks(a.text), _ranks(b.text)
    if len(ranks_a) != 1 or len(ranks_b) != 1 or ranks_a[0].place == ranks_b[0].place:
        return None
    values = ((ranks_a[0].text, (a.id,)), (ranks_b[0].text, (b.id,)))
    return Conflict("rank", "rank", values)


def _ranks(text: str) -> list[_Rank]:
    """The ranks a text gives, in order: a place among several covers a superlative inside it
    ("one of the largest" is one rank, 0)."""
    patterns = _rank_patterns()
    found: list[tuple[int, int, _Rank]] = []
    for match in patterns.member.finditer(text):
        found.append((match.start(), match.end(), _Rank(0, match.group().strip())))
    ordinals: dict[str, int] = lexicon()["ordinals"]
    for match in patterns.first.finditer(text):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        ordinal = (match.group("ordinal") or "").lower()
        found.append((match.start(), match.end(), _Rank(ordinals.get(ordinal, 1), match.group())))
    return [rank for _, _, rank in sorted(found, key=lambda f: f[0])]


@dataclass(frozen=True)
class _RankPatterns:
    first: re.Pattern[str]
    member: re.Pattern[str]


@cache
def _rank_patterns() -> _RankPatterns:
    """The rank phrases of the lexicon as patterns: a determiner or possessive, then a first
    place ("top", but not "the top of") or a superlative, with or without an ordinal, and the
    word it ranks."""
    lex = lexicon()

    def words(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(lex[key], key=len, reverse=True))

    owner = r"\b(?:the|his|her|its|their|our|[A-Z][\w.]*['’]s)\s+"
    top = rf"(?:{words('rank_top')})\b(?!\s+of\b)"
    superlative = rf"(?:(?P<ordinal>{words('ordinals')})[- ])?(?:{words('superlatives')})\b"
    first = re.compile(rf"{owner}(?:{top}|{superlative})(?:\s+[\w’'-]+)?", re.IGNORECASE)
    member = re.compile(
        rf"\b(?:{words('rank_member')})\s+(?:(?:{words('superlatives')})\b|\w+s\b)",
        re.IGNORECASE,
    )
    return _RankPatterns(first, member)


def swapped(a: Claim, b: Claim, features: Mapping[str, ClaimFeatures]) -> Conflict | None:
    """One sentence frame with one place or person swapped for another."""
    for slot, xs, ys in (("place", a.places, b.places), ("name", a.people, b.people)):
        if len(xs) != 1 or len(ys) != 1 or xs == ys:
            continue
        sa, sb = features[a.id].sequence, features[b.id].sequence
        ops = [
            op
            for op in SequenceMatcher(None, sa, sb, autojunk=False).get_opcodes()
            if op[0] != "equal"
        ]
        if len(ops) == 1 and ops[0][0] == "replace":
            _, i1, i2, j1, j2 = ops[0]
            if sa[i1:i2] == ("E:" + xs[0],) and sb[j1:j2] == ("E:" + ys[0],):
                kind: Slot = "place" if slot == "place" else "name"
                return Conflict(kind, slot, ((xs[0], (a.id,)), (ys[0], (b.id,))))
    return None

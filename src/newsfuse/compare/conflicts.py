"""Decide whether the claims of one fact disagree: on a figure, date, place, name or quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from newsfuse.compare.claims import ClaimFeatures
from newsfuse.compare.words import concept, lexicon
from newsfuse.models import Claim, Conflict, Quantity, Quote, Slot, Update

#: Relative difference two hedged figures ("about 2,500", "some 2,600") may show and agree.
#: Set by hand: news rounding of a crowd or a count stays within a tenth; "about 1,400" and
#: "some 2,100" (the sample corpus's disputed strikers) differ by a third.
APPROX_TOLERANCE = 0.1
#: Pair similarity from which two claims are one sentence frame, so that a single swapped
#: place, name or date is a disagreement and not two facts. Set above the alignment
#: threshold by hand; on the seeds and the sample corpus no pair of different facts reaches it.
FRAME = 0.6
#: Words two quotes must share, nearly in order, to be the same quote of possibly two speakers.
SAME_QUOTE = 0.9
MIN_QUOTE_WORDS = 5
#: A quote of one speaker in two reports is one statement from this word-sequence ratio on
#: (the value `extract.story.SAME_STATEMENT` uses to group quotes).
SAME_STATEMENT = 0.55

_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Judged:
    """The verdict on a group: at most one conflict, and the updates found."""

    conflict: Conflict | None
    updates: tuple[Update, ...]


def judge(
    claims: Sequence[Claim],
    features: Mapping[str, ClaimFeatures],
    score: Callable[[Claim, Claim], float],
    source_of: Mapping[str, str],
    quotes: Mapping[str, Sequence[Quote]],
) -> Judged:
    """Look for the first disagreement between claims of different sources in a group.

    Args:
        claims: The group's claims.
        features: Comparison features by claim id.
        score: Pair similarity of two claims.
        source_of: Article id -> independent-source key (copies share one).
        quotes: Article id -> its quotes (``Analysis.quotes``).

    Returns:
        The conflict (None when they agree) and any updated figures.
    """
    updates: list[Update] = []
    for a, b in combinations(claims, 2):
        if source_of[a.article_id] == source_of[b.article_id]:
            continue  # one origin does not contradict itself; copies only repeat it
        found = _numbers(a, b, updates)
        if found is None and score(a, b) >= FRAME:
            found = _swap(a, b, features)
        if found is None:
            found = _quotes(a, b, quotes)
        if found is not None:
            return Judged(found, tuple(updates))
    return Judged(None, tuple(updates))


def compatible(x: Quantity, y: Quantity) -> bool:
    """Whether two figures of one unit can both be true: equal, within a hedge's tolerance
    ("about 2,500" / "2,450"), or inside a bound ("more than 2,000" / "2,500")."""
    bounds: dict[str, str] = lexicon()["bounds"]
    if x.value == y.value:
        return True
    for p, q in ((x, y), (y, x)):
        side = bounds.get(p.hedge)
        if side == "min" and q.value >= p.value or side == "max" and q.value <= p.value:
            return True
    diff = abs(x.value - y.value)
    # Two exact figures that differ disagree, however round one is ("2,500" / "3,000").
    return bool(x.hedge or y.hedge) and diff <= APPROX_TOLERANCE * max(x.value, y.value)


def _numbers(a: Claim, b: Claim, updates: list[Update]) -> Conflict | None:
    for unit in sorted({q.unit for q in a.quantities} & {q.unit for q in b.quantities}):
        qa = [q for q in a.quantities if q.unit == unit]
        qb = [q for q in b.quantities if q.unit == unit]
        if not unit or len(qa) != 1 or len(qb) != 1 or compatible(qa[0], qb[0]):
            continue  # two figures of one unit in a claim: which is which is a guess
        if _disjoint(a.places, b.places) or _disjoint(_days(a), _days(b)):
            continue  # another place or another day: another fact, not a disagreement
        late, early = (b, a) if (b.published or "") > (a.published or "") else (a, b)
        q_late, q_early = (qb[0], qa[0]) if late is b else (qa[0], qb[0])
        if _is_update(late, early, q_late, q_early):
            updates.append(
                Update(
                    "number",
                    unit,
                    (q_early.text, early.id, early.published),
                    (q_late.text, late.id, late.published),
                )
            )
            continue
        return Conflict("number", unit, ((qa[0].text, (a.id,)), (qb[0].text, (b.id,))))
    return None


def _is_update(late: Claim, early: Claim, new: Quantity, old: Quantity) -> bool:
    """A later report with another figure updates it when it says so ("rose to", "now") or
    when the figure is a toll (deaths, injured, evacuated) that grew: tolls grow as news
    comes in. Without two publication times nothing is later, so nothing is an update."""
    if not late.published or not early.published or late.published == early.published:
        return False
    text = " " + " ".join(w.lower() for w in _WORD.findall(late.text)) + " "
    if any(f" {cue} " in text for cue in lexicon()["update_cues"]):
        return True
    tolls = {concept(t) for t in lexicon()["tolls"]}
    return new.unit in tolls and new.value > old.value


def _days(claim: Claim) -> tuple[str, ...]:
    return tuple(d.value[:10] for d in claim.dates if d.granularity == "day")


def _disjoint(x: Sequence[str], y: Sequence[str]) -> bool:
    return bool(x) and bool(y) and not set(x) & set(y)


def _swap(a: Claim, b: Claim, features: Mapping[str, ClaimFeatures]) -> Conflict | None:
    """One sentence frame with one place, person or day swapped for another."""
    days_a, days_b = _days(a), _days(b)
    exact = all(d.status == "exact" for d in (*a.dates, *b.dates))
    if len(days_a) == 1 and len(days_b) == 1 and days_a != days_b and exact:
        return Conflict("date", "date", ((days_a[0], (a.id,)), (days_b[0], (b.id,))))
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


def _quotes(a: Claim, b: Claim, quotes: Mapping[str, Sequence[Quote]]) -> Conflict | None:
    """The same words given to two speakers, or one speaker's words turned round."""
    for i in a.quotes:
        for j in b.quotes:
            qa, qb = quotes[a.article_id][i], quotes[b.article_id][j]
            if qa.kind == "indirect" or qb.kind == "indirect":
                continue  # reported speech is the writer's wording, not the speaker's
            wa, wb = _words(qa.text), _words(qb.text)
            ratio = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
            if (
                ratio >= SAME_QUOTE
                and min(len(wa), len(wb)) >= MIN_QUOTE_WORDS
                and _other_speakers(qa.speaker_name, qb.speaker_name)
            ):
                return Conflict(
                    "attribution",
                    "speaker",
                    ((qa.speaker_name or "", (a.id,)), (qb.speaker_name or "", (b.id,))),
                )
            one_speaker = not _other_speakers(qa.speaker_name, qb.speaker_name)
            turned = _negated(wa) != _negated(wb) or _figures(wa) != _figures(wb)
            if ratio >= SAME_STATEMENT and one_speaker and turned:
                return Conflict("quote", "wording", ((qa.text, (a.id,)), (qb.text, (b.id,))))
    return None


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _other_speakers(x: str | None, y: str | None) -> bool:
    """Both speakers known and no name word in common ("Vasconcelos" is "Helena Vasconcelos")."""
    if not x or not y:
        return False
    return not set(_words(x)) & set(_words(y))


def _negated(words: list[str]) -> bool:
    negations = set(lexicon()["negations"])
    return any(w in negations or w.endswith("n't") for w in words)


def _figures(words: list[str]) -> set[str]:
    return {w for w in words if w[:1].isdigit()}

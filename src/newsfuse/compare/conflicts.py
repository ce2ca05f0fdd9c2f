"""Decide whether the claims of one fact disagree: on a figure, date, rank, place, name or quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from newsfuse.compare.claims import ClaimFeatures
from newsfuse.compare.slots import dates_apart, ranks_apart, swapped
from newsfuse.compare.utterances import WORD, quotes_apart
from newsfuse.compare.words import concept, lexicon
from newsfuse.models import Claim, Conflict, Quantity, Quote, Update

#: Two figures of one unit further apart than this ratio measure different things ("$1.4
#: billion" for a wall, "$8 billion" in all), not one thing two ways. Set by hand.
SAME_MAGNITUDE = 2.0
#: Pair similarity from which two claims are one sentence frame, so that a single swapped
#: place, name, date or rank is a disagreement and not two facts. Set above the alignment
#: threshold by hand; on the seeds and the sample corpus no pair of different facts reaches it.
FRAME = 0.6


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
    aligned: Callable[[Claim, Claim], bool] = lambda a, b: True,
) -> Judged:
    """Look for the first disagreement between claims of different sources in a group.

    Only two claims the pair model aligns with each other (``aligned``) can disagree: a group
    may hold claims that match only through a third.

    Args:
        claims: The group's claims.
        features: Comparison features by claim id.
        score: Weighted overlap of two claims (a swapped name needs one sentence frame).
        source_of: Article id -> independent-source key (copies share one).
        quotes: Article id -> its quotes (``Analysis.quotes``).

    Returns:
        The conflict (None when they agree) and any updated figures.
    """
    updates: list[Update] = []

    def clash(a: Claim, b: Claim, seen: list[Update]) -> Conflict | None:
        if source_of[a.article_id] == source_of[b.article_id]:
            return None  # one origin does not contradict itself; copies only repeat it
        if not aligned(a, b):
            return None
        found = _numbers(a, b, seen)
        if found is None and score(a, b) >= FRAME:
            found = dates_apart(a, b) or ranks_apart(a, b) or swapped(a, b, features)
        return found if found is not None else quotes_apart(a, b, quotes)

    for a, b in combinations(claims, 2):
        if (found := clash(a, b, updates)) is not None:
            return Judged(_sides(found, a, b, claims, lambda x, y: clash(x, y, [])), tuple(updates))
    return Judged(None, tuple(updates))


def _sides(
    found: Conflict,
    a: Claim,
    b: Claim,
    claims: Sequence[Claim],
    clash: Callable[[Claim, Claim], Conflict | None],
) -> Conflict:
    """The conflict of ``a`` and ``b`` with every other claim of the group on the side it
    agrees with: it disagrees with one side on the same slot and not with the other (a copy
    joins its original's side)."""
    sides: tuple[list[str], list[str]] = ([a.id], [b.id])
    for c in claims:
        if c is a or c is b:
            continue
        with_a, with_b = clash(c, a), clash(c, b)
        for mine, other, side in ((with_a, with_b, 0), (with_b, with_a, 1)):
            if mine is None and other is not None and other.slot == found.slot:
                sides[side].append(c.id)
    (first, _), (second, _) = found.values
    return Conflict(found.slot, found.label, ((first, tuple(sides[0])), (second, tuple(sides[1]))))


def compatible(x: Quantity, y: Quantity) -> bool:
    """Whether two figures of one unit can both be true: equal; inside a bound ("more than
    2,000" / "2,500"); a hedged figure that the other rounds to ("about 2,500" / "2,480",
    not "some 16" / "15"); or two shares of one whole ("23 percent" cut / "77 percent"
    payable)."""
    bounds: dict[str, str] = lexicon()["bounds"]
    if x.value == y.value:
        return True
    for p, q in ((x, y), (y, x)):
        side = bounds.get(p.hedge)
        if side == "min" and q.value >= p.value or side == "max" and q.value <= p.value:
            return True
    step = max(_step(x), _step(y))
    if x.unit == "percent" and abs(x.value + y.value - 100) < step:
        return True
    # A hedged figure, or one given to a coarser place than the other, is a rounding.
    rounded = [q for q in (x, y) if q.hedge and q.hedge not in bounds or _step(q) == step]
    return any(abs(x.value - y.value) < _step(q) / 2 for q in rounded)


def _step(q: Quantity) -> float:
    """The place value a figure is given to: 2,500 -> 100, 16 -> 1, $3.6 billion -> 1e8."""
    found = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
    digits = found.group().replace(",", "") if found else "1"
    raw = float(digits) or 1.0
    scale = q.value / raw
    if "." in digits:
        return float(10 ** -len(digits.split(".")[1]) * scale)
    return float(10 ** (len(digits) - len(digits.rstrip("0"))) * scale)


def _numbers(a: Claim, b: Claim, updates: list[Update]) -> Conflict | None:
    """Figures of one unit that cannot both be true: the closest two of the claims, when no
    figure of one agrees with a figure of the other and both are of one magnitude."""
    for unit in sorted({q.unit for q in a.quantities} & {q.unit for q in b.quantities}):
        qa = [q for q in a.quantities if q.unit == unit]
        qb = [q for q in b.quantities if q.unit == unit]
        if not unit or any(compatible(x, y) for x in qa for y in qb):
            continue
        if _stated_otherwise(qa, b) or _stated_otherwise(qb, a):
            continue  # the figure is there, counting another word ("No. 3 spot")
        x, y = min(((p, q) for p in qa for q in qb), key=lambda t: _ratio(*t))
        if _ratio(x, y) > SAME_MAGNITUDE:
            continue  # another magnitude: another measured thing
        if _disjoint(a.places, b.places) or _disjoint(_days(a), _days(b)):
            continue  # another place or another day: another fact, not a disagreement
        late, early = (b, a) if (b.published or "") > (a.published or "") else (a, b)
        q_late, q_early = (y, x) if late is b else (x, y)
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
        return Conflict("number", unit, ((x.text, (a.id,)), (y.text, (b.id,))))
    return None


def _stated_otherwise(figures: Sequence[Quantity], other: Claim) -> bool:
    """Whether the other claim gives one of these figures under another unit."""
    return bool({q.value for q in figures} & {q.value for q in other.quantities})


def _ratio(x: Quantity, y: Quantity) -> float:
    low, high = sorted((abs(x.value), abs(y.value)))
    return high / low if low else float("inf")


def _is_update(late: Claim, early: Claim, new: Quantity, old: Quantity) -> bool:
    """A later report with another figure updates it when it says so ("rose to", "now") or
    when the figure is a toll (deaths, injured, evacuated) that grew: tolls grow as news
    comes in. Without two publication times nothing is later, so nothing is an update."""
    if not late.published or not early.published or late.published == early.published:
        return False
    text = " " + " ".join(w.lower() for w in WORD.findall(late.text)) + " "
    if any(f" {cue} " in text for cue in lexicon()["update_cues"]):
        return True
    tolls = {concept(t) for t in lexicon()["tolls"]}
    return new.unit in tolls and new.value > old.value


def _days(claim: Claim) -> tuple[str, ...]:
    return tuple(d.value[:10] for d in claim.dates if d.granularity == "day")


def _disjoint(x: Sequence[str], y: Sequence[str]) -> bool:
    return bool(x) and bool(y) and not set(x) & set(y)

"""Decide whether the claims of one fact disagree: on a figure, date, rank, place, name or quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from newsfuse.compare.claims import ClaimFeatures
from newsfuse.compare.slots import dates_apart, ranks_apart, swapped
from newsfuse.compare.words import concept, lexicon
from newsfuse.models import Claim, Conflict, Quantity, Quote, Update

#: Two figures of one unit further apart than this ratio measure different things ("$1.4
#: billion" for a wall, "$8 billion" in all), not one thing two ways. Set by hand.
SAME_MAGNITUDE = 2.0
#: Pair similarity from which two claims are one sentence frame, so that a single swapped
#: place, name, date or rank is a disagreement and not two facts. Set above the alignment
#: threshold by hand; on the seeds and the sample corpus no pair of different facts reaches it.
FRAME = 0.6
#: Words two quotes must share, nearly in order, to be the same quote of possibly two speakers.
SAME_QUOTE = 0.9
MIN_QUOTE_WORDS = 5
#: Share of the shorter quote's words the longer one must hold, in order, for the two to be
#: one utterance quoted twice (the rest may be cut off or run on: that is no conflict).
SAME_UTTERANCE = 0.6
#: The longest change that is a changed word rather than a cut (an ellipsis, a clause left
#: out): the conflicts of claims-dev change one to three words; set by hand.
MAX_CHANGE = 3

#: A word, with its apostrophes (straight or curly: "we’re" is one word, not "we" and "re").
_WORD = re.compile(r"[\w'’]+")
#: Quotation marks that open or close a quoted stretch inside a mixed quote.
_QUOTE_MARK = re.compile(r'["“”„«»]')


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
        return found if found is not None else _quotes(a, b, quotes)

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


def _ratio(x: Quantity, y: Quantity) -> float:
    low, high = sorted((abs(x.value), abs(y.value)))
    return high / low if low else float("inf")


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


def _quotes(a: Claim, b: Claim, quotes: Mapping[str, Sequence[Quote]]) -> Conflict | None:
    """One utterance quoted twice with a word changed: aligned word by word, a word
    substituted, or a content word added or dropped, inside the stretch both quote (what one
    cuts off or runs on is no conflict); or the same words given to two people."""
    for i in a.quotes:
        for j in b.quotes:
            qa, qb = quotes[a.article_id][i], quotes[b.article_id][j]
            for ta in _spoken(qa):
                for tb in _spoken(qb):
                    found = _one_utterance(a, b, qa, qb, ta, tb)
                    if found is not None:
                        return found
    return None


def _spoken(quote: Quote) -> list[str]:
    """The speaker's own words in a quote: all of a direct or partial quote; the quoted
    stretches of a mixed one (the rest of a mixed clause, and reported speech, is the
    writer's wording). A stretch left open runs to the end of the quote."""
    if quote.kind == "indirect":
        return []
    if quote.kind == "mixed":
        return [part for part in _QUOTE_MARK.split(quote.text)[1::2] if part.strip()]
    return [quote.text]


def _one_utterance(a: Claim, b: Claim, qa: Quote, qb: Quote, ta: str, tb: str) -> Conflict | None:
    """A changed word, or the same words given to two people, between two quoted texts."""
    wa, wb = _words(ta), _words(tb)
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < MIN_QUOTE_WORDS or shared < SAME_UTTERANCE * min(len(wa), len(wb)):
        return None  # not one utterance
    if _other_speakers(qa.speaker_name, qb.speaker_name):
        whole = shared >= SAME_QUOTE * max(len(wa), len(wb))
        if whole and qa.kind == qb.kind == "direct" and _named_apart(qa, qb):
            speakers = (qa.speaker_name or "", qb.speaker_name or "")
            values = ((speakers[0], (a.id,)), (speakers[1], (b.id,)))
            return Conflict("attribution", "speaker", values)
        return None
    if _changed_inside(matcher.get_opcodes(), wa, wb):
        return Conflict("quote", "wording", ((ta, (a.id,)), (tb, (b.id,))))
    return None


def _changed_inside(
    ops: Sequence[tuple[str, int, int, int, int]], wa: list[str], wb: list[str]
) -> bool:
    """Whether, between the first and the last words both quotes share, a word was
    substituted or added or dropped ("beat up" / "beat"); a determiner or a conjunction may
    come and go, and a longer stretch is a cut, not a change."""
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return False
    lex = lexicon()
    droppable = frozenset(lex["determiners"]) | frozenset(lex["droppable"])
    for tag, i1, i2, j1, j2 in ops[equal[0] + 1 : equal[-1]]:
        old, new = wa[i1:i2], wb[j1:j2]
        if max(len(old), len(new)) > MAX_CHANGE:
            continue  # a cut (an ellipsis, a clause left out), not a changed word
        if tag == "replace" and not _same_words(old, new):
            return True
        if tag != "replace" and any(w not in droppable for w in (*old, *new)):
            return True
    return False


def _same_words(old: list[str], new: list[str]) -> bool:
    """Words that differ without changing what was said: singular and plural ("school" /
    "schools"; a verb's tense does change it: "running" / "run"), a word written out and
    shortened ("Senator" / "Sen."), or one determiner for another ("every" / "the")."""
    if len(old) != len(new):
        return False
    determiners = frozenset(lexicon()["determiners"])
    shortened: dict[str, str] = lexicon()["abbreviations"]
    for x, y in zip(old, new, strict=True):
        short, full = sorted((x, y), key=len)
        if full in (short + "s", short + "es") or shortened.get(short) == full:
            continue
        if x in determiners and y in determiners:
            continue
        return False
    return True


def _named_apart(qa: Quote, qb: Quote) -> bool:
    """Both speakers are named people, and neither is named inside the other's quote (a name
    inside a quote is not its speaker)."""
    names = [q.speaker_name or "" for q in (qa, qb)]
    if not all(" " in n for n in names):
        return False
    return not any(
        set(_words(n)) & set(_words(q.text)) for n, q in zip(names, (qb, qa), strict=True)
    )


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _other_speakers(x: str | None, y: str | None) -> bool:
    """Both speakers known and no name word in common ("Vasconcelos" is "Helena Vasconcelos")."""
    if not x or not y:
        return False
    return not set(_words(x)) & set(_words(y))

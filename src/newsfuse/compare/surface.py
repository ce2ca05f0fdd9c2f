"""The words of one claim as the pair model compares them: tokens, n-grams, figures, names.

Each claim is read once (:func:`read_surface`); comparing two claims then only intersects
sets. The features follow the paraphrase-identification literature's surface measures (word
and character n-gram overlap, BLEU-like n-gram precision, number
agreement, negation), none specific to a data set, and each cheap: sets only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import TypeVar

from newsfuse.compare.words import lexicon

__all__ = ["Surface", "char_grams", "read_surface"]

T = TypeVar("T")

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+")
_NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without", "nt"}
)


@dataclass(frozen=True, slots=True)
class Surface:
    """What the pair features read of one claim's text."""

    tokens: tuple[str, ...]
    words: frozenset[str]
    content: frozenset[str]
    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    grams: tuple[frozenset[tuple[str, ...]], ...]  # the distinct n-grams, n = 1, 2, 3
    numbers: frozenset[str]
    names: frozenset[str]
    negated: bool
    lower: str  # the text lower-cased, of which the character n-grams are read
    # Character n-grams by n, made when first asked: a story's candidate pairs are counted
    # from ``lower`` (newsfuse.compare.rows), and only pairs scored one by one need the sets.
    _chars: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def chars3(self) -> frozenset[str]:
        """The distinct character 3-grams of the lower-cased text."""
        return self._grams(3)

    @property
    def chars4(self) -> frozenset[str]:
        """The distinct character 4-grams of the lower-cased text."""
        return self._grams(4)

    def _grams(self, n: int) -> frozenset[str]:
        found = self._chars.get(n)
        if found is None:
            found = self._chars[n] = char_grams(self.lower, n)
        return found


@cache
def _stop() -> frozenset[str]:
    """The comparison's function words (``data/compare_lexicon.json``)."""
    return frozenset(lexicon()["stopwords"])


def read_surface(text: str) -> Surface:
    """Read ``text`` once for every later comparison."""
    stop = _stop()
    tokens = tuple(t.lower() for t in _TOKEN.findall(text.replace("n't", " nt")))
    words = frozenset(tokens)
    first = text.lstrip().split(" ", 1)[0].strip("\"'(“‘")
    bigrams = frozenset(pairwise(tokens))
    return Surface(
        tokens=tokens,
        words=words,
        content=words - stop,
        stems=frozenset(t[:5] for t in words),
        bigrams=bigrams,
        grams=(frozenset(zip(tokens)), bigrams, frozenset(_runs(tokens, 3))),
        numbers=frozenset(_number(n) for n in _NUMBER.findall(text)),
        names=frozenset(
            w.lower() for w in _CAPITALISED.findall(text) if w != first and w.lower() not in stop
        ),
        negated=sum(t in _NEGATIONS for t in tokens) % 2 == 1,
        lower=text.lower(),
    )


def char_grams(text: str, n: int) -> frozenset[str]:
    """The distinct character n-grams of ``text`` (joined from n shifted copies: cheaper than
    slicing at every position, and a story's claims hold hundreds of thousands)."""
    return frozenset(map("".join, _runs(text, n)))


def _runs(seq: Sequence[T], n: int) -> Iterator[tuple[T, ...]]:
    """Every run of ``n`` consecutive items: ``seq`` zipped with itself shifted by 1 .. n-1
    (the most shifted copy, the shortest, ends the zip where the last run ends)."""
    return zip(*(seq[k:] for k in range(n)), strict=False)


def _number(raw: str) -> str:
    plain = raw.replace(",", "")
    return plain.rstrip("0").rstrip(".") if "." in plain else plain


def jaccard(a: frozenset[object], b: frozenset[object], shared: int | None = None) -> float:
    """Shared over all; 1.0 for two empty sets (nothing to disagree on). The union is counted,
    not built: a claim's character n-gram sets hold hundreds of members. ``shared`` is
    ``len(a & b)`` when the caller has counted it already."""
    if shared is None:
        shared = len(a & b)
    union = len(a) + len(b) - shared
    return shared / union if union else 1.0


def ngram_precisions(a: Surface, b: Surface) -> tuple[float, float]:
    """Mean over n = 1..3 of the share of ``a``'s distinct n-grams found in ``b`` (BLEU-like),
    and the same of ``b``'s in ``a``: one intersection per n serves both."""
    mine = theirs = 0.0
    for grams_a, grams_b in zip(a.grams, b.grams, strict=True):
        shared = len(grams_a & grams_b)
        mine += shared / max(len(grams_a), 1)
        theirs += shared / max(len(grams_b), 1)
    return mine / len(a.grams), theirs / len(b.grams)

"""The pair model's features of many claim pairs at once: each claim's sets as rows of bits.

Scoring a story's candidate pairs with one :func:`~newsfuse.compare.pairs.pair_features` call
each spends most of its time calling: a 300-text ECB+ ingest scores about 40,000 pairs, each
with a dozen set intersections. Here every kind of set a pair feature reads (words, stems,
n-grams, characters, figures, names, entities, concepts, dates, speakers) becomes one row of
bits per claim, and what two claims share is counted for all pairs together (AND, then a
population count). The counts are the same integers, put through the same float64 formulas
in the same order, so that the rows equal ``pair_features``' bit for bit
(tests/test_compare_rows.py).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from itertools import chain, count

import numpy as np
import numpy.typing as npt

from newsfuse.compare.pairs import FEATURES, MAX_RANK, ClaimView
from newsfuse.compare.surface import char_grams

__all__ = ["ClaimSets", "SetBits", "count_above"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

#: Bytes of pair rows ANDed at a time: a story of thousands of claims has hundreds of thousands
#: of candidate pairs, and a claim's character 4-grams alone are hundreds of members.
_CHUNK_BYTES = 1 << 22


class SetBits:
    """One kind of set of every claim, as rows of bits over the members that two claims or
    more hold (a member of one claim alone is never shared, and is only counted in its size).

    Attributes:
        sizes: Each claim's set size.
        bits: One row of 64-bit words per claim.
    """

    def __init__(self, sizes: Ints, members: Ints) -> None:
        """``members``: every claim's members in claim order, each kind of member one number
        (distinct within a claim, from 0 up to at most their count)."""
        n = len(sizes)
        self.sizes: Ints = sizes
        held = np.bincount(members, minlength=len(members)) >= 2
        shared = held[members]
        column = (np.cumsum(held) - 1)[members[shared]]
        row = np.repeat(np.arange(n, dtype=np.int64), sizes)[shared]
        width = (int(held.sum()) + 63) // 64
        self.bits: npt.NDArray[np.uint64] = np.zeros((n, width), dtype=np.uint64)
        # Members of one claim are distinct, so each (row, column) bit is set once.
        np.bitwise_or.at(
            self.bits.reshape(-1),
            row * width + (column >> 6),
            np.left_shift(np.uint64(1), (column & 63).astype(np.uint64)),
        )

    @classmethod
    def of(cls, sets: Sequence[frozenset[Hashable]]) -> SetBits:
        """The rows of these sets, one per claim."""
        sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
        # Each member numbered by its first place among all, in C (map, dict.setdefault): a
        # story's claims hold a million members. The numbers are unique, not consecutive.
        ids: dict[Hashable, int] = {}
        members = np.fromiter(
            map(ids.setdefault, chain.from_iterable(sets), count()),
            dtype=np.int64,
            count=int(sizes.sum()),
        )
        return cls(sizes, members)

    @classmethod
    def of_chars(cls, texts: Sequence[str], n: int) -> SetBits:
        """The rows of each text's distinct character ``n``-grams (:func:`char_grams`),
        numbered without making a string of each: an
        n-gram is the number its characters' ranks in the texts' alphabet write in that
        base, one to one."""
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        text = "".join(texts)
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        present = np.zeros(int(points.max(initial=0)) + 1, dtype=bool)
        present[points] = True
        base = max(int(present.sum()), 1)
        if len(texts) * base**n >= 2**63:  # too many characters for one int64 per n-gram
            return cls.of([char_grams(t, n) for t in texts])
        code = (np.cumsum(present) - 1)[points]  # each character's rank in the alphabet
        ends = np.cumsum(lengths)
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        start = np.flatnonzero(np.arange(len(points)) + n <= ends[owner])
        key = owner[start] * base**n  # claim first: one sort orders by claim, then n-gram
        for k in range(n):
            key += code[start + k] * base ** (n - 1 - k)
        # Sorted, not np.unique: numpy's unique is several times slower than its sort.
        key = np.sort(key, kind="stable")
        key = key[_firsts(key)]  # each claim's distinct n-grams, claim by claim
        owner, gram = np.divmod(key, base**n)
        order = np.argsort(gram, kind="stable")
        members = np.empty(len(gram), dtype=np.int64)
        members[order] = np.cumsum(_firsts(gram[order])) - 1  # the n-grams numbered
        return cls(np.bincount(owner, minlength=len(texts)).astype(np.int64), members)

    def shared(self, a: Ints, b: Ints) -> Ints:
        """How many members claims ``a[k]`` and ``b[k]`` share, for every k (two different
        claims: a member a claim holds alone is not among its bits)."""
        out = np.zeros(len(a), dtype=np.int64)
        width = self.bits.shape[1]
        if width == 0:
            return out
        step = max(1, _CHUNK_BYTES // (8 * width))
        for start in range(0, len(a), step):
            both = self.bits[a[start : start + step]] & self.bits[b[start : start + step]]
            out[start : start + step] = np.bitwise_count(both).sum(axis=1, dtype=np.int64)
        return out

    def jaccard(self, a: Ints, b: Ints, shared: Ints | None = None) -> Floats:
        """:func:`~newsfuse.compare.surface.jaccard` of each pair: shared over all, 1.0 for
        two empty sets (int64 over int64 divides as Python's int over int does below 2**53)."""
        inter = self.shared(a, b) if shared is None else shared
        union = self.sizes[a] + self.sizes[b] - inter
        out = np.ones(len(a), dtype=np.float64)
        some = union > 0
        out[some] = inter[some] / union[some]
        return out


class ClaimSets:
    """Every set the pair features read of a story's claims, as :class:`SetBits`."""

    def __init__(self, views: Sequence[ClaimView]) -> None:
        surfaces = [v.surface for v in views]
        features = [v.features for v in views]
        self.words = SetBits.of([s.words for s in surfaces])
        self.stems = SetBits.of([s.stems for s in surfaces])
        self.content = SetBits.of([s.content for s in surfaces])
        # The distinct 1-grams and 2-grams are the words and the bigrams, one for one.
        self.bigrams = SetBits.of([s.bigrams for s in surfaces])
        self.trigrams = SetBits.of([s.grams[2] for s in surfaces])
        self.chars3 = SetBits.of_chars([s.lower for s in surfaces], 3)
        self.chars4 = SetBits.of_chars([s.lower for s in surfaces], 4)
        self.numbers = SetBits.of([s.numbers for s in surfaces])
        self.names = SetBits.of([s.names for s in surfaces])
        self.entities = SetBits.of([f.entities for f in features])
        self.concepts = SetBits.of([f.words for f in features])
        self.dates = SetBits.of([f.dates for f in features])
        self.speakers = SetBits.of([v.speakers for v in views])
        tokens = [max(len(s.tokens), 1) for s in surfaces]
        self.tokens: Ints = np.asarray(tokens, dtype=np.int64)
        self.log_tokens: Floats = np.asarray([math.log1p(t) for t in tokens], dtype=np.float64)
        self.negated = np.asarray([s.negated for s in surfaces], dtype=bool)

    def rows(self, a: Ints, b: Ints, cosine: Floats, lexical: Floats, ranks: Ints) -> Floats:
        """The feature rows of pairs ``(a[k], b[k])``, in :data:`FEATURES` order: what
        ``pair_features`` gives each, given their cosines, lexical overlaps and ranks (an
        m x 2 array)."""
        out = np.empty((len(a), len(FEATURES)), dtype=np.float64)
        common = self.words.shared(a, b)
        size_a, size_b = self.words.sizes[a], self.words.sizes[b]
        na, nb = self.tokens[a], self.tokens[b]
        out[:, 0] = cosine
        out[:, 1] = self.words.jaccard(a, b, common)
        out[:, 2] = self.stems.jaccard(a, b)
        out[:, 3], unmatched = self._content(a, b)
        bigrams = self.bigrams.shared(a, b)
        out[:, 4] = self.bigrams.jaccard(a, b, bigrams)
        out[:, 5] = common / np.maximum(np.minimum(size_a, size_b), 1)
        out[:, 6] = common / np.maximum(np.maximum(size_a, size_b), 1)
        out[:, 7] = np.minimum(na, nb) / np.maximum(na, nb)
        out[:, 8:12] = self._numbers(a, b)
        names = self.names.shared(a, b)
        out[:, 12] = self.names.jaccard(a, b, names)
        out[:, 13] = self.names.sizes[a] + self.names.sizes[b] - 2 * names
        out[:, 14] = self.negated[a] != self.negated[b]
        out[:, 15] = self.chars3.jaccard(a, b)
        out[:, 16] = self.chars4.jaccard(a, b)
        mine, theirs = self._precisions(a, b, common, bigrams)
        out[:, 17] = np.maximum(mine, theirs)
        out[:, 18] = np.minimum(mine, theirs)
        out[:, 19] = np.maximum(*unmatched)
        out[:, 20] = np.minimum(*unmatched)
        longer = na >= nb
        out[:, 21] = np.where(longer, self.log_tokens[a], self.log_tokens[b])
        out[:, 22] = np.where(longer, self.log_tokens[b], self.log_tokens[a])
        entities = self.entities.shared(a, b)
        out[:, 23] = self.entities.jaccard(a, b, entities)
        out[:, 24] = self.entities.sizes[a] + self.entities.sizes[b] - 2 * entities
        out[:, 25] = self.concepts.jaccard(a, b)
        dates = self.dates.shared(a, b)
        out[:, 26] = dates > 0
        out[:, 27] = _apart(self.dates, a, b, dates)
        out[:, 28] = _apart(self.speakers, a, b, self.speakers.shared(a, b))
        out[:, 29] = lexical
        out[:, 30] = np.minimum(ranks.min(axis=1), MAX_RANK)
        out[:, 31] = np.minimum(ranks.max(axis=1), MAX_RANK)
        return out

    def _content(self, a: Ints, b: Ints) -> tuple[Floats, tuple[Ints, Ints]]:
        """The content words' Jaccard, and how many of each claim's the other lacks."""
        shared = self.content.shared(a, b)
        lacking = (self.content.sizes[a] - shared, self.content.sizes[b] - shared)
        return self.content.jaccard(a, b, shared), lacking

    def _numbers(self, a: Ints, b: Ints) -> Floats:
        """Figures: Jaccard, the same figures, each holding one the other lacks, one without."""
        shared = self.numbers.shared(a, b)
        size_a, size_b = self.numbers.sizes[a], self.numbers.sizes[b]
        both = (size_a > 0) & (size_b > 0)
        nested = (shared == size_a) | (shared == size_b)
        return np.column_stack(
            (
                self.numbers.jaccard(a, b, shared),
                both & (shared == size_a) & (shared == size_b),
                both & ~nested,
                (size_a > 0) != (size_b > 0),
            )
        ).astype(np.float64)

    def _precisions(self, a: Ints, b: Ints, words: Ints, bigrams: Ints) -> tuple[Floats, Floats]:
        """:func:`~newsfuse.compare.surface.ngram_precisions` of each pair, summed over
        n = 1..3 in the same order."""
        counts = (
            (words, self.words.sizes),
            (bigrams, self.bigrams.sizes),
            (self.trigrams.shared(a, b), self.trigrams.sizes),
        )
        mine = np.zeros(len(a), dtype=np.float64)
        theirs = np.zeros(len(a), dtype=np.float64)
        for shared, sizes in counts:
            mine = mine + shared / np.maximum(sizes[a], 1)
            theirs = theirs + shared / np.maximum(sizes[b], 1)
        return mine / 3, theirs / 3


def _apart(kind: SetBits, a: Ints, b: Ints, shared: Ints) -> npt.NDArray[np.bool_]:
    """Both claims hold some, and none in common."""
    out: npt.NDArray[np.bool_] = (kind.sizes[a] > 0) & (kind.sizes[b] > 0) & (shared == 0)
    return out


def count_above(groups: Sequence[npt.NDArray[np.float32]], group: Ints, values: Floats) -> Ints:
    """How many of ``groups[group[k]]`` exceed ``values[k]``, for every k: a claim's rank
    among a report's claims, for every pair at once. One sort of every group's values with
    the asked ones (a value asked after the equal ones of its group), then counts up to it."""
    sizes = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    held = np.concatenate(groups).astype(np.float64)  # float32 to float64 is exact
    owner = np.concatenate((np.repeat(np.arange(len(groups)), sizes), group))
    asked = np.concatenate((np.zeros(len(held), dtype=bool), np.ones(len(values), dtype=bool)))
    order = np.lexsort((asked, np.concatenate((held, values)), owner))
    upto = np.cumsum(~asked[order])  # the groups' values at or before each place
    place = np.empty(len(order), dtype=np.int64)
    place[order] = np.arange(len(order))
    before = np.cumsum(sizes) - sizes  # values of the earlier groups
    at_most = upto[place[len(held) :]] - before[group]
    out: Ints = sizes[group] - at_most
    return out


def _firsts(ordered: Ints) -> npt.NDArray[np.bool_]:
    """Where each run of equal values of a sorted array starts."""
    out = np.ones(len(ordered), dtype=bool)
    out[1:] = ordered[1:] != ordered[:-1]
    return out

"""Compact containers of the story and copy indexes: array centroids and hash postings.

At 100k stored articles most of the memory of story clustering sits in two places: the story
centroids (one weight per term and channel) and the copy index's hash postings (anchors and
LSH bands, one entry per hash). Python dicts, lists, floats and ints cost 50-150 bytes an entry;
the containers here keep the same data in arrays at 8-16 bytes an entry.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

#: Entries a :class:`HashPostings` gathers in a dict before merging them into its sorted arrays.
#: Bounds the dict (about 5 MB) while keeping the merges rare; each merge copies the arrays once.
MERGE_EVERY = 32_768


class Centroid:
    """The summed unit vectors of one story in one channel, as parallel arrays.

    Terms are interned strings (shared with every other story and the doc-frequency table) and
    weights a float64 array, in the order a dict of the same sums would have: first-seen order,
    or heaviest first after a prune. Sums, norms and scores are therefore the same floats.
    """

    __slots__ = ("norm", "terms", "weights")

    def __init__(self) -> None:
        self.terms: tuple[str, ...] = ()
        self.weights = array("d")
        self.norm = 0.0

    def __len__(self) -> int:
        return len(self.terms)

    def items(self) -> Iterator[tuple[str, float]]:
        """``(term, summed weight)`` pairs."""
        return zip(self.terms, self.weights, strict=True)

    def add(self, vec: Mapping[str, float], keep: int) -> None:
        """Add a vector; past ``2 * keep`` terms, keep the ``keep`` heaviest (ties by term)."""
        total = dict(self.items())
        for term, x in vec.items():
            total[term] = total.get(term, 0.0) + x
        if len(total) > 2 * keep:
            total = dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
        self.terms = tuple(total)
        self.weights = array("d", total.values())
        self.norm = math.sqrt(sum(x * x for x in self.weights))

    def dot(self, vec: Mapping[str, float]) -> float:
        """Dot product with a term -> weight vector."""
        get = vec.get
        return sum(x * get(t, 0.0) for t, x in zip(self.terms, self.weights, strict=True))


def interned(vec: Mapping[str, float]) -> dict[str, float]:
    """The same vector with interned terms (for state read back from JSON)."""
    return {sys.intern(t): float(x) for t, x in vec.items()}


Ints = npt.NDArray[np.int64]
Hashes = npt.NDArray[np.uint32]
_KEY_MASK = (1 << 64) - 1


def sorted_hashes(hashes: Iterable[int]) -> Hashes:
    """Sorted unique 32-bit hashes: the compact form of a shingle set."""
    return np.unique(np.asarray(list(hashes), dtype=np.uint32))


def containment(a: Hashes, b: Hashes) -> float:
    """Share of the hashes of ``a`` that also occur in ``b`` (both sorted unique)."""
    if a.size == 0:
        return 0.0
    return float(np.intersect1d(a, b, assume_unique=True).size) / float(a.size)


def band_keys(hashvalues: npt.NDArray[np.uint64], bands: tuple[int, int]) -> list[int]:
    """One 64-bit key per LSH band of a MinHash: equal keys when all the band's rows agree.

    Stands in for the byte keys of datasketch's ``MinHashLSH``; Python's tuple hash of ints
    is the same in every process, so the keys are too.
    """
    rows = hashvalues.reshape(bands).tolist()
    return [hash((band, *row)) & _KEY_MASK for band, row in enumerate(rows)]


def _identity(value: int) -> int:
    return value  # shingles are already 32-bit hashes: hashing them again only costs time


def minhash_bands(
    sets: Iterable[list[int]], num_perm: int, bands: tuple[int, int]
) -> list[list[int]]:
    """The LSH band keys (:func:`band_keys`) of the MinHash of each set of 32-bit hashes."""
    hashed = MinHash.bulk(sets, num_perm=num_perm, hashfunc=_identity)
    return [band_keys(mh.hashvalues, bands) for mh in hashed]


class HashPostings:
    """A multimap from 64-bit hashes to small ints (article positions), oldest first.

    Recent entries wait in a dict; every :data:`MERGE_EVERY` of them are merged into two
    sorted numpy arrays (keys, values), so a stored entry costs 12 bytes. With ``cap``, only the
    first ``cap`` values of a key are kept.
    """

    def __init__(self, cap: int | None = None) -> None:
        self._cap = cap
        self._keys = np.empty(0, dtype=np.uint64)
        self._values = np.empty(0, dtype=np.int32)
        self._recent: dict[int, list[int]] = {}
        self._pending = 0

    def __len__(self) -> int:
        return int(self._keys.size) + self._pending

    def _stored(self, keys: list[int]) -> tuple[Ints, Ints]:
        probe = np.asarray(keys, dtype=np.uint64)
        lo = np.searchsorted(self._keys, probe, side="left").astype(np.int64)
        hi = np.searchsorted(self._keys, probe, side="right").astype(np.int64)
        return lo, hi

    def add(self, keys: Iterable[int], value: int) -> None:
        """Record ``value`` under each key (a key given twice is recorded once)."""
        unique = list(dict.fromkeys(keys))
        if not unique:
            return
        lo, hi = self._stored(unique)
        for key, n in zip(unique, (hi - lo).tolist(), strict=True):
            posting = self._recent.get(key)
            if self._cap is not None and n + len(posting or ()) >= self._cap:
                continue
            if posting is None:
                self._recent[key] = [value]
            else:
                posting.append(value)
            self._pending += 1
        if self._pending >= MERGE_EVERY:
            self._merge()

    def get(self, keys: Iterable[int]) -> set[int]:
        """All values recorded under any of the keys."""
        wanted = list(keys)
        found: set[int] = set()
        if not wanted:
            return found
        lo, hi = self._stored(wanted)
        for key, a, b in zip(wanted, lo.tolist(), hi.tolist(), strict=True):
            if b > a:
                found.update(self._values[a:b].tolist())
            found.update(self._recent.get(key, ()))
        return found

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Every ``(key, value)`` entry, a key's values oldest first."""
        yield from zip(self._keys.tolist(), self._values.tolist(), strict=True)
        for key, values in self._recent.items():
            for value in values:
                yield key, value

    def _merge(self) -> None:
        keys = np.fromiter(
            (k for k, vs in self._recent.items() for _ in vs), dtype=np.uint64, count=self._pending
        )
        values = np.fromiter(
            (v for vs in self._recent.values() for v in vs), dtype=np.int32, count=self._pending
        )
        order = np.argsort(keys, kind="stable")  # a key's recent values stay oldest first
        keys, values = keys[order], values[order]
        at = np.searchsorted(self._keys, keys, side="right")  # after the older values
        self._keys = np.insert(self._keys, at, keys)
        self._values = np.insert(self._values, at, values)
        self._recent, self._pending = {}, 0

"""Copies and lineage: exact, near and partial republications, and each article's origin."""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from typing import Any

import numpy as np

from newsfuse.errors import InconsistentStore
from newsfuse.models import Article, CopyKind, Lineage
from newsfuse.stories.compact import containment, minhash_bands, sorted_hashes
from newsfuse.stories.copies.state import (
    CopyBackend,
    CopyEntry,
    MemoryCopies,
    entry_from_row,
    entry_row,
)
from newsfuse.timestamps import utc_key

__all__ = ["CopyIndex", "fingerprint", "independent_sources", "normalise", "normalise_credit"]

#: Words per shingle: the usual choice for news text reuse; independent reports rarely share
#: one by chance, and a one-word edit spoils only five.
SHINGLE_WORDS = 5
#: MinHash size and LSH banding (8 bands of 4 rows). A pair with shingle Jaccard 0.8 becomes a
#: candidate with probability 0.98, one at 0.5 with 0.40 (partial reuse is found by anchors).
#: Chosen from the banding formula, not fitted; 32 permutations keep 100k articles small.
NUM_PERM = 32
LSH_BANDS = (8, 4)
#: The smallest shingle hashes of each paragraph are its anchors (a bottom-k sketch per
#: paragraph): a paragraph copied verbatim always shares them, a lightly edited one with
#: probability about its Jaccard similarity. Candidates are verified on full shingle sets.
ANCHORS_PER_PARAGRAPH = 2
#: Articles kept per anchor (the earliest): keeps lookups constant when boilerplate recurs.
ANCHOR_POSTINGS = 4
#: A copy whose shingles are this much contained in the other, both ways, is a near duplicate
#: (a verbatim or lightly edited republication). Set by hand on constructed edits: a changed
#: headline and a few replaced words keep containment above 0.9; rewrites fall far below.
NEAR_MIN = 0.8
#: Below this share of its shingles found in another article, an article is independent.
#: Quoting one sentence of a wire story reuses about 5% of a 300-word report; embedding two of
#: its paragraphs reuses 25% or more. Set by hand between those cases, not fitted to a corpus.
PARTIAL_MIN = 0.2
#: From this share of reused text on, a copy shares the origin of what it copies (most of it
#: was written elsewhere); a report embedding a few wire paragraphs keeps its own origin.
SAME_ORIGIN_MIN = 0.5

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Case-fold and strip punctuation so trivial re-typesetting does not hide a copy."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def fingerprint(paragraphs: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hash the word n-grams of each paragraph (never across paragraph breaks).

    Returns:
        Sorted unique 32-bit shingle hashes (a paragraph shorter than a shingle is one), and
        the anchors: the smallest hashes of each paragraph.
    """
    size = SHINGLE_WORDS
    out: list[int] = []
    anchors: list[int] = []
    for para in paragraphs:
        words = normalise(para).split()
        spans = range(max(1, len(words) - size + 1)) if words else range(0)
        hashes = [zlib.crc32(" ".join(words[i : i + size]).encode()) for i in spans]
        out.extend(hashes)
        anchors.extend(sorted(set(hashes))[:ANCHORS_PER_PARAGRAPH])
    return sorted_hashes(out), sorted_hashes(anchors)


def normalise_credit(credit: str | None) -> str | None:
    """Canonical key of a wire credit, e.g. ``"Reuters "`` -> ``"reuters"``."""
    key = normalise(credit) if credit else ""
    return key or None


def _order(article: Article, position: int) -> tuple[str, int]:
    # ISO 8601 strings in UTC sort chronologically; "~" sorts after any date, so undated
    # articles count as later than dated ones and fall back to ingest order among themselves.
    return (utc_key(article.meta.published), position)


def _kind(fwd: float, back: float, same_digest: bool) -> CopyKind:
    if same_digest:
        return "exact"
    if fwd >= NEAR_MIN and back >= NEAR_MIN:
        return "near"
    return "partial" if fwd >= PARTIAL_MIN else "independent"


class CopyIndex:
    """Incremental index of article texts that assigns each new article its lineage.

    Exact copies are found by digest, near copies through MinHash LSH, partial reuse through
    an anchor-shingle index; every candidate is verified on full shingle sets. Cost per
    article is bounded by the capped anchor postings, not by the size of the index. The state
    lives in a backend (:mod:`newsfuse.stories.copies.state`): in memory by default, or in a store.
    """

    def __init__(self, backend: CopyBackend | None = None) -> None:
        self._state: CopyBackend = backend or MemoryCopies(ANCHOR_POSTINGS)

    def _entry(self, article_id: str) -> CopyEntry:
        entry = self._state.entry(article_id)
        if entry is None:
            raise InconsistentStore(f"the copy index has no entry for article {article_id}")
        return entry

    def lineage(self, article_id: str) -> Lineage:
        """The current lineage of an added article (it changes if an earlier copy arrives)."""
        return self._entry(article_id).lineage

    def lineages(self, article_ids: Sequence[str]) -> list[Lineage]:
        """The current lineages of several added articles."""
        self._state.fetch(article_ids)
        return [self._entry(a).lineage for a in article_ids]

    def family(self, article_id: str) -> tuple[str, ...]:
        """All articles sharing the family of ``article_id``, original first."""
        return tuple(self._state.family(self._entry(article_id).lineage.original))

    def add(self, article: Article) -> Lineage:
        """Index one article and return its lineage (an indexed id returns its current one)."""
        return self.add_many([article])[0]

    def add_many(self, articles: Sequence[Article]) -> list[Lineage]:
        """Index articles in ingest order, hashing them in one batch; one lineage each."""
        prints = [fingerprint(b.text for b in a.body) for a in articles]
        keys = minhash_bands((sh.tolist() for sh, _ in prints), NUM_PERM, LSH_BANDS)
        out: list[Lineage] = []
        for article, (sh, anchors), bands in zip(articles, prints, keys, strict=True):
            known = self._state.entry(article.id)
            if known is not None:
                out.append(known.lineage)
                continue
            digest = zlib.crc32(normalise(article.text()).encode())
            entry = self._place(article, sh, anchors, digest, self._state.near(bands))
            self._state.add_bands(bands, article.id)
            out.append(entry.lineage)
        return out

    def _candidates(self, anchors: np.ndarray, digest: int, near: set[str]) -> set[str]:
        found = set(near)
        first = self._state.by_digest(digest)
        if first is not None:
            found.add(first)
        found.update(self._state.anchored(anchors.tolist()))
        return found

    def _place(
        self, article: Article, sh: np.ndarray, anchors: np.ndarray, digest: int, near: set[str]
    ) -> CopyEntry:
        credit = normalise_credit(article.meta.credit)
        order = _order(article, self._state.size())
        best: tuple[float, float, str] | None = None
        candidates = sorted(self._candidates(anchors, digest, near))
        self._state.fetch(candidates)
        for cid in candidates:
            other = self._entry(cid)
            fwd, back = containment(sh, other.shingles), containment(other.shingles, sh)
            if other.digest == digest:
                fwd = back = 1.0
            if best is None or (max(fwd, back), fwd) > (max(best[0], best[1]), best[0]):
                best = (fwd, back, cid)
        lineage = Lineage(article.id, None, 0.0, "independent", article.id, credit)
        entry = CopyEntry(article.id, order, digest, sh, anchors, lineage)
        self._state.remember(entry)
        self._state.start_family(article.id)
        if best is None or max(best[0], best[1]) < PARTIAL_MIN:
            return entry
        fwd, back, cid = best
        other = self._entry(cid)
        root = self._entry(other.lineage.original)
        if order < root.order:
            # Published before the original of the family it matches: the new article is the
            # original, and that family (if it mostly reuses it) becomes its family.
            back = containment(root.shingles, sh)
            kind = _kind(back, containment(sh, root.shingles), root.digest == digest)
            root.lineage = replace(root.lineage, copy_of=article.id, reuse=back, kind=kind)
            self._state.touch(root)
            if back >= SAME_ORIGIN_MIN:
                self._reroot(root.article_id, article.id)
            return entry
        kind = _kind(fwd, back, other.digest == digest)
        entry.lineage = replace(lineage, copy_of=cid, reuse=fwd, kind=kind)
        if fwd >= SAME_ORIGIN_MIN:
            entry.lineage = replace(entry.lineage, original=other.lineage.original)
            self._state.join_family(other.lineage.original, article.id)
        self._state.touch(entry)
        return entry

    def _reroot(self, old_root: str, new_root: str) -> None:
        members = self._state.reroot(old_root, new_root)
        self._state.fetch(members)
        for member in members:
            entry = self._entry(member)
            entry.lineage = replace(entry.lineage, original=new_root)
            self._state.touch(entry)

    def _memory(self) -> MemoryCopies:
        if not isinstance(self._state, MemoryCopies):
            raise TypeError("only an in-memory copy index is exported whole")
        return self._state

    def rows(self) -> tuple[list[dict[str, Any]], Iterable[tuple[int, int, str]]]:
        """Every entry row and hash row of an in-memory index, for a store to persist."""
        state = self._memory()
        return [entry_row(e) for e in state.entries.values()], state.hash_rows()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able state: per article its order, digest, shingles and lineage."""
        return {
            "articles": [
                {
                    "id": e.article_id,
                    "order": list(e.order),
                    "digest": e.digest,
                    "shingles": e.shingles.tolist(),
                    "anchors": e.anchors.tolist(),
                    "lineage": asdict(e.lineage),
                }
                for e in self._memory().entries.values()
            ]
        }

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> CopyIndex:
        """Rebuild an in-memory index saved by :meth:`to_dict` (the LSH is recomputed)."""
        memory = MemoryCopies(ANCHOR_POSTINGS)
        rows = state["articles"]
        keys = minhash_bands((r["shingles"] for r in rows), NUM_PERM, LSH_BANDS)
        for row, bands in zip(rows, keys, strict=True):
            entry = entry_from_row({**row, "order": row["order"][0], "pos": row["order"][1]})
            memory.remember(entry)
            memory.families.setdefault(entry.lineage.original, []).append(row["id"])
            memory.add_bands(bands, row["id"])
        for root, members in memory.families.items():
            members.sort(key=lambda m: (m != root, memory.entries[m].order))
        return cls(memory)


def independent_sources(lineages: Iterable[Lineage]) -> int:
    """Count the independent origins among some articles (e.g. one story's).

    Copies count with their original; articles crediting the same wire service count once,
    because each is that agency's report, whatever outlet printed it.

    Args:
        lineages: Lineages of the articles, e.g. from :meth:`CopyIndex.lineage`.
    Returns:
        Number of distinct families, wire credits merged.
    """
    items = list(lineages)
    credit = {x.original: x.credit for x in sorted(items, key=lambda x: x.credit or "") if x.credit}
    return len(
        {f"wire:{credit[x.original]}" if x.original in credit else x.original for x in items}
    )

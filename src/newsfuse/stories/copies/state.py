"""Where the copy index keeps its state: lineages, entries, the backend protocol, in memory.

:class:`~newsfuse.stories.copies.index.CopyIndex` holds the copy-detection logic once and keeps, per
article, a :class:`CopyEntry` (order, digest, shingles, anchors, lineage) in a :class:`CopyBackend`,
along with anchors and LSH bands as hash postings and the families of copies. :class:`MemoryCopies`
keeps them in memory; :class:`newsfuse.stories.copies.stored.StoredCopies` reads them lazily from a
store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import numpy as np

from newsfuse.models import Lineage
from newsfuse.stories.compact import HashPostings

#: Kinds of hash rows of the copy index: paragraph anchors, LSH band keys.
ANCHOR, BAND = 0, 1


@dataclass(slots=True)
class CopyEntry:
    """What the copy index keeps about one article."""

    article_id: str
    order: tuple[str, int]  # (published or "~" when unknown, ingest position): earliest first
    digest: int
    shingles: np.ndarray  # sorted unique uint32 shingle hashes
    anchors: np.ndarray  # sorted unique uint32, a subset of shingles
    lineage: Lineage


def entry_row(entry: CopyEntry) -> dict[str, Any]:
    """The persisted form of an entry (arrays kept as arrays; ``pos`` is the ingest position)."""
    return {
        "id": entry.article_id,
        "pos": entry.order[1],
        "order": entry.order[0],
        "digest": entry.digest,
        "shingles": entry.shingles,
        "anchors": entry.anchors,
        "lineage": asdict(entry.lineage),
    }


def entry_from_row(row: dict[str, Any]) -> CopyEntry:
    """Inverse of :func:`entry_row`."""
    shingles = np.asarray(row["shingles"], dtype=np.uint32)
    anchors = np.asarray(row["anchors"], dtype=np.uint32)
    order = (str(row["order"]), int(row["pos"]))
    return CopyEntry(
        row["id"], order, int(row["digest"]), shingles, anchors, Lineage(**row["lineage"])
    )


class CopyBackend(Protocol):
    """The state of a copy index. An entry read may be changed in place; :meth:`touch` it."""

    def entry(self, article_id: str) -> CopyEntry | None:
        """An indexed article's entry, or None."""
        ...

    def fetch(self, article_ids: Iterable[str]) -> None:
        """Read several entries at once (a hint: :meth:`entry` works without)."""
        ...

    def size(self) -> int:
        """Number of indexed articles (the next ingest position)."""
        ...

    def remember(self, entry: CopyEntry) -> None:
        """Index a new article: its entry, digest and anchors."""
        ...

    def touch(self, entry: CopyEntry) -> None:
        """Record that an entry's lineage changed."""
        ...

    def by_digest(self, digest: int) -> str | None:
        """The first indexed article with this text digest."""
        ...

    def anchored(self, keys: list[int]) -> set[str]:
        """Articles sharing any of these anchors."""
        ...

    def near(self, keys: list[int]) -> set[str]:
        """Articles sharing any of these LSH band keys."""
        ...

    def add_bands(self, keys: list[int], article_id: str) -> None:
        """Record the LSH band keys of the article indexed last."""
        ...

    def start_family(self, article_id: str) -> None:
        """A new article is the original of its own family."""
        ...

    def join_family(self, root: str, article_id: str) -> None:
        """Move a new article from its own family into the family of ``root``."""
        ...

    def reroot(self, old_root: str, new_root: str) -> list[str]:
        """Move the family of ``old_root`` into that of ``new_root``; return the moved ids."""
        ...

    def family(self, root: str) -> list[str]:
        """The members of a family, original first."""
        ...


class MemoryCopies:
    """A :class:`CopyBackend` in memory: compact hash postings of article positions."""

    def __init__(self, anchor_cap: int) -> None:
        self.entries: dict[str, CopyEntry] = {}
        self._ids: list[str] = []  # article ids by position, the values of the postings
        self._by_digest: dict[int, str] = {}
        self._anchors = HashPostings(cap=anchor_cap)
        self._bands = HashPostings()  # LSH band key -> articles
        self.families: dict[str, list[str]] = {}  # original -> members, original first

    def entry(self, article_id: str) -> CopyEntry | None:
        return self.entries.get(article_id)

    def fetch(self, article_ids: Iterable[str]) -> None:
        """Nothing to read: every entry is in memory."""

    def size(self) -> int:
        return len(self.entries)

    def remember(self, entry: CopyEntry) -> None:
        self.entries[entry.article_id] = entry
        self._ids.append(entry.article_id)
        self._by_digest.setdefault(entry.digest, entry.article_id)
        self._anchors.add(entry.anchors.tolist(), len(self._ids) - 1)

    def touch(self, entry: CopyEntry) -> None:
        """Nothing to record: the entry is the state."""

    def by_digest(self, digest: int) -> str | None:
        return self._by_digest.get(digest)

    def anchored(self, keys: list[int]) -> set[str]:
        return {self._ids[i] for i in self._anchors.get(keys)}

    def near(self, keys: list[int]) -> set[str]:
        return {self._ids[i] for i in self._bands.get(keys)}

    def add_bands(self, keys: list[int], article_id: str) -> None:
        if self._ids[-1] != article_id:
            raise ValueError(f"bands of {article_id} given after another article was indexed")
        self._bands.add(keys, len(self._ids) - 1)

    def start_family(self, article_id: str) -> None:
        self.families[article_id] = [article_id]

    def join_family(self, root: str, article_id: str) -> None:
        del self.families[article_id]
        self.families[root].append(article_id)

    def reroot(self, old_root: str, new_root: str) -> list[str]:
        members = self.families.pop(old_root)
        self.families[new_root].extend(members)
        return members

    def family(self, root: str) -> list[str]:
        return self.families[root]

    def hash_rows(self) -> Iterator[tuple[int, int, str]]:
        """Every ``(kind, hash, article id)`` row of the anchors and bands."""
        for kind, postings in ((ANCHOR, self._anchors), (BAND, self._bands)):
            for key, pos in postings.pairs():
                yield kind, key, self._ids[pos]

"""The copy index read lazily from a store: entries and hash rows of what a run's articles meet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from newsfuse.stories.compact import HashPostings
from newsfuse.stories.copies.state import ANCHOR, BAND, CopyEntry, entry_from_row, entry_row

__all__ = ["CopyRows", "StoredCopies"]


class CopyRows(Protocol):
    """The copy index's rows as a store keeps them (:class:`newsfuse.store.base.Store` has them)."""

    def index_meta(self) -> dict[str, int]: ...

    def copy_entries(self, article_ids: Sequence[str]) -> list[dict[str, Any]]: ...

    def copy_by_digest(self, digest: int) -> str | None: ...

    def copy_hashes(self, kind: int, keys: Sequence[int]) -> list[tuple[int, str]]: ...

    def copy_family(self, original: str) -> list[str]: ...


class StoredCopies:
    """A :class:`~newsfuse.stories.copies.state.CopyBackend` over a store, with a write-back cache.

    Entries are read when a candidate or a family member needs them; anchor and band rows when
    an article looks them up. Articles indexed in this run wait in compact hash postings of
    their positions in the run until :meth:`rows` hands them to the store. Families are not
    stored apart: a family is the set of entries with the same original.
    """

    def __init__(self, store: CopyRows, anchor_cap: int) -> None:
        self._store = store
        self._cap = anchor_cap
        self._size = store.index_meta().get("copies", 0)
        self._entries: dict[str, CopyEntry | None] = {}
        self._new: list[str] = []  # articles indexed in this run, the values of the postings
        self._touched: set[str] = set()
        self._digests: dict[int, str | None] = {}
        self._new_digests: dict[int, str] = {}
        self._hashes: dict[tuple[int, int], list[str]] = {}  # stored rows the article read
        self._pending = {ANCHOR: HashPostings(), BAND: HashPostings()}

    def entry(self, article_id: str) -> CopyEntry | None:
        if article_id not in self._entries:
            self.fetch([article_id])
        return self._entries[article_id]

    def fetch(self, article_ids: Iterable[str]) -> None:
        missing = [a for a in dict.fromkeys(article_ids) if a not in self._entries]
        if missing:
            found = {r["id"]: entry_from_row(r) for r in self._store.copy_entries(missing)}
            for aid in missing:
                self._entries[aid] = found.get(aid)

    def size(self) -> int:
        return self._size + len(self._new)

    def remember(self, entry: CopyEntry) -> None:
        self._entries[entry.article_id] = entry
        self._new.append(entry.article_id)
        self._touched.add(entry.article_id)
        if self.by_digest(entry.digest) is None:
            self._new_digests[entry.digest] = entry.article_id
        keys = list(dict.fromkeys(entry.anchors.tolist()))
        stored = self._stored(ANCHOR, keys)
        pending = self._pending[ANCHOR]
        # The first ``cap`` articles of an anchor are kept, stored ones first (they are older).
        kept = [k for k in keys if len(stored.get(k, ())) + len(pending.get([k])) < self._cap]
        pending.add(kept, len(self._new) - 1)

    def touch(self, entry: CopyEntry) -> None:
        self._touched.add(entry.article_id)

    def by_digest(self, digest: int) -> str | None:
        if digest not in self._digests:
            self._digests[digest] = self._store.copy_by_digest(digest)
        return self._digests[digest] or self._new_digests.get(digest)

    def _stored(self, kind: int, keys: list[int]) -> dict[int, list[str]]:
        missing = [k for k in keys if (kind, k) not in self._hashes]
        if missing:
            for k in missing:
                self._hashes[(kind, k)] = []
            for key, aid in self._store.copy_hashes(kind, missing):
                self._hashes[(kind, key)].append(aid)
        return {k: self._hashes[(kind, k)] for k in keys}

    def _lookup(self, kind: int, keys: list[int]) -> set[str]:
        found = {aid for ids in self._stored(kind, keys).values() for aid in ids}
        found.update(self._new[i] for i in self._pending[kind].get(keys))
        return found

    def anchored(self, keys: list[int]) -> set[str]:
        return self._lookup(ANCHOR, keys)

    def near(self, keys: list[int]) -> set[str]:
        return self._lookup(BAND, keys)

    def add_bands(self, keys: list[int], article_id: str) -> None:
        if self._new[-1] != article_id:
            raise ValueError(f"bands of {article_id} given after another article was indexed")
        self._pending[BAND].add(keys, len(self._new) - 1)
        # The article is placed: the stored rows it read are not needed again (keys rarely
        # recur), and keeping them would grow with a large first run.
        self._hashes.clear()

    def start_family(self, article_id: str) -> None:
        """Nothing to record: a family is the entries sharing an original."""

    def join_family(self, root: str, article_id: str) -> None:
        """Nothing to record: the entry's new original is written with it."""

    def reroot(self, old_root: str, new_root: str) -> list[str]:
        return self.family(old_root)  # the caller gives each member its new original

    def family(self, root: str) -> list[str]:
        ids = set(self._store.copy_family(root))
        ids.update(a for a, e in self._entries.items() if e and e.lineage.original == root)
        self.fetch(ids)
        members = [e for a in ids if (e := self._entries[a]) and e.lineage.original == root]
        members.sort(key=lambda e: (e.article_id != root, e.order))
        return [e.article_id for e in members]

    def changed_ids(self) -> list[str]:
        """Articles indexed in this run or whose lineage changed, sorted."""
        return sorted(self._touched)

    def rows(self) -> tuple[list[dict[str, Any]], Iterator[tuple[int, int, str]]]:
        """Entry rows of new and changed articles, and the hash rows of the new ones."""
        touched = [e for a in sorted(self._touched) if (e := self._entries[a])]
        return [entry_row(e) for e in touched], self._hash_rows()

    def _hash_rows(self) -> Iterator[tuple[int, int, str]]:
        for kind, postings in self._pending.items():
            for key, pos in postings.pairs():
                yield kind, key, self._new[pos]

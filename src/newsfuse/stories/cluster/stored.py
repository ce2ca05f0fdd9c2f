"""The story index read lazily from a store: only what a run's articles touch is read or written.

:class:`StoredStories` is the :class:`~newsfuse.stories.cluster.backend.StoryBackend` of ingest.
Each article reads the document frequencies of its own terms, the postings of its salient terms
around its day, its candidate stories' states and the merge aliases of the ids it meets, and the
rows it changes are remembered; :meth:`StoredStories.rows` hands them (with the copy index's, from
:class:`~newsfuse.stories.copies.stored.StoredCopies`) to the store, which writes them in the same
transaction as the story rows. Reads go through the :class:`~newsfuse.store.base.Store` interface,
so the cost of a run follows its own articles, not the size of the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from newsfuse.models import IndexRows
from newsfuse.stories.cluster.features import CHANNELS, ArticleFeatures, DocFreq
from newsfuse.stories.cluster.state import (
    UNDATED,
    UNDATED_LOOKBACK,
    Postings,
    StoryState,
    window_buckets,
)
from newsfuse.stories.copies.stored import CopyRows, StoredCopies

__all__ = ["IndexStore", "LazyDocFreq", "LazyPostings", "StoredStories"]


class IndexStore(CopyRows, Protocol):
    """The story index's rows as a store keeps them (:class:`newsfuse.store.base.Store` has
    them): what :class:`StoredStories` reads."""

    def index_doc_freq(self, channel: str, terms: Sequence[str]) -> dict[str, int]: ...

    def index_postings(
        self, terms: Sequence[str], buckets: Sequence[int]
    ) -> dict[tuple[str, int], list[str]]: ...

    def index_latest_postings(self, term: str, count: int) -> dict[int, list[str]]: ...

    def index_stories(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def index_story_ids(self) -> list[str]: ...

    def index_aliases(self, ids: Sequence[str]) -> dict[str, str]: ...

    def index_articles(self, article_ids: Sequence[str]) -> dict[str, str]: ...


class LazyDocFreq(DocFreq):
    """Document frequencies read term by term from a store; counted terms are remembered."""

    def __init__(self, store: IndexStore, n: int) -> None:
        super().__init__()
        self.n = n
        self._store = store
        self._known: dict[str, set[str]] = {c: set() for c in CHANNELS}
        self._dirty: dict[str, set[str]] = {c: set() for c in CHANNELS}

    def load(self, feats: ArticleFeatures) -> None:
        """Read the frequencies of an article's terms not read yet (absent terms count 0)."""
        for channel, counts in feats.counts.items():
            known = self._known[channel]
            missing = [t for t in counts if t not in known]
            if missing:
                self.df[channel].update(self._store.index_doc_freq(channel, missing))
                known.update(missing)

    def add(self, feats: ArticleFeatures) -> None:
        """Count one more document (its terms must have been loaded)."""
        super().add(feats)
        for channel, counts in feats.counts.items():
            self._dirty[channel].update(counts)

    def rows(self) -> list[tuple[str, str, int]]:
        """``(channel, term, df)`` of every term counted since the index was opened."""
        return [(c, t, self.df[c][t]) for c in CHANNELS for t in sorted(self._dirty[c])]


class LazyPostings(Postings):
    """Postings read per (term, day bucket) from a store before a query or an addition."""

    def __init__(
        self, store: IndexStore, seen: Callable[[Iterable[str]], None], empty: bool
    ) -> None:
        super().__init__()
        self._store = store
        self._empty = empty  # nothing stored yet: nothing to read (a first run may be large)
        self._seen = seen  # told every story id read, so their aliases come in one query
        self._loaded: set[tuple[str, int]] = set()
        self._latest: set[str] = set()
        self._dirty: set[tuple[str, int]] = set()

    def add(self, terms: list[str], day: int | None, sid: str) -> None:
        """Record that story ``sid`` has these terms on this day (reading the lists first)."""
        bucket = UNDATED if day is None else day
        self._load(terms, [bucket])
        super().add(terms, day, sid)
        self._dirty.update((t, bucket) for t in terms)

    def query(self, terms: list[str], day: int | None, window: int) -> Counter[str]:
        """As :meth:`Postings.query`, after reading the buckets it looks at."""
        if day is None:
            self._load_latest(terms)
        else:
            self._load(terms, window_buckets(day, window))
        return super().query(terms, day, window)

    def _keep(self, found: dict[tuple[str, int], list[str]]) -> None:
        for (term, bucket), ids in found.items():
            if (term, bucket) not in self._loaded:
                self._loaded.add((term, bucket))
                self._index.setdefault(term, {})[bucket] = ids
        self._seen({sid for ids in found.values() for sid in ids})

    def _load(self, terms: list[str], buckets: list[int]) -> None:
        want = [(t, b) for t in terms for b in buckets if (t, b) not in self._loaded]
        if not want or self._empty:
            return
        found = self._store.index_postings(sorted({t for t, _ in want}), sorted(set(buckets)))
        self._keep({key: ids for key, ids in found.items() if key in set(want)})
        self._loaded.update(want)

    def _load_latest(self, terms: list[str]) -> None:
        # The latest buckets of a term are among the store's latest and those read or added
        # since, so an undated query over what is loaded reads the same buckets as in memory.
        for term in terms:
            if term not in self._latest and not self._empty:
                latest = self._store.index_latest_postings(term, UNDATED_LOOKBACK)
                self._keep({(term, b): ids for b, ids in latest.items()})
                self._latest.add(term)

    def changed(self) -> list[tuple[str, int, list[str]]]:
        """``(term, bucket, story ids)`` of every list added to, cut as :meth:`rows` cuts."""
        wanted = self._dirty
        return [row for row in self.rows() if (row[0], row[1]) in wanted]


class StoredStories:
    """A :class:`~newsfuse.stories.cluster.backend.StoryBackend` over a store, with a write-back
    cache.

    Stories, aliases and article -> story are read on first use and kept for the run; the
    rows a run changes are returned by :meth:`rows`. Article -> story is the store's story
    membership and aliases are its merges, both written with the story rows.
    """

    def __init__(self, store: IndexStore, copies: StoredCopies) -> None:
        meta = store.index_meta()
        self._store = store
        self._copies = copies
        self.frozen = bool(meta.get("frozen", 0))
        self.doc_freq: LazyDocFreq = LazyDocFreq(store, meta.get("n", 0))
        empty = not meta.get("n", 0)
        self.postings: LazyPostings = LazyPostings(store, self._read_aliases, empty)
        self._stories: dict[str, StoryState | None] = {}
        self._changed: set[str] = set()
        self._dropped: set[str] = set()
        self._aliases: dict[str, str | None] = {}
        self._articles: dict[str, str | None] = {}

    def prepare(self, feats: ArticleFeatures) -> None:
        self.doc_freq.load(feats)

    def count(self, feats: ArticleFeatures) -> None:
        self.doc_freq.add(feats)

    def get(self, sid: str) -> StoryState | None:
        if sid not in self._stories:
            self.fetch([sid])
        return self._stories[sid]

    def fetch(self, sids: Iterable[str]) -> None:
        missing = [s for s in sids if s not in self._stories]
        if missing:
            found = self._store.index_stories(missing)
            for sid in missing:
                row = found.get(sid)
                self._stories[sid] = None if row is None else StoryState.from_dict(row)

    def put(self, story: StoryState) -> None:
        self._stories[story.id] = story
        self._changed.add(story.id)
        self._dropped.discard(story.id)

    def drop(self, sid: str, into: str) -> None:
        self._stories[sid] = None
        self._changed.discard(sid)
        self._dropped.add(sid)
        self._aliases[sid] = into

    def alias(self, sid: str) -> str | None:
        if sid not in self._aliases:
            self._read_aliases([sid])
        return self._aliases[sid]

    def _read_aliases(self, sids: Iterable[str]) -> None:
        missing = sorted(s for s in sids if s not in self._aliases)
        if missing:
            found = self._store.index_aliases(missing)
            self._aliases.update({sid: found.get(sid) for sid in missing})

    def set_alias(self, sid: str, target: str) -> None:
        self._aliases[sid] = target  # the store keeps the final target of each merge already

    def story_of(self, article_id: str) -> str | None:
        if article_id not in self._articles:
            self._articles[article_id] = self._store.index_articles([article_id]).get(article_id)
        return self._articles[article_id]

    def set_story_of(self, article_id: str, sid: str) -> None:
        self._articles[article_id] = sid

    def story_ids(self) -> list[str]:
        ids = set(self._store.index_story_ids()) - self._dropped
        return sorted(ids | {sid for sid, s in self._stories.items() if s is not None})

    def rows(self) -> IndexRows:
        """The rows changed since the index was opened, its copy index's included."""
        copies, hashes = self._copies.rows()
        return IndexRows(
            meta={"n": self.doc_freq.n, "frozen": int(self.frozen), "copies": self._copies.size()},
            doc_freq=self.doc_freq.rows(),
            postings=self.postings.changed(),
            stories=[s.to_dict() for sid in sorted(self._changed) if (s := self._stories[sid])],
            dropped=sorted(self._dropped),
            copies=copies,
            hashes=hashes,
        )

"""Where the story index keeps its state: the backend protocol and the in-memory backend.

:class:`~newsfuse.stories.cluster.index.StoryIndex` holds its clustering logic once and reads and
writes its state through a :class:`StoryBackend`: document frequencies, the postings of salient
terms, one :class:`~newsfuse.stories.cluster.state.StoryState` per story, merge aliases and article
-> story. :class:`MemoryStories` keeps everything in dicts (``recluster``, evaluation, benchmarks);
:class:`newsfuse.stories.cluster.stored.StoredStories` reads rows lazily from a store and hands back
only the rows a run changed, as :class:`IndexRows`, for the store to write in the same transaction
as the story rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from newsfuse.models import IndexRows
from newsfuse.stories.cluster.features import ArticleFeatures, DocFreq
from newsfuse.stories.cluster.state import Postings, StoryState

__all__ = ["MemoryStories", "StoryBackend"]


class StoryBackend(Protocol):
    """The state of a story index, as :class:`~newsfuse.stories.cluster.index.StoryIndex` reads and
    writes it.

    A story read with :meth:`get` may be changed in place; :meth:`put` then records it.
    """

    @property
    def doc_freq(self) -> DocFreq:
        """Document frequencies (of the terms prepared, for a lazy backend)."""
        ...

    @property
    def postings(self) -> Postings:
        """The inverted index of salient terms."""
        ...

    @property
    def frozen(self) -> bool:
        """Whether the frequencies are fixed (a batch) rather than counted per article."""
        ...

    def prepare(self, feats: ArticleFeatures) -> None:
        """Make the document frequencies of an article's terms readable from ``doc_freq``."""
        ...

    def count(self, feats: ArticleFeatures) -> None:
        """Count one more document in the frequencies."""
        ...

    def get(self, sid: str) -> StoryState | None:
        """A live story's state, or None."""
        ...

    def fetch(self, sids: Iterable[str]) -> None:
        """Read the states of several stories at once (a hint: :meth:`get` works without)."""
        ...

    def put(self, story: StoryState) -> None:
        """Record a new or changed story."""
        ...

    def drop(self, sid: str, into: str) -> None:
        """Remove a story merged into ``into``; its id resolves to ``into`` from now on."""
        ...

    def alias(self, sid: str) -> str | None:
        """The story a merged story went into, or None for a story never merged."""
        ...

    def set_alias(self, sid: str, target: str) -> None:
        """Shorten the alias chain of ``sid`` (same resolution, fewer hops)."""
        ...

    def story_of(self, article_id: str) -> str | None:
        """The story an added article joined (maybe merged since), or None if not added."""
        ...

    def set_story_of(self, article_id: str, sid: str) -> None:
        """Record the story an article joined."""
        ...

    def story_ids(self) -> list[str]:
        """Ids of every live story (reads the whole index)."""
        ...


class MemoryStories:
    """A :class:`StoryBackend` in dicts: the whole index in memory."""

    def __init__(self, doc_freq: DocFreq | None = None) -> None:
        self.frozen = doc_freq is not None  # recluster fixes IDF over the whole batch
        self.doc_freq = doc_freq or DocFreq()
        self.postings = Postings()
        self.stories: dict[str, StoryState] = {}
        self.aliases: dict[str, str] = {}  # merged story id -> surviving story id
        self.articles: dict[str, str] = {}

    def prepare(self, feats: ArticleFeatures) -> None:
        """Nothing to read: every frequency is in memory."""

    def count(self, feats: ArticleFeatures) -> None:
        """Count one more document in the frequencies."""
        self.doc_freq.add(feats)

    def get(self, sid: str) -> StoryState | None:
        """A live story's state, or None."""
        return self.stories.get(sid)

    def fetch(self, sids: Iterable[str]) -> None:
        """Nothing to read: every story is in memory."""

    def put(self, story: StoryState) -> None:
        """Record a new or changed story."""
        self.stories[story.id] = story

    def drop(self, sid: str, into: str) -> None:
        """Remove a story merged into ``into``."""
        del self.stories[sid]
        self.aliases[sid] = into

    def alias(self, sid: str) -> str | None:
        """The story a merged story went into, or None."""
        return self.aliases.get(sid)

    def set_alias(self, sid: str, target: str) -> None:
        """Shorten the alias chain of ``sid``."""
        self.aliases[sid] = target

    def story_of(self, article_id: str) -> str | None:
        """The story an added article joined, or None."""
        return self.articles.get(article_id)

    def set_story_of(self, article_id: str, sid: str) -> None:
        """Record the story an article joined."""
        self.articles[article_id] = sid

    def story_ids(self) -> list[str]:
        """Ids of every live story."""
        return list(self.stories)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able state (the copy index's is added by the caller)."""
        df = self.doc_freq
        return {
            "doc_freq": {"n": df.n, "df": {c: dict(v) for c, v in df.df.items()}},
            "frozen": self.frozen,
            "stories": [s.to_dict() for s in self.stories.values()],
            "aliases": dict(self.aliases),
            "articles": dict(self.articles),
            "postings": self.postings.to_dict(),
        }

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> MemoryStories:
        """Inverse of :meth:`to_dict`."""
        df = DocFreq()
        df.n = int(state["doc_freq"]["n"])
        for channel, counts in state["doc_freq"]["df"].items():
            df.df[channel].update(counts)
        memory = cls(df)
        memory.frozen = bool(state["frozen"])
        memory.stories = {r["id"]: StoryState.from_dict(r) for r in state["stories"]}
        memory.aliases = dict(state["aliases"])
        memory.articles = dict(state["articles"])
        memory.postings = Postings.from_dict(state["postings"])
        return memory

    def rows(self) -> IndexRows:
        """Every row of the index (the copy index's are added by the caller)."""
        df = self.doc_freq
        return IndexRows(
            meta={"n": df.n, "frozen": int(self.frozen)},
            doc_freq=[(c, t, n) for c, counts in df.df.items() for t, n in counts.items()],
            postings=list(self.postings.rows()),
            stories=[s.to_dict() for s in self.stories.values()],
        )

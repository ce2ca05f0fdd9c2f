"""Story clustering: each new article joins the story it reports on, or starts a new one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsfuse.errors import InconsistentStore
from newsfuse.models import Article, IndexRows, Story, StoryAssignment
from newsfuse.stories.cluster import local as cluster_local
from newsfuse.stories.cluster.backend import MemoryStories, StoryBackend
from newsfuse.stories.cluster.batch import group_all
from newsfuse.stories.cluster.features import (
    CHANNELS,
    ArticleFeatures,
    DocFreq,
    features,
    lookup_terms,
    vector,
)
from newsfuse.stories.cluster.local import assign_ids, rebuild
from newsfuse.stories.cluster.recluster import canonical_key, recluster
from newsfuse.stories.cluster.similarity import (
    MERGE_MARGIN,
    WEIGHTS,
    WINDOW_DAYS,
    join_threshold,
    outside_window,
    story_similarity,
)
from newsfuse.stories.cluster.state import Member, StoryState, compact, story_id
from newsfuse.stories.copies.index import CopyIndex, independent_sources

__all__ = ["StoryIndex", "recluster_index"]

#: Candidate stories scored per article, best by shared salient terms.
MAX_CANDIDATES = 24


class StoryIndex:
    """Incremental story clustering over an inverted index of salient terms.

    A new article is pooled with the candidate stories close to it, and the pool is grouped
    again with the batch algorithm (:mod:`newsfuse.stories.cluster.local`): the article joins a
    story, starts one, or reshapes the stories around it (merging or cutting them). The cost
    of :meth:`add` depends on the number of candidate stories retrieved and on the pool
    (both capped), not on how many stories the index holds. The state lives in a backend
    (:mod:`newsfuse.stories.cluster.backend`): in memory by default, or read lazily from a store.
    """

    def __init__(
        self,
        doc_freq: DocFreq | None = None,
        backend: StoryBackend | None = None,
        copies: CopyIndex | None = None,
    ) -> None:
        self._state: StoryBackend = backend or MemoryStories(doc_freq)
        self.copies = copies or CopyIndex()

    def __len__(self) -> int:
        return len(self._state.story_ids())

    def resolve(self, sid: str) -> str:
        """Current id of a story, following merges (``old -> new``)."""
        path = []
        while (target := self._state.alias(sid)) is not None:
            path.append(sid)
            sid = target
        for old in path:  # path compression keeps later lookups constant-time
            self._state.set_alias(old, sid)
        return sid

    def story_of(self, article_id: str) -> str:
        """Current story id of an added article (InconsistentStore if it was never added)."""
        sid = self._state.story_of(article_id)
        if sid is None:
            raise InconsistentStore(f"article {article_id} is in the story index but in no story")
        return self.resolve(sid)

    def add(self, article: Article) -> StoryAssignment:
        """Assign one article to a story.

        Args:
            article: A clean article.

        Returns:
            The assignment; an article already added returns its current story, unchanged.
        """
        return self._add(article, None)

    def place(self, article: Article, sid: str) -> StoryAssignment:
        """Put an article into the story ``sid`` (started if new), as a batch clustering chose.

        Args:
            article: A clean article.
            sid: The story id the batch gave it.

        Returns:
            The assignment.
        """
        return self._add(article, sid)

    def _add(self, article: Article, forced: str | None) -> StoryAssignment:
        if self._state.story_of(article.id) is not None:
            return StoryAssignment(article.id, self.story_of(article.id), False)
        self.copies.add(article)
        feats = features(article)
        self._state.prepare(feats)
        if not self._state.frozen:
            self._state.count(feats)
        vecs = {c: vector(feats.counts[c], c, self._state.doc_freq) for c in CHANNELS}
        terms = lookup_terms(vecs)
        merges: list[tuple[str, str]] = []
        if forced is not None:
            sid = self.resolve(forced)
            found = self._state.get(sid)
            story = found or StoryState(sid, [], {})
            self._join(story, article, feats, vecs)
            self._state.postings.add(terms, feats.day, story.id)
            return StoryAssignment(article.id, story.id, found is None)
        ranked = self._score(vecs, self._candidates(terms, feats.day), feats.day)
        pool = self._pool(ranked)
        if pool is not None:
            return self._regroup(article, feats, vecs, terms, pool)
        if ranked and ranked[0][0] >= 0.0:
            story, new = self._live(ranked[0][1]), False
            for margin, sid in ranked[1:]:
                if margin >= MERGE_MARGIN and self._bridges(story, self._live(sid)):
                    merges.append(self._merge(story, self._live(sid)))
        else:
            story, new = StoryState(story_id(article.id), [], {}), True
        self._join(story, article, feats, vecs)
        self._state.postings.add(terms, feats.day, story.id)
        return StoryAssignment(article.id, story.id, new, tuple(merges))

    def _live(self, sid: str) -> StoryState:
        story = self._state.get(sid)
        if story is None:
            raise InconsistentStore(f"story {sid} is in the story index without its state")
        return story

    def _candidates(self, terms: list[str], day: int | None) -> list[str]:
        hits = self._state.postings.query(terms, day, WINDOW_DAYS)
        resolved: dict[str, int] = {}
        for sid, n in hits.items():
            live = self.resolve(sid)
            resolved[live] = resolved.get(live, 0) + n
        ranked = sorted(resolved.items(), key=lambda kv: (-kv[1], kv[0]))
        return [sid for sid, _ in ranked[:MAX_CANDIDATES]]

    def _score(
        self, vecs: dict[str, dict[str, float]], candidates: list[str], day: int | None
    ) -> list[tuple[float, str]]:
        """Candidates with their margin over the join threshold, best first."""
        self._state.fetch(candidates)
        out = []
        for sid in candidates:
            story = self._state.get(sid)
            # A story whose articles were all deleted may linger in postings: no candidate.
            if story is None or outside_window(day, story):
                continue
            sim = story_similarity(vecs, story)
            out.append((sim - join_threshold(len(story.members)), sid))
        return sorted(out, key=lambda x: (-x[0], x[1]))

    def _pool(self, ranked: list[tuple[float, str]]) -> list[str] | None:
        """Candidate stories to regroup with the article: close, whole, within the cap.

        ``None`` when the story the article would join through its centroid cannot be pooled
        (too large, or saved without its members' vectors): that story is joined as before.
        """
        pool: list[str] = []
        size = 1
        for margin, sid in ranked:
            story = self._live(sid)
            poolable = all(a in story.reports for a in story.members)
            if poolable and size + len(story.members) <= cluster_local.POOL_CAP:
                if margin + join_threshold(len(story.members)) >= cluster_local.POOL_FLOOR:
                    pool.append(sid)
                    size += len(story.members)
            elif margin >= 0.0 and not pool:
                return None
        return pool

    def _regroup(
        self,
        article: Article,
        feats: ArticleFeatures,
        vecs: dict[str, dict[str, float]],
        terms: list[str],
        pool: list[str],
    ) -> StoryAssignment:
        """Group the pooled stories' members and the article again; replace those stories."""
        stories = [self._live(sid) for sid in pool]
        reports = {a: m for story in stories for a, m in story.reports.items()}
        reports[article.id] = _member(article, feats, vecs)
        articles = [a for story in stories for a in story.members] + [article.id]
        old: list[str | None] = [story.id for story in stories for _ in story.members]
        old.append(None)
        units = [reports[a].unit() for a in articles]
        roots = group_all(units, WEIGHTS, days=[reports[a].day for a in articles])
        sids, merges = assign_ids(articles, old, roots, article.id)
        self._state.postings.add(terms, feats.day, sids[-1])
        if all(o in (None, s) for o, s in zip(old, sids, strict=True)):
            # Only the article moved in: join it, as the centroid path would.
            found = self._state.get(sids[-1])
            story = found or StoryState(sids[-1], [], {})
            self._join(story, article, feats, vecs)
            return StoryAssignment(article.id, story.id, found is None, tuple(merges))
        groups: dict[str, list[str]] = {}
        for aid, sid in zip(articles, sids, strict=True):
            groups.setdefault(sid, []).append(aid)
        for old_id, new_id in merges:
            self._state.drop(old_id, new_id)
        for sid, members in groups.items():
            self._state.put(rebuild(sid, [(a, reports[a]) for a in members]))
        for aid, was, sid in zip(articles, old, sids, strict=True):
            if was != sid:
                self._state.set_story_of(aid, sid)
            if was is not None and was != sid:
                unit = reports[aid].unit()
                moved = lookup_terms(unit)
                self._state.postings.add(moved, reports[aid].day, sid)
        changed = tuple(sorted(set(groups) - {sids[-1]}))
        return StoryAssignment(article.id, sids[-1], sids[-1] not in pool, tuple(merges), changed)

    def _bridges(self, keep: StoryState, other: StoryState) -> bool:
        unit: dict[str, dict[str, float]] = {c: {} for c in CHANNELS}
        for c, centroid in keep.sums.items():
            unit[c] = {t: x / (centroid.norm or 1.0) for t, x in centroid.items()}
        return story_similarity(unit, other) >= join_threshold(
            len(keep.members) + len(other.members)
        )

    def _merge(self, keep: StoryState, other: StoryState) -> tuple[str, str]:
        keep.absorb(other)
        self._state.drop(other.id, keep.id)
        self._state.put(keep)
        return (other.id, keep.id)

    def _join(self, story: StoryState, article: Article, feats: ArticleFeatures, vecs: Any) -> None:
        story.add_member(article.id, _member(article, feats, vecs), vecs)
        self._state.set_story_of(article.id, story.id)
        self._state.put(story)

    def story(self, sid: str) -> Story:
        """A story by id (merged ids resolve to the surviving story)."""
        state = self._live(self.resolve(sid))
        return Story(
            state.id,
            state.headline,
            state.first_day,
            state.last_day,
            tuple(sorted(state.outlets)),
            len(state.members),
            independent_sources(self.copies.lineages(state.members)),
            tuple(state.members),
        )

    def stories(self) -> list[Story]:
        """All stories, largest first (reads the whole index)."""
        out = [self.story(sid) for sid in self._state.story_ids()]
        return sorted(out, key=lambda s: (-s.article_count, s.id))

    def rows(self) -> IndexRows:
        """Every row of an in-memory index, for a store to persist (see ``IndexRows``)."""
        rows = self._memory().rows()
        rows.copies, rows.hashes = self.copies.rows()
        rows.meta["copies"] = len(rows.copies)
        return rows

    def _memory(self) -> MemoryStories:
        if not isinstance(self._state, MemoryStories):
            raise TypeError("only an in-memory index is exported whole")
        return self._state

    def to_dict(self) -> dict[str, Any]:
        """JSON-able state of an in-memory index."""
        return {**self._memory().to_dict(), "copies": self.copies.to_dict()}

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> StoryIndex:
        """Rebuild an in-memory index saved by :meth:`to_dict`."""
        memory = MemoryStories.from_dict(state)
        return cls(backend=memory, copies=CopyIndex.from_dict(state["copies"]))


def _member(article: Article, feats: ArticleFeatures, vecs: dict[str, dict[str, float]]) -> Member:
    """What a story keeps of one report to rebuild itself after a regrouping."""
    meta = article.meta
    return Member(compact(vecs), feats.day, meta.outlet, meta.headline, canonical_key(article))


def recluster_index(articles: Iterable[Article]) -> StoryIndex:
    """An index holding the stories :func:`recluster` finds, ready to take new articles."""
    unique = {a.id: a for a in articles}
    index = StoryIndex()
    for assignment in recluster(unique.values()):
        index.place(unique[assignment.article_id], assignment.story_id)
    return index

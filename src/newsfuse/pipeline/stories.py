"""Stories: put new articles into them incrementally, or re-cluster the whole store."""

from __future__ import annotations

from collections import Counter

from newsfuse.errors import InconsistentStore
from newsfuse.progress import Progress, unwatched
from newsfuse.store.base import Store
from newsfuse.stories.cluster.index import StoryIndex, recluster_index
from newsfuse.stories.cluster.stored import StoredStories
from newsfuse.stories.copies.index import ANCHOR_POSTINGS, CopyIndex
from newsfuse.stories.copies.stored import StoredCopies

__all__ = ["assign_stories", "recluster_store", "upgrade_index"]


def assign_stories(store: Store, batch_size: int = 1000, progress: Progress = unwatched) -> int:
    """Put every article that belongs to no story yet into one, incrementally.

    The story index is read from the store as the new articles need it (their terms, their
    candidate stories, their copies' candidates), fed the new articles in a canonical order
    (publication time, then id: the same whatever the order of the input files), and the
    rows it changed are saved with the changed stories in one transaction, so an interrupted
    run changes nothing and the next run redoes it. The cost follows the new articles, not the
    size of the store.

    The whole step runs under the store's ``stories`` claim: another process grouping the
    same store waits, then finds these articles placed. A store left inconsistent by older
    versions' concurrent runs (the story index lacking a row its stories need, or articles
    that no story holds) is repaired by re-clustering it, as :func:`recluster_store` does.
    """
    with store.claim("stories"):
        upgrade_index(store)
        # Articles in no story that the run would not look at (ingested before the mark of
        # clustered articles) were dropped from their stories by such runs too. Counted
        # before the pending articles are listed: another process may add articles meanwhile.
        stray = store.count_articles() - store.count_in_stories()
        pending = store.unassigned_ids()
        if stray > len(pending):
            recluster_store(store)
            return stray
        if not pending:
            return 0
        try:
            _assign(store, pending, batch_size, progress)
        except InconsistentStore:
            recluster_store(store)
        return len(pending)


def _assign(store: Store, pending: list[str], batch_size: int, progress: Progress) -> None:
    copies = StoredCopies(store, ANCHOR_POSTINGS)
    state = StoredStories(store, copies)
    index = StoryIndex(backend=state, copies=CopyIndex(copies))
    touched: set[str] = set()
    merges: list[tuple[str, str]] = []
    progress("clustering", 0, len(pending))
    for start in range(0, len(pending), batch_size):
        chunk = pending[start : start + batch_size]
        loaded = {a.id: a for a in store.articles_by_ids(chunk)}
        for done, article in enumerate((loaded[aid] for aid in chunk), start + 1):
            assignment = index.add(article)
            touched.add(assignment.story_id)
            touched.update(assignment.changed)
            merges.extend(assignment.merges)
            progress("clustering", done, len(pending))
    # An earlier copy arriving can change the lineage of stored articles of other stories,
    # and so those stories' count of independent sources: they are saved again too.
    touched.update(index.story_of(aid) for aid in copies.changed_ids())
    current = {index.resolve(sid) for sid in touched}
    stories = [index.story(sid) for sid in sorted(current)]
    lineages = [lin for s in stories for lin in index.copies.lineages(s.article_ids)]
    final = [(old, index.resolve(new)) for old, new in merges]
    store.save_stories(stories, lineages, final, state.rows())


def upgrade_index(store: Store) -> bool:
    """Convert a story index that an older store saved as one blob into index rows.

    Returns whether there was one. The stories themselves are unchanged.
    """
    with store.claim("stories"):
        state = store.legacy_index()
        if state is None:
            return False
        store.replace_index(StoryIndex.from_dict(state).rows(), state.get("aliases", {}))
        return True


def recluster_store(store: Store) -> int:
    """Cluster every stored article from scratch, independently of ingest order.

    Stories whose id disappears are recorded as merged into the story that now holds most of
    their articles, so saved ids keep resolving. Returns the number of stories.
    """
    with store.claim("stories"):
        return _recluster(store)


def _recluster(store: Store) -> int:
    upgrade_index(store)
    articles = list(store.iter_articles())
    old = {a.id: store.story_of(a.id) for a in articles}
    index = recluster_index(articles)
    stories = index.stories()
    new_ids = {s.id for s in stories}
    votes: dict[str, Counter[str]] = {}
    for s in stories:
        for aid in s.article_ids:
            was = old[aid]
            if was and was not in new_ids:
                votes.setdefault(was, Counter())[s.id] += 1
    merges = [(sid, c.most_common(1)[0][0]) for sid, c in sorted(votes.items())]
    lineages = [index.copies.lineage(aid) for s in stories for aid in s.article_ids]
    store.save_stories(stories, lineages, merges, index.rows(), replace_all=True)
    return len(stories)

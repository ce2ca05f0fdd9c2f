"""Deleting articles: their rows go, and the stories that held them are clustered again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsfuse.models import DeleteSummary
from newsfuse.pipeline import assign_stories, upgrade_index
from newsfuse.store.base import Store
from newsfuse.stories.removal import removal


def delete_articles(store: Store, ids: Sequence[str]) -> DeleteSummary:
    """Delete articles and everything that hangs off them; update the stories that held them.

    The article rows go with their analyses, quotes, entity mentions, story links, full-text
    rows and copy-index entries. The story index keeps, per story, a centroid, postings,
    frequencies and copy lineage built up as articles arrived; subtracting one article from all
    of that by hand would be a second implementation of clustering, and a story the deleted
    article held together might no longer be one. So the stories that held the deleted
    articles (and any story tied to them by copy lineage) are taken out of the index whole,
    in the same transaction as the deletion (:func:`newsfuse.stories.removal.removal` says
    what that undoes), and their other articles are clustered again by the same incremental
    path as an ingest, which writes stories, lineages and index rows consistently. The cost
    follows those stories, not the size of the store. Interrupted between the two steps, the
    other articles wait unclustered and the next ingest clusters them.

    A story id that does not come back is recorded as merged into the story that now holds
    most of its articles, so saved links keep resolving; a story all of whose articles were
    deleted is gone. The changed stories' coded events are marked to be coded again.

    Args:
        store: The store.
        ids: Article ids or unique prefixes; every one is resolved before anything is deleted.

    Raises:
        NotFound: when an id matches no article, or several (they are listed).
    """
    deleted = list(dict.fromkeys(store.article(i).id for i in ids))
    with store.claim("stories"):  # the story index changes in two steps: no one between
        return _delete(store, deleted)


def _delete(store: Store, deleted: list[str]) -> DeleteSummary:
    upgrade_index(store)
    plan = removal(store, deleted)
    before = store.index_articles(plan.unassigned)
    store.remove_articles(plan)
    assign_stories(store)
    after = store.index_articles(plan.unassigned)
    votes: dict[str, Counter[str]] = {}
    for aid, old in before.items():
        votes.setdefault(old, Counter())[after[aid]] += 1
    live = set(after.values())
    merges = [
        (old, min(counts, key=lambda sid: (-counts[sid], sid)))
        for old, counts in sorted(votes.items())
        if old not in live
    ]
    if merges:
        store.save_stories([], [], merges)
    removed = set(plan.stories) - live - {old for old, _ in merges}
    return DeleteSummary(tuple(deleted), tuple(sorted(live)), tuple(sorted(removed)))

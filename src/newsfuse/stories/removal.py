"""Taking articles out of the stored stories: which stories go, and the index rows that change.

Deleting an article changes its story (members, centroid, label, counts) and possibly the copy
lineage of other articles. Rather than subtract it from every structure by hand, which would be
a second implementation of clustering, the stories it touches are taken out of the index whole,
undoing exactly what adding their articles wrote, and their other articles are clustered again
by the ingest path (:func:`newsfuse.pipeline.assign_stories`). This module works out what to take
out; the store writes it in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from newsfuse.models import Article, IndexRemoval
from newsfuse.stories.cluster.features import CHANNELS, LOOKUP_TERMS, features, salient
from newsfuse.stories.cluster.state import UNDATED
from newsfuse.stories.cluster.stored import IndexStore
from newsfuse.stories.compact import minhash_bands
from newsfuse.stories.copies.index import LSH_BANDS, NUM_PERM
from newsfuse.stories.copies.state import ANCHOR, BAND

__all__ = ["RemovalStore", "removal"]

#: Longest chain of merges followed from an id in the postings to a story taken out.
_MAX_HOPS = 64


class RemovalStore(IndexStore, Protocol):
    """What :func:`removal` reads beyond the index (:class:`newsfuse.store.base.Store` has it)."""

    def copy_referrers(self, article_ids: Sequence[str]) -> list[str]: ...

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]: ...


def removal(store: RemovalStore, article_ids: Sequence[str]) -> IndexRemoval:
    """What deleting these articles takes out of the stored stories and their index.

    Every story holding one of them is taken out whole, and so, until none is left, is every
    story holding an article whose copy lineage leads to an article taken out (it is a copy of
    it, or of its family): such an article must be placed again in the copy index, and its
    story's count of independent sources changes. Taking a story out undoes what adding its
    articles wrote: their counts in the document frequencies, the story's id in the postings
    of their salient terms, and their copy-index rows. (An anchor row of the copy index keeps
    the first few articles that had it; one freed by a deletion is not handed to a later one.)

    Args:
        store: The store, read through the story index's rows.
        article_ids: The articles to delete (full ids).

    Returns:
        What the store deletes and rewrites in one transaction.
    """
    deleted = list(dict.fromkeys(article_ids))
    taken, states = _closure(store, deleted)
    plan = IndexRemoval(deleted, sorted(taken - set(deleted)), sorted(states))
    meta = store.index_meta()
    counted = sorted(store.index_articles(sorted(taken)))  # clustered: counted in the index
    if counted and not meta.get("frozen", 0):
        plan.doc_freq = _doc_freq(store, store.articles_by_ids(counted))
        plan.meta = {"n": max(0, meta.get("n", 0) - len(counted))}
    plan.postings = _postings(store, states)
    plan.hashes = _hashes(store.copy_entries(sorted(taken)))
    return plan


def _closure(store: RemovalStore, deleted: list[str]) -> tuple[set[str], dict[str, dict[str, Any]]]:
    """The articles taken out and the saved states of the stories taken out."""
    taken = set(deleted)
    states: dict[str, dict[str, Any]] = {}
    frontier = list(deleted)
    while frontier:
        found = sorted(set(store.index_articles(frontier).values()) - set(states))
        read = store.index_stories(found)
        states.update(read)
        members = {m for state in read.values() for m in state["members"]}
        members.update(store.copy_referrers(frontier))
        frontier = sorted(members - taken)
        taken.update(frontier)
    return taken, states


def _doc_freq(store: RemovalStore, articles: Iterable[Article]) -> list[tuple[str, str, int]]:
    """The frequencies of the articles' terms, each article counted out once."""
    drop: dict[str, Counter[str]] = {c: Counter() for c in CHANNELS}
    for article in articles:
        for channel, counts in features(article).counts.items():
            drop[channel].update(counts.keys())
    rows: list[tuple[str, str, int]] = []
    for channel in CHANNELS:
        terms = sorted(drop[channel])
        current = store.index_doc_freq(channel, terms)
        rows.extend((channel, t, max(0, current.get(t, 0) - drop[channel][t])) for t in terms)
    return rows


def _postings(
    store: RemovalStore, states: dict[str, dict[str, Any]]
) -> list[tuple[str, int, list[str]]]:
    """The postings lists the stories' reports were indexed under, without those stories.

    A report was posted under its salient terms and day with the story it joined; an id merged
    into a story since resolves to it, and goes too.
    """
    wanted: set[tuple[str, int]] = set()
    for state in states.values():
        for report in state.get("reports", {}).values():
            vectors = report["vectors"]
            terms = [t for c in ("w", "e") for t in salient(vectors.get(c, {}), LOOKUP_TERMS)]
            bucket = UNDATED if report["day"] is None else int(report["day"])
            wanted.update((t, bucket) for t in terms)
    if not wanted:
        return []
    found = store.index_postings(sorted({t for t, _ in wanted}), sorted({b for _, b in wanted}))
    lists = {key: ids for key, ids in found.items() if key in wanted}
    gone = _leading_to(store, {sid for ids in lists.values() for sid in ids}, set(states))
    return [
        (term, bucket, [sid for sid in ids if sid not in gone])
        for (term, bucket), ids in sorted(lists.items())
        if gone.intersection(ids)
    ]


def _leading_to(store: RemovalStore, ids: set[str], stories: set[str]) -> set[str]:
    """The ids among ``ids`` that are one of ``stories`` or were merged into one."""
    target = {sid: sid for sid in ids}
    pending = [sid for sid in ids if sid not in stories]
    for _ in range(_MAX_HOPS):
        if not pending:
            break
        aliases = store.index_aliases(sorted({target[sid] for sid in pending}))
        pending = [sid for sid in pending if target[sid] in aliases]
        for sid in pending:
            target[sid] = aliases[target[sid]]
        pending = [sid for sid in pending if target[sid] not in stories]
    return {sid for sid in ids if target[sid] in stories}


def _hashes(entries: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """The anchor and LSH band rows the copy index wrote for these entries."""
    if not entries:
        return []
    bands = minhash_bands((e["shingles"].tolist() for e in entries), NUM_PERM, LSH_BANDS)
    rows: list[tuple[int, int, str]] = []
    for entry, keys in zip(entries, bands, strict=True):
        rows.extend((ANCHOR, int(k), entry["id"]) for k in dict.fromkeys(entry["anchors"].tolist()))
        rows.extend((BAND, k, entry["id"]) for k in dict.fromkeys(keys))
    return rows

"""Cluster a batch of articles from scratch, the same stories whatever the input order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsfuse.models import Article, StoryAssignment
from newsfuse.stories.cluster.batch import group
from newsfuse.stories.cluster.features import CHANNELS, DocFreq, features, lookup_terms, vector
from newsfuse.stories.cluster.similarity import WEIGHTS
from newsfuse.stories.cluster.state import story_id
from newsfuse.timestamps import utc_key

__all__ = ["canonical_key", "recluster"]


def canonical_key(article: Article) -> tuple[str, str]:
    """Where an article stands in the canonical order: by publication time, then id."""
    return (utc_key(article.meta.published), article.id)


def recluster(articles: Iterable[Article]) -> list[StoryAssignment]:
    """Cluster a batch from scratch, independently of input order.

    Articles are sorted by (publication date, id), IDF is computed over the whole batch, and
    the articles are grouped by average-linkage agglomerative clustering over the pair
    model's same-event probability, as the local regrouping of
    :meth:`~newsfuse.stories.cluster.index.StoryIndex.add` does (see
    :mod:`newsfuse.stories.cluster.batch`). The same set of articles always yields the same
    stories and ids.

    Args:
        articles: The articles to cluster (duplicates by id are ignored).

    Returns:
        One assignment per article, in canonical order; a story's id derives from its first
        article in that order, and ``merges`` is always empty.
    """
    unique = {a.id: a for a in articles}
    ordered: Sequence[Article] = sorted(unique.values(), key=canonical_key)
    df = DocFreq()
    feats = [features(a) for a in ordered]
    for f in feats:
        df.add(f)
    vecs = [{c: vector(f.counts[c], c, df) for c in CHANNELS} for f in feats]
    terms = [lookup_terms(v) for v in vecs]
    roots = group(vecs, terms, WEIGHTS, days=[f.day for f in feats])
    return [
        StoryAssignment(a.id, story_id(ordered[r].id), r == i)
        for i, (a, r) in enumerate(zip(ordered, roots, strict=True))
    ]

"""Batch story clustering: average linkage over the same-event probability of article pairs.

Articles are compared when they share a salient term, and also when both are close to a
third article: in a story of many reports, two reports' heaviest terms may be words of their
own angle while the event's words, common in the batch, weigh little; a pair never compared
counts as 0 in the linkage and would cut the story.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

import numpy as np

from newsfuse.stories.cluster.pairs import (
    Days,
    Floats,
    Links,
    PairModel,
    Vectors,
    all_pair_cosines,
    load_model,
    pair_cosines,
    pair_links,
    similarities,
)

#: Articles read per posting list when pairing articles that share a salient term: a very
#: common term pairs each article with its nearest neighbours in canonical order only, so the
#: number of pairs grows linearly with the batch.
PAIRS_PER_TERM = 64


def candidate_pairs(salient_terms: Sequence[list[str]]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of articles sharing a salient term, in a fixed order.

    Each posting list is read at most :data:`PAIRS_PER_TERM` wide around each article.
    """
    postings: dict[str, list[int]] = {}
    for i, terms in enumerate(salient_terms):
        for term in dict.fromkeys(terms):  # a term may be salient in two channels
            postings.setdefault(term, []).append(i)
    seen: set[tuple[int, int]] = set()
    for posting in postings.values():
        for at, j in enumerate(posting):
            seen.update((i, j) for i in posting[max(0, at - PAIRS_PER_TERM) : at])
    return sorted(seen)


def compared_pairs(
    vecs: Sequence[Vectors],
    salient_terms: Sequence[list[str]],
    weights: Mapping[str, float],
    close: float,
) -> tuple[list[tuple[int, int]], Floats]:
    """The pairs of a batch to compare, in order, and their channel cosines.

    The pairs of :func:`candidate_pairs`, and each two of an article's close partners
    (similarity at least ``close``; its :data:`PAIRS_PER_TERM` closest, as wide as a posting
    list is read).

    Args:
        vecs: Unit vectors per channel of each article.
        salient_terms: Each article's lookup terms.
        weights: Channel weights of the similarity.
        close: Similarity at which a partner counts as close (the model's ``close``).

    Returns:
        The pairs ``(i, j)``, ``i < j``, sorted, and one row of cosines each.
    """
    pairs = candidate_pairs(salient_terms)
    cosines = pair_cosines(vecs, pairs)
    near: list[list[tuple[float, int]]] = [[] for _ in vecs]
    for (i, j), s in zip(pairs, similarities(cosines, weights).tolist(), strict=True):
        if s >= close:
            near[i].append((s, -j))
            near[j].append((s, -i))
    seen = set(pairs)
    extra: set[tuple[int, int]] = set()
    for row in near:
        top = sorted(-k for _, k in heapq.nlargest(PAIRS_PER_TERM, row))
        extra.update((a, b) for at, a in enumerate(top) for b in top[at + 1 :])
    added = sorted(extra - seen)
    if not added:
        return pairs, cosines
    every = pairs + added
    order = sorted(range(len(every)), key=every.__getitem__)
    rows = np.vstack([cosines, pair_cosines(vecs, added)])[order]
    return [every[k] for k in order], rows


def group(
    vecs: Sequence[Vectors],
    salient_terms: Sequence[list[str]],
    weights: Mapping[str, float],
    model: PairModel | None = None,
    days: Days | None = None,
) -> list[int]:
    """Group a batch: pair model over the compared pairs, then average linkage.

    Args:
        vecs: Unit vectors per channel of each article, in canonical order.
        salient_terms: Each article's lookup terms.
        weights: Channel weights of the cosine that ranks each article's neighbours.
        model: The pair model; the shipped one by default.
        days: Each article's publication day, if known.

    Returns:
        For each article, the position of the first article of its group.
    """
    model = model or load_model()
    pairs, cosines = compared_pairs(vecs, salient_terms, weights, model.close)
    links = pair_links(len(vecs), pairs, cosines, weights, model, days)
    return average_linkage(links, len(vecs), model.link)


def group_all(
    vecs: Sequence[Vectors],
    weights: Mapping[str, float],
    model: PairModel | None = None,
    days: Days | None = None,
) -> list[int]:
    """Group a small set (a local regrouping) comparing every pair; as :func:`group`."""
    model = model or load_model()
    pairs, cosines = all_pair_cosines(vecs)
    links = pair_links(len(vecs), pairs, cosines, weights, model, days)
    return average_linkage(links, len(vecs), model.link)


def average_linkage(links: Links, n: int, link: float) -> list[int]:
    """Average-linkage agglomerative clustering of a graph of pair probabilities.

    Groups merge best first while the mean probability over their pairs is at least ``link``;
    pairs never compared count as 0. Ties break on
    article positions, so a fixed input order gives a fixed result.

    Args:
        links: For each article, its compared partners and their probability (consumed).
        n: Number of articles.
        link: The linkage threshold.

    Returns:
        For each article, the position of the first article of its group.
    """
    size = [1] * n
    heap = [(-s, j, i) for i, row in links.items() for j, s in row.items() if j < i]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < link:
            break
        if parent[a] != a or parent[b] != b or b not in links[a]:
            continue
        if abs(links[a][b] / (size[a] * size[b]) + neg) > 1e-12:
            continue  # stale entry: the pair's average changed since it was pushed
        parent[b] = a
        size[a] += size[b]
        row_b = links.pop(b)
        del links[a][b]
        for k, s in row_b.items():
            if k == a:
                continue
            del links[k][b]
            links[a][k] = links[k][a] = links[a].get(k, 0.0) + s
        for k, s in links[a].items():
            heapq.heappush(heap, (-s / (size[a] * size[k]), min(a, k), max(a, k)))
    return [_root(parent, i) for i in range(n)]


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i

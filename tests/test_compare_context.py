"""What the pair model reads of a story's claims equals its definitions, computed plainly."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import seed_story

from newsfuse.compare.context import StoryClaims, read_story
from newsfuse.compare.surface import jaccard, ngram_precisions


@pytest.fixture(scope="module")
def context() -> StoryClaims:
    return read_story(seed_story())


def _pairs(context: StoryClaims) -> list[tuple[int, int]]:
    n = len(context.claims)
    return [(i, j) for i in range(n) for j in range(n) if i != j]


def test_ranks_count_the_closer_claims_of_the_other_report(context: StoryClaims) -> None:
    claims, vectors = context.claims, context.vectors
    for i, j in _pairs(context):
        if claims[i].article_id == claims[j].article_id:
            assert context.rank(i, j) == (0, 0)
            continue
        ranks = []
        for a, b in ((i, j), (j, i)):
            report = [k for k, c in enumerate(claims) if c.article_id == claims[b].article_id]
            others = np.sort(vectors[report] @ vectors[a])[::-1]
            ranks.append(int(np.searchsorted(-others, -context.cosine(a, b), side="left")))
        assert context.rank(i, j) == tuple(ranks)


def test_shared_word_and_entity_counts(context: StoryClaims) -> None:
    feats = [context.features[c.id].all() for c in context.claims]
    words = [{f for f in fs if not f.startswith(("E:", "Q:", "D:"))} for fs in feats]
    entities = [{f for f in fs if f.startswith("E:")} for fs in feats]
    n = len(feats)
    assert n > 10
    for i in range(n):
        for j in range(n):
            assert context.overlap.words[i, j] == len(words[i] & words[j])
            assert context.overlap.entities[i, j] == len(entities[i] & entities[j])


def test_ngram_precisions_and_jaccard(context: StoryClaims) -> None:
    for i, j in _pairs(context):
        a, b = context.views[i].surface, context.views[j].surface
        precision = [
            sum(len(x & y) / max(len(x), 1) for x, y in zip(p.grams, q.grams, strict=True)) / 3
            for p, q in ((a, b), (b, a))
        ]
        assert ngram_precisions(a, b) == tuple(precision)
        assert jaccard(a.words, b.words, len(a.words & b.words)) == jaccard(a.words, b.words)

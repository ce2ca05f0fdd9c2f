"""A story's claims with everything the pair model reads of them, computed once.

The comparison groups these claims; the pair model's fitting script reads gold pairs through
the same object, so that what it learns from is what the comparison sees.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.compare.align import Similarity, report_numbers, similarity
from newsfuse.compare.claims import ClaimFeatures, story_claims
from newsfuse.compare.embedding.static import load_embedder
from newsfuse.compare.pairs import ClaimView, pair_features
from newsfuse.compare.rows import ClaimSets, count_above
from newsfuse.compare.surface import read_surface
from newsfuse.models import Article, Claim, Lineage, StoryInput

__all__ = ["StoryClaims", "ordered", "read_story", "source_keys"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass
class StoryClaims:
    """A story's claims in story order, and what comparing them needs.

    Attributes:
        articles: The articles in story order.
        claims: Their claims.
        features: Comparison features by claim id.
        views: Each claim as the pair model reads it.
        vectors: Sentence embeddings, unit rows.
        overlap: Weighted overlap of words, entities, figures and dates between claims, with
            how many content words and entities each pair shares.
        sources: Article id -> its independent source (copies share their original's).
        folded: Claim index -> the first claim of the same source with the same words.
    """

    articles: list[Article]
    claims: list[Claim]
    features: dict[str, ClaimFeatures]
    views: list[ClaimView]
    vectors: npt.NDArray[np.float32]
    overlap: Similarity
    sources: dict[str, str]
    folded: dict[int, int]

    @property
    def lexical(self) -> npt.NDArray[np.float64]:
        """The weighted overlap score of every pair of claims."""
        return self.overlap.score

    def __post_init__(self) -> None:
        # (claim, other report) -> cosines of claim to that report's claims, ascending.
        self._order: dict[tuple[int, str], list[float]] = {}
        # Each claim's report, numbered in order of the reports' first claims.
        reports, self._report = report_numbers([c.article_id for c in self.claims])
        self._by_article: dict[str, npt.NDArray[np.intp]] = {
            aid: np.flatnonzero(self._report == k) for k, aid in enumerate(reports)
        }
        self._sets: ClaimSets | None = None

    def cosine(self, i: int, j: int) -> float:
        """Cosine of two claims' embeddings."""
        return float(self.vectors[i] @ self.vectors[j])

    def rank(self, i: int, j: int) -> tuple[int, int]:
        """Where j stands among its report's claims by cosine to i, and i among its report's
        by cosine to j (0: the closest); (0, 0) within one report."""
        return self._ranks(i, j, self.cosine(i, j))

    def _ranks(self, i: int, j: int, cosine: float) -> tuple[int, int]:
        if self.claims[i].article_id == self.claims[j].article_id:
            return (0, 0)
        return (self._position(i, j, cosine), self._position(j, i, cosine))

    def _position(self, i: int, j: int, cosine: float) -> int:
        """How many of j's report's claims are closer to i than j is. The cosines are float32
        values held as Python floats, which hold them exactly; counting from the top of the
        ascending list with bisect is numpy's searchsorted on the negated descending array,
        without an array per pair (the pair model reads tens of thousands of pairs)."""
        key = (i, self.claims[j].article_id)
        order = self._order.get(key)
        if order is None:
            others = self.vectors[self._by_article[key[1]]] @ self.vectors[i]
            order = self._order[key] = sorted(others.tolist())
        return len(order) - bisect_right(order, cosine)

    def row(self, i: int, j: int) -> list[float]:
        """The pair model's features of claims i and j."""
        cosine = self.cosine(i, j)
        return pair_features(
            self.views[i],
            self.views[j],
            cosine,
            float(self.lexical[i, j]),
            self._ranks(i, j, cosine),
        )

    def rows(self, pairs: Sequence[tuple[int, int]]) -> npt.NDArray[np.float64]:
        """The pair model's features of many pairs, one row each: :meth:`row`'s values,
        computed together (:mod:`newsfuse.compare.rows`)."""
        if self._sets is None:
            self._sets = ClaimSets(self.views)
        vectors = self.vectors
        # One dot product per pair, as :meth:`cosine` takes it (a matrix product may round
        # otherwise).
        cosines = np.fromiter(
            (float(vectors[i] @ vectors[j]) for i, j in pairs), dtype=np.float64, count=len(pairs)
        )
        index = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        a, b = index[:, 0], index[:, 1]
        return self._sets.rows(a, b, cosines, self.lexical[a, b], self._rank_rows(a, b, cosines))

    def _rank_rows(self, a: Ints, b: Ints, cosines: Floats) -> Ints:
        """:meth:`rank` of every pair (an m x 2 array): each report's cosines to a claim
        taken as :meth:`_position` takes them, counted for all pairs together."""
        out = np.zeros((len(a), 2), dtype=np.int64)
        report = self._report
        apart = report[a] != report[b]
        asked = np.concatenate((a[apart], b[apart]))  # a among b's report's claims, b among a's
        where = np.concatenate((report[b[apart]], report[a[apart]]))
        keys, group = np.unique(asked * len(self._by_article) + where, return_inverse=True)
        reports = list(self._by_article.values())
        claim, of = np.divmod(keys, len(self._by_article))
        others = [
            self.vectors[reports[r]] @ self.vectors[i]
            for i, r in zip(claim.tolist(), of.tolist(), strict=True)
        ]
        counts = count_above(others, group, np.concatenate((cosines[apart], cosines[apart])))
        half = int(apart.sum())
        out[apart, 0] = counts[:half]
        out[apart, 1] = counts[half:]
        return out


def read_story(story: StoryInput, whole: bool = False) -> StoryClaims:
    """Cut a story's articles into claims and read everything the pair model needs (with
    ``whole``, each paragraph is one claim: see :func:`~newsfuse.compare.claims.story_claims`)."""
    articles = ordered(story.articles)
    analyses = [story.analyses.get(a.id) for a in articles]
    claims, features = story_claims(articles, analyses, whole)
    sources = source_keys(articles, story.lineages)
    views = []
    for claim in claims:
        analysis = story.analyses.get(claim.article_id)
        said = analysis.quotes if analysis else ()
        speakers = frozenset(
            name for q in claim.quotes if q < len(said) and (name := said[q].speaker_name)
        )
        views.append(ClaimView(read_surface(claim.text), features[claim.id], speakers))
    vectors = load_embedder().encode([c.text for c in claims])
    overlap = similarity(claims, features)
    return StoryClaims(
        articles, claims, features, views, vectors, overlap, sources, _copied(claims, sources)
    )


def _copied(claims: list[Claim], sources: dict[str, str]) -> dict[int, int]:
    """Claim index -> the first claim (in story order) of the same independent source with
    the same words: a copy's sentence, which never counts twice nor sways the grouping."""
    first: dict[tuple[str, str], int] = {}
    out: dict[int, int] = {}
    for i, claim in enumerate(claims):
        key = (sources[claim.article_id], " ".join(claim.text.split()))
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    return out


def ordered(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication stamp (undated last), then id: the story order."""
    return sorted(articles, key=lambda a: (a.meta.published or "~", a.id))


def source_keys(articles: Sequence[Article], lineages: Mapping[str, Lineage]) -> dict[str, str]:
    """Article id -> the key of its independent source: copies share their original's key,
    and articles crediting one wire service share ``wire:<service>``. An article without a
    lineage is its own origin."""
    found = {a.id: lineages.get(a.id) for a in articles}
    credit: dict[str, str] = {}
    for lin in sorted((x for x in found.values() if x and x.credit), key=lambda x: x.credit or ""):
        credit[lin.original] = lin.credit or ""
    out = {}
    for aid, found_lin in found.items():
        original = found_lin.original if found_lin else aid
        out[aid] = f"wire:{credit[original]}" if original in credit else original
    return out


Rank = Callable[[int, int], tuple[int, int]]

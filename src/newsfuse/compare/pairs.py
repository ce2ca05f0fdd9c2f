"""Whether two claims state the same fact: the pair features and the learned pair model.

One logistic regression over the sentence-embedding cosine, surface overlap (words,
n-grams, characters, figures, names, negation) and what the analysis read (the story's
entities, day dates, the speakers of quotes). It is data (``data/claim_model.json``), fitted
by ``scripts/fit_claim_model.py`` on MSRP train and claims-dev; its cross-validated scores
are in docs/bench/compare.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from newsfuse.compare.claims import ClaimFeatures
from newsfuse.compare.surface import Surface, jaccard, ngram_precisions
from newsfuse.data import load_json

__all__ = ["FEATURES", "ClaimView", "ClaimPairModel", "pair_features", "pair_model"]

#: The features, in the order of the model's weights.
FEATURES = (
    "cosine",
    "jaccard_tokens",
    "jaccard_stems",
    "jaccard_content",
    "jaccard_bigrams",
    "containment_min",
    "containment_max",
    "length_ratio",
    "numbers_jaccard",
    "numbers_equal",
    "numbers_conflict",
    "numbers_missing",
    "names_jaccard",
    "names_unmatched",
    "negation_mismatch",
    "char3_jaccard",
    "char4_jaccard",
    "ngram_precision_max",
    "ngram_precision_min",
    "unmatched_content_max",
    "unmatched_content_min",
    "log_length_max",
    "log_length_min",
    "entities_jaccard",
    "entities_unmatched",
    "concepts_jaccard",
    "dates_shared",
    "dates_conflict",
    "speakers_differ",
    "lexical",
    "rank_best",
    "rank_worst",
)
#: Ranks past this count as this: the fifth likeliest partner is as weak as the tenth.
MAX_RANK = 4


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One claim as the pair model reads it.

    Attributes:
        surface: Its words, read once.
        features: What the analysis gave it (story entity ids, concepts, figures, day dates).
        speakers: Resolved speakers of the quotes it holds (empty when it quotes nobody).
    """

    surface: Surface
    features: ClaimFeatures
    speakers: frozenset[str] = frozenset()


def pair_features(
    a: ClaimView, b: ClaimView, cosine: float, lexical: float, ranks: tuple[int, int] = (0, 0)
) -> list[float]:
    """The feature vector of a claim pair (symmetric), in :data:`FEATURES` order.

    Args:
        a: One claim.
        b: The other.
        cosine: Their sentence embeddings' cosine.
        lexical: Their weighted overlap in the story (:func:`newsfuse.compare.align.similarity`).
        ranks: Where each stands among the other report's claims by cosine to the other claim
            (0: the closest); a pair given alone is (0, 0).
    """
    sa, sb = a.surface, b.surface
    fa, fb = a.features, b.features
    common = len(sa.words & sb.words)
    na, nb = max(len(sa.tokens), 1), max(len(sb.tokens), 1)
    numbers = sa.numbers and sb.numbers
    pa, pb = ngram_precisions(sa, sb)
    ua, ub = len(sa.content - sb.content), len(sb.content - sa.content)
    da, db = fa.dates, fb.dates
    return [
        cosine,
        jaccard(sa.words, sb.words, common),
        jaccard(sa.stems, sb.stems),
        jaccard(sa.content, sb.content),
        jaccard(sa.bigrams, sb.bigrams),
        common / max(min(len(sa.words), len(sb.words)), 1),
        common / max(len(sa.words), len(sb.words), 1),
        min(na, nb) / max(na, nb),
        jaccard(sa.numbers, sb.numbers),
        float(bool(numbers) and sa.numbers == sb.numbers),
        float(bool(numbers) and not (sa.numbers <= sb.numbers or sb.numbers <= sa.numbers)),
        float(bool(sa.numbers) != bool(sb.numbers)),
        jaccard(sa.names, sb.names),
        float(len(sa.names ^ sb.names)),
        float(sa.negated != sb.negated),
        jaccard(sa.chars3, sb.chars3),
        jaccard(sa.chars4, sb.chars4),
        max(pa, pb),
        min(pa, pb),
        float(max(ua, ub)),
        float(min(ua, ub)),
        math.log1p(max(na, nb)),
        math.log1p(min(na, nb)),
        jaccard(fa.entities, fb.entities),
        float(len(fa.entities ^ fb.entities)),
        jaccard(fa.words, fb.words),
        float(bool(da & db)),
        float(bool(da) and bool(db) and not da & db),
        float(bool(a.speakers) and bool(b.speakers) and not a.speakers & b.speakers),
        lexical,
        float(min(min(ranks), MAX_RANK)),
        float(min(max(ranks), MAX_RANK)),
    ]


@dataclass(frozen=True)
class ClaimPairModel:
    """A fitted logistic regression over standardised :data:`FEATURES`.

    Attributes:
        mean: Per-feature mean of the training pairs (for standardising).
        scale: Per-feature standard deviation.
        coef: Weights of the standardised features.
        intercept: Bias.
        align: Probability from which two claims are grouped as one fact.
        support: Probability from which a report sentence confirms a brief sentence (chosen
            for precision).
    """

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: float
    align: float
    support: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimPairModel:
        """Read the JSON form written by ``scripts/fit_claim_model.py``."""
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the claim model was fitted on other features; refit it")
        return cls(
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["coef"], dtype=np.float64),
            float(data["intercept"]),
            float(data["align"]),
            float(data["support"]),
        )

    def probability(
        self, rows: Sequence[Sequence[float]] | npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """P(same fact) of each feature row."""
        if len(rows) == 0:
            return np.zeros(0)
        x = (np.asarray(rows, dtype=np.float64) - self.mean) / self.scale
        out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))
        return out


@cache
def pair_model() -> ClaimPairModel:
    """The shipped pair model (``data/claim_model.json``), read once."""
    return ClaimPairModel.from_dict(load_json("claim_model.json"))

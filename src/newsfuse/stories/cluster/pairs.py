"""Pair model of story clustering: how likely two articles are to report the same event.

A logistic model over features of a pair: the cosines of its channels (words, names, lead
names) and their weighted mean, the share of nearest neighbours the two articles have in
common, how close the pair is against each article's closest partner, and, when both are
dated, how far apart they are beyond the time window. The shared neighbours tell two events
of one kind apart where the similarity cannot: a report of one Internet Explorer patch is
about as close to a report of the other patch as to one of its own, but its nearest
neighbours are reports of its own patch, and so are theirs.
An article's list grows with the number of its close partners (a share of them), so two
reports of a story of fifty still share neighbours where lists of a fixed length would not;
and it holds close partners only, so that two reports of different small events of one
theme (an indictment and a summit, three reports each) do not share a list of the theme's
reports. Where the lists say nothing, the closeness against the best partner still does: a
report's own event's reports are its closest, another event's are not.
An undated pair reads its "dated" indicator and its day gap as 0: it is fitted on pairs with
and without dates, so a missing date is never read as "the same day".
The coefficients are data (``data/pair_model.json``), fitted by ``scripts/fit_pair_model.py``.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from newsfuse.data import load_json
from newsfuse.stories.cluster.similarity import WINDOW_DAYS

Vectors = dict[str, dict[str, float]]  # channel -> term -> weight (unit length per channel)
Links = dict[int, dict[int, float]]  # article -> article -> probability of the same event
Floats = npt.NDArray[np.float64]
#: The channels whose cosines the model reads.
FEATURE_CHANNELS = ("w", "e", "l")
#: The pair features :func:`pair_features` computes, in its column order; a model names those
#: it reads.
FEATURES = (
    "words",
    "names",
    "lead",
    "similarity",
    "shared_neighbours",
    "dated",
    "day_gap",
    "relative",
)
_SHARED = FEATURES.index("shared_neighbours")
Days = Sequence[int | None]  # each article's publication day (proleptic ordinal), if known


@dataclass(frozen=True)
class PairModel:
    """Coefficients of the pair model and how groups of articles are linked with it.

    Attributes:
        neighbours: Nearest neighbours per article (by the weighted channel cosine) whose
            overlap is the fourth feature, at least (more when the share allows); only close
            partners are listed, so a list may be shorter.
        close: Similarity at which a partner counts as close.
        share: An article with many close partners lists this share of them (at least
            ``neighbours``).
        features: The features it reads, of :data:`FEATURES`.
        coef: One coefficient per feature.
        intercept: The model's intercept.
        alone: Features, coefficients and intercept of the model without shared neighbours,
            for a pair without other neighbours to compare (the first reports of a story, a
            small batch).
        link: Average-linkage threshold on the probability: groups merge while the mean
            probability over their pairs is at least this.
    """

    neighbours: int
    close: float
    share: float
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    alone: tuple[tuple[str, ...], tuple[float, ...], float]
    link: float


@cache
def load_model() -> PairModel:
    """The pair model shipped with the package."""
    raw = load_json("pair_model.json")
    return PairModel(
        int(raw["neighbours"]),
        float(raw["close"]),
        float(raw["share"]),
        tuple(str(x) for x in raw["features"]),
        tuple(float(x) for x in raw["coef"]),
        float(raw["intercept"]),
        (
            tuple(str(x) for x in raw["alone"]["features"]),
            tuple(float(x) for x in raw["alone"]["coef"]),
            float(raw["alone"]["intercept"]),
        ),
        float(raw["link"]),
    )


def pair_cosines(vecs: Sequence[Vectors], pairs: Sequence[tuple[int, int]]) -> Floats:
    """Cosine of each channel of :data:`FEATURE_CHANNELS` for each pair, one row a pair."""
    out = np.zeros((len(pairs), len(FEATURE_CHANNELS)))
    for row, (i, j) in enumerate(pairs):
        for col, channel in enumerate(FEATURE_CHANNELS):
            va, vb = vecs[i].get(channel, {}), vecs[j].get(channel, {})
            if len(vb) < len(va):
                va, vb = vb, va
            out[row, col] = sum(x * vb.get(t, 0.0) for t, x in va.items())
    return out


def all_pair_cosines(vecs: Sequence[Vectors]) -> tuple[list[tuple[int, int]], Floats]:
    """Every pair of a small group with any shared term, and its channel cosines.

    One dense product per channel, for the few hundred articles of a local regrouping.
    """
    blocks = []
    for channel in FEATURE_CHANNELS:
        at: list[int] = []
        terms: list[str] = []
        weights: list[float] = []
        for row, vec in enumerate(vecs):
            part = vec.get(channel, {})
            at.extend([row] * len(part))
            terms.extend(part)
            weights.extend(part.values())
        columns = {t: k for k, t in enumerate(dict.fromkeys(terms))}
        dense = np.zeros((len(vecs), max(len(columns), 1)))
        dense[at, [columns[t] for t in terms]] = weights
        blocks.append(dense @ dense.T)
    cosines = np.stack(blocks, axis=-1)
    rows, cols = np.nonzero(np.triu(cosines.sum(axis=-1) > 0.0, k=1))
    pairs = [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]
    return pairs, cosines[rows, cols]


def similarities(cosines: Floats, weights: Mapping[str, float]) -> Floats:
    """The weighted similarity of each row of channel cosines."""
    w = np.array([weights[c] for c in FEATURE_CHANNELS]) / sum(weights.values())
    return np.asarray(cosines.reshape(-1, len(FEATURE_CHANNELS)) @ w, dtype=np.float64)


def pair_features(
    n: int,
    pairs: Sequence[tuple[int, int]],
    cosines: Floats,
    weights: Mapping[str, float],
    lists: tuple[int, float, float],
    days: Days | None = None,
) -> tuple[list[tuple[int, int]], Floats]:
    """The model's features of each pair with any shared term.

    An article's nearest neighbours are its compared partners of highest similarity (ties
    to the lower position, so the result depends only on the positions); it lists
    ``max(neighbours, share x its partners of similarity >= close)`` of them, close partners
    only. In a story of ``m`` reports much alike, a list of fixed length ``k`` would hold
    about ``k / m`` of the story and two reports' lists would overlap by chance about as
    much; a list of a share of the close partners overlaps about that share whatever the
    story's size. Lists of any partner, close or not, made two small events of one theme
    (three reports each, in a set of many themes) share most of their lists: on undated BASIL
    events the overlap then told nothing (pair AUC 0.48) and merged such events.

    Args:
        n: Number of articles.
        pairs: Compared pairs ``(i, j)``, ``i < j``.
        cosines: Their channel cosines, as :func:`pair_cosines` gives them.
        weights: Channel weights of the similarity.
        lists: ``(neighbours, close, share)``, as :class:`PairModel` names them.
        days: Each article's publication day, if known (all unknown by default).

    Returns:
        The pairs kept (those with a cosine above 0) and one row each of :data:`FEATURES`:
        the cosine of each channel, their weighted mean, then the overlap coefficient of the
        two neighbour lists, each without the other article (the share of the shorter list
        the two have in common), NaN when either list holds no other article; then 1 when
        both are dated (else 0), and the days apart beyond `WINDOW_DAYS`,
        ``ln(1 + max(0, days apart - window))``, when both are (else 0): within the window a
        story may run slow; last the pair's similarity over the larger of the two articles'
        best similarities (1 when each is the other's closest partner).
    """
    close = lists[1]
    sims = similarities(cosines, weights)
    keep = np.flatnonzero(sims > 0.0)
    kept = [pairs[k] for k in keep.tolist()]
    kept_sims = sims[keep]
    ranked: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    for (i, j), s in zip(kept, kept_sims.tolist(), strict=True):
        ranked[i].append((s, -j))
        ranked[j].append((s, -i))
    near = [
        frozenset(-k for s, k in heapq.nlargest(_length(row, lists), row) if s >= close)
        for row in ranked
    ]
    shared = np.array([_overlap(near[i], near[j], i, j) for i, j in kept])
    rows = cosines.reshape(len(pairs), len(FEATURE_CHANNELS))[keep]
    dated, gap = _day_features(kept, days)
    relative = _relative(n, kept, kept_sims)
    columns = [rows, kept_sims, shared.reshape(len(kept)), dated, gap, relative]
    return kept, np.column_stack(columns)


def _relative(n: int, pairs: Sequence[tuple[int, int]], sims: Floats) -> Floats:
    """Each pair's similarity over the larger of its two articles' best similarities."""
    if not pairs:
        return np.zeros(0)
    at = np.asarray(pairs)
    best = np.zeros(n)
    np.maximum.at(best, at[:, 0], sims)
    np.maximum.at(best, at[:, 1], sims)
    return np.asarray(sims / np.maximum(best[at[:, 0]], best[at[:, 1]]), dtype=np.float64)


def _day_features(pairs: Sequence[tuple[int, int]], days: Days | None) -> tuple[Floats, Floats]:
    """Whether both articles of each pair are dated, and their gap beyond the window if so."""
    dated, gap = np.zeros(len(pairs)), np.zeros(len(pairs))
    if days is None:
        return dated, gap
    for row, (i, j) in enumerate(pairs):
        a, b = days[i], days[j]
        if a is not None and b is not None:
            dated[row], gap[row] = 1.0, math.log1p(max(0, abs(a - b) - WINDOW_DAYS))
    return dated, gap


def _length(row: list[tuple[float, int]], lists: tuple[int, float, float]) -> int:
    """Length of an article's neighbour list: a share of its close partners, at least the
    minimum."""
    neighbours, close, share = lists
    return max(neighbours, int(share * sum(1 for s, _ in row if s >= close)))


def _overlap(a: frozenset[int], b: frozenset[int], i: int, j: int) -> float:
    """Overlap coefficient of two neighbour lists, each without the other article; NaN when
    either holds no other article."""
    a, b = a - {j}, b - {i}
    return len(a & b) / min(len(a), len(b)) if a and b else math.nan


def probabilities(feats: Floats, model: PairModel) -> Floats:
    """Same-event probability of each row of :func:`pair_features`; the model without shared
    neighbours decides for a pair without other neighbours to compare."""
    if not len(feats):
        return np.zeros(0)
    columns = [FEATURES.index(name) for name in model.features]
    names, coef, intercept = model.alone
    alone = intercept + feats[:, [FEATURES.index(name) for name in names]] @ np.array(coef)
    both = model.intercept + np.nan_to_num(feats[:, columns]) @ np.array(model.coef)
    z = np.where(np.isnan(feats[:, _SHARED]), alone, both)
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def pair_links(
    n: int,
    pairs: Sequence[tuple[int, int]],
    cosines: Floats,
    weights: Mapping[str, float],
    model: PairModel | None = None,
    days: Days | None = None,
) -> Links:
    """Probability that each compared pair reports the same event, as a symmetric graph.

    Args:
        n: Number of articles.
        pairs: Compared pairs ``(i, j)``, ``i < j``.
        cosines: Their channel cosines, as :func:`pair_cosines` gives them.
        weights: Channel weights of the similarity.
        model: The pair model; the shipped one by default.
        days: Each article's publication day, if known.

    Returns:
        For each article, its partners with any shared term and their probability; pairs
        never compared have no link (probability 0).
    """
    model = model or load_model()
    lists = (model.neighbours, model.close, model.share)
    kept, feats = pair_features(n, pairs, cosines, weights, lists, days)
    links: Links = {i: {} for i in range(n)}
    for (i, j), p in zip(kept, probabilities(feats, model).tolist(), strict=True):
        links[i][j] = links[j][i] = p
    return links

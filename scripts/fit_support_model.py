"""Measure a directional support check, "does report sentence T state sentence H", on RTE-3.

The brief cites a report sentence as confirming a brief sentence when the symmetric pair
model (`newsfuse.compare.pairs`) groups it with the brief sentence's fact. Confirming is
directional: what H says must be in T, while T may say more. This script builds such a
check and measures it on RTE-3 dev (800 pairs; T = s1, H = s2, entailment or not).

Features (how much of H is in T, read with the comparison's own readers: `read_surface`,
`content_words`, the claims' entity ids, figures and dates, the static sentence embedding):
the share of H's words, content words, stems, concepts, names, entities and figures found
in T, the content words also weighted by rarity (the log of their WordPiece vocabulary rank,
the frequency proxy model2vec uses); the rarest of H's content words missing from T; figures
of H whose unit T gives with another value; H's day dates missing from or different in T;
negation in one only; uni-, bi- and trigram precision of H in T; H's length and T's
relative to it; how far apart in T H's words stand and whether they keep H's order; and the
embedding cosine. One standardised logistic regression over them (and, for comparison, the
variants in VARIANTS).

Protocol, nothing reported in-sample: RTE-3's rows are split into even (0, 2, ... of
pairs.jsonl) and odd; a model is fitted on one half, its threshold chosen there (the lowest
probability whose entailment precision reaches SUPPORT_PRECISION, over at least MIN_PASSED
pairs), and precision and recall at that threshold are read on the other half; then the
halves swap. The check is to be used only if, both ways, held-out precision reaches
USE_PRECISION at recall USE_RECALL or more. It does not (docs/bench/compare.md), so no model
is written and the brief does not use it.

Deterministic (no sampling; liblinear; the trees with a fixed seed). Usage::

    .venv/bin/python scripts/fit_support_model.py
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from newsfuse.compare.embedding.static import load_embedder
from newsfuse.compare.pairs import pair_model
from newsfuse.compare.surface import Surface, read_surface
from newsfuse.compare.words import concept, content_words
from newsfuse.evaluate.pairs import AnalysisCache, load_pairs, pair_claims, pair_rows
from newsfuse.models import Claim

REPO = Path(__file__).resolve().parents[1]
#: Entailment precision the threshold is chosen for, on the fitting half (a confirming
#: citation that does not support its sentence is worse than a missing one).
SUPPORT_PRECISION = 0.9
#: What the check must reach on the held-out half, both ways, to be used by the brief.
USE_PRECISION = 0.85
USE_RECALL = 0.15
#: Fewest pairs a threshold must pass for its precision to be read (not one lucky pair).
MIN_PASSED = 20
#: Thresholds tried, lowest first.
GRID = np.round(np.arange(0.30, 1.0, 0.01), 2)

#: The features, in the order of the model's weights.
FEATURES = (
    "cosine",
    "words_found",
    "content_found",
    "stems_found",
    "concepts_found",
    "rare_found",
    "rarest_missing",
    "names_found",
    "names_missing",
    "entities_found",
    "numbers_missing",
    "figures_differ",
    "dates_missing",
    "dates_differ",
    "negation_mismatch",
    "unigram_precision",
    "bigram_precision",
    "trigram_precision",
    "content_missing",
    "log_length_h",
    "log_length_ratio",
    "match_spread",
    "order_kept",
)


@dataclass(frozen=True, slots=True)
class SupportView:
    """One claim as the support check reads it.

    Attributes:
        claim: The claim (its story entity ids, figures and dates).
        surface: Its words, read once.
        concepts: Its content words' concepts (stems, synonyms folded).
        vector: Its sentence embedding, a unit row.
    """

    claim: Claim
    surface: Surface
    concepts: frozenset[str]
    vector: npt.NDArray[np.float32]


def support_views(claims: Sequence[Claim]) -> list[SupportView]:
    """Read each claim once for every later check (one embedding call for all)."""
    vectors = load_embedder().encode([c.text for c in claims])
    return [
        SupportView(c, read_surface(c.text), frozenset(w for _, _, w in content_words(c.text)), v)
        for c, v in zip(claims, vectors, strict=True)
    ]


@cache
def _rarity(word: str) -> float:
    """How rare a word is: the log of its WordPiece vocabulary rank (the vocabulary is ordered
    by frequency, the proxy model2vec's weights use too); a word split into pieces is rarer
    than any whole word."""
    tokenizer = load_embedder().tokenizer
    ids = tokenizer.word_ids(word)
    if len(ids) == 1 and ids[0] != tokenizer.unk_id:
        return math.log(2 + ids[0])
    return math.log(2 + len(tokenizer.vocab))


def _found(mine: frozenset[Any], theirs: frozenset[Any]) -> float:
    """Share of ``mine`` in ``theirs``; 1.0 when there is nothing to find."""
    return len(mine & theirs) / len(mine) if mine else 1.0


def support_features(text: SupportView, hypothesis: SupportView) -> list[float]:
    """The feature vector of "``text`` supports ``hypothesis``", in :data:`FEATURES` order."""
    t, h = text.surface, hypothesis.surface
    tc, hc = text.claim, hypothesis.claim
    content = sorted(h.content)
    weights = [_rarity(w) for w in content]
    found = [concept(w) in text.concepts or w in t.words for w in content]
    missing = [w for w, f in zip(weights, found, strict=True) if not f]
    t_figures = {(q.unit, q.value) for q in tc.quantities}
    t_units = {q.unit for q in tc.quantities}
    differ = any(q.unit in t_units and (q.unit, q.value) not in t_figures for q in hc.quantities)
    t_days = {d.value[:10] for d in tc.dates}
    h_days = {d.value[:10] for d in hc.dates}
    names = h.names - t.words
    precision = [
        len(mine & theirs) / len(mine) if mine else 1.0
        for mine, theirs in zip(h.grams, t.grams, strict=True)
    ]
    return [
        float(text.vector @ hypothesis.vector),
        _found(h.words, t.words),
        _found(h.content, t.content),
        _found(h.stems, t.stems),
        _found(hypothesis.concepts, text.concepts),
        sum(w for w, f in zip(weights, found, strict=True) if f) / sum(weights) if weights else 1.0,
        max(missing, default=0.0),
        _found(h.names, t.words),
        float(len(names)),
        _found(frozenset(hc.entities), frozenset(tc.entities)),
        _found(h.numbers, t.numbers),
        float(differ),
        float(bool(h_days - t_days)),
        float(bool(h_days) and bool(t_days) and not h_days & t_days),
        float(h.negated != t.negated),
        *precision,
        float(len(hypothesis.concepts - text.concepts)),
        math.log1p(len(h.tokens)),
        math.log1p(len(t.tokens)) - math.log1p(len(h.tokens)),
        *_placement(h, t),
    ]


def _placement(h: Surface, t: Surface) -> tuple[float, float]:
    """Where H's content words stand in T: the log of the shortest stretch of T holding every
    one of them that T has, per word held (H's words gathered from far apart parts of T
    rarely state H), and the share of their pairs that keep H's order."""
    stems = [w[:5] for w in h.tokens if w in h.content]
    wanted = {w for w in stems if w in t.stems}
    if len(wanted) < 2:
        return 0.0, 1.0
    positions = [(i, w[:5]) for i, w in enumerate(t.tokens) if w[:5] in wanted]
    best, counts, left = len(t.tokens), dict.fromkeys(wanted, 0), 0
    held = 0
    for at, word in positions:
        counts[word] += 1
        held += counts[word] == 1
        while held == len(wanted):
            start, first = positions[left]
            best = min(best, at - start + 1)
            counts[first] -= 1
            held -= counts[first] == 0
            left += 1
    first_at = {w: next(i for i, x in positions if x == w) for w in wanted}
    order = [first_at[w] for w in dict.fromkeys(w for w in stems if w in wanted)]
    pairs = [(a, b) for k, a in enumerate(order) for b in order[k + 1 :]]
    kept = sum(a < b for a, b in pairs) / len(pairs)
    return math.log(best / len(wanted)), kept


def shared_data() -> Path:
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    return Path(root) if root else REPO.parent / "shared" / "data"


def feature_rows(pairs: list[dict[str, Any]], analyses: AnalysisCache) -> npt.NDArray[np.float64]:
    """One row per pair: T = s1, H = s2, each read as one claim of a two-report story."""
    claims = pair_claims(pairs, analyses)
    views = support_views([c for pair in claims for c in pair])
    return np.array([support_features(views[2 * k], views[2 * k + 1]) for k in range(len(claims))])


def lowest_threshold(
    p: npt.NDArray[np.float64], y: npt.NDArray[np.int_], target: float = SUPPORT_PRECISION
) -> float | None:
    """The lowest grid probability whose entailment precision reaches ``target``."""
    for cut in GRID:
        passed = p >= cut
        if passed.sum() >= MIN_PASSED and (y[passed] == 1).mean() >= target:
            return float(cut)
    return None


def read(
    p: npt.NDArray[np.float64], y: npt.NDArray[np.int_], cut: float | None
) -> tuple[float, float, int]:
    """Entailment precision, recall and pairs passed at ``cut`` (none pass at None)."""
    passed = p >= cut if cut is not None else np.zeros(len(y), dtype=bool)
    tp = int((passed & (y == 1)).sum())
    n = int(passed.sum())
    return (tp / n if n else 0.0), tp / max(int((y == 1).sum()), 1), n


Maker = Callable[[], Any]


def _logistic(c: float) -> Maker:
    return lambda: LogisticRegression(C=c, solver="liblinear", max_iter=1000)


def _trees() -> Any:
    return HistGradientBoostingClassifier(
        max_depth=3, learning_rate=0.05, max_iter=200, random_state=0
    )


#: Variants measured by the same protocol: (name, model, feature columns or None for all,
#: with the symmetric pair model's probability as one more column).
VARIANTS: tuple[tuple[str, Maker, tuple[str, ...] | None, bool], ...] = (
    ("logistic regression, C = 1 (the check)", _logistic(1.0), None, False),
    ("logistic regression, C = 0.1", _logistic(0.1), None, False),
    ("logistic regression, C = 0.01", _logistic(0.01), None, False),
    (
        "logistic regression, 9 features",
        _logistic(1.0),
        (
            "cosine",
            "rare_found",
            "names_missing",
            "numbers_missing",
            "figures_differ",
            "dates_missing",
            "negation_mismatch",
            "match_spread",
            "bigram_precision",
        ),
        False,
    ),
    ("logistic regression + the pair model's probability", _logistic(1.0), None, True),
    ("gradient-boosted trees (depth 3, 200 rounds)", _trees, None, False),
    ("the symmetric pair model's probability alone", _logistic(1.0), (), True),
)


def held_out(
    make: Maker,
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.int_],
    target: float = SUPPORT_PRECISION,
) -> list[tuple[str, float | None, float, float, int, float]]:
    """Fit on each half, read on the other: (direction, threshold, P, R, passed, AUC), the
    threshold chosen for precision ``target`` on the fitting half."""
    even = np.arange(len(y)) % 2 == 0
    out = []
    for name, train in (("even -> odd", even), ("odd -> even", ~even)):
        mean, scale = x[train].mean(axis=0), x[train].std(axis=0)
        scale[scale == 0] = 1.0
        model = make()
        model.fit((x[train] - mean) / scale, y[train])
        inside = model.predict_proba((x[train] - mean) / scale)[:, 1]
        outside = model.predict_proba((x[~train] - mean) / scale)[:, 1]
        cut = lowest_threshold(inside, y[train], target)
        precision, recall, passed = read(outside, y[~train], cut)
        auc = float(roc_auc_score(y[~train], outside))
        out.append((name, cut, precision, recall, passed, auc))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=REPO / "build" / "claim-model")
    args = parser.parse_args()
    pairs = load_pairs(shared_data() / "compare" / "rte3" / "pairs.jsonl")
    analyses = AnalysisCache(args.cache / "analyses.json")
    x = feature_rows(pairs, analyses)
    y = np.array([r["label"] == "entailment" for r in pairs], dtype=int)
    symmetric = pair_model().probability(np.array(pair_rows(pairs, analyses)))
    usable = True
    for k, (name, make, columns, with_pair) in enumerate(VARIANTS):
        chosen = [FEATURES.index(f) for f in columns] if columns is not None else None
        xx = x[:, chosen] if chosen is not None else x
        if with_pair:
            xx = np.column_stack([xx, symmetric])
        print(name)
        for way, cut, precision, recall, passed, auc in held_out(make, xx, y):
            print(
                f"  {way}: threshold {cut}; held out: entailment precision {precision:.3f}, "
                f"recall {recall:.3f} ({passed} passed), AUC {auc:.3f}"
            )
            if k == 0:
                usable &= precision >= USE_PRECISION and recall >= USE_RECALL
        if k == 0:
            for target in (0.8, 0.85):
                for way, cut, precision, recall, passed, _ in held_out(make, xx, y, target):
                    print(
                        f"  {way}, threshold for precision {target}: {cut}; held out: "
                        f"precision {precision:.3f}, recall {recall:.3f} ({passed} passed)"
                    )
    verdict = "usable" if usable else "not usable"
    print(
        f"the check: {verdict} (needs held-out P >= {USE_PRECISION}, R >= {USE_RECALL} both ways)"
    )


if __name__ == "__main__":
    main()

"""Fit the story-clustering pair model on the odd ECB+ topics; write data/pair_model.json.

For each neighbour count of the grid, a logistic regression is fitted on the compared pairs
of the odd topics (label: same sub-topic), the odd topics are clustered with it in both modes
(incremental and ``recluster``) and scored with B-cubed F1; the count of best mean is kept.
The even topics are scored once, at the end, with the chosen model, and never used to choose
anything.

    python scripts/fit_pair_model.py [../shared/data/stories]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

import newsfuse.cluster_batch as batch
import newsfuse.cluster_pairs as pairs_mod
from newsfuse.cluster import LOOKUP_TERMS, WEIGHTS, _canonical
from newsfuse.cluster_batch import candidate_pairs
from newsfuse.cluster_features import CHANNELS, DocFreq, features, salient, vector
from newsfuse.evaluate.stories import evaluate_stories, load_ecb, to_article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"
OUT = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "data" / "pair_model.json"
#: Neighbour counts tried (ECB+ events have 2 to 30 reports, most 5 to 20).
NEIGHBOURS = (5, 6, 8, 10, 12, 15)
#: The features the model reads (of ``newsfuse.cluster_pairs.FEATURES``).
FEATURES = ("similarity", "shared_neighbours")
#: Probability at which groups are linked: even odds, not fitted.
LINK = 0.5
#: Both clustering modes read the model; a neighbour count is chosen by their mean F1.
MODES = ("incremental", "recluster")
#: Inverse L2 strength of the fit; the four features are on comparable scales.
C = 10.0


def _pairs(records: list[dict[str, str]], neighbours: int) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the compared pairs of a set, as ``recluster`` compares them."""
    records = sorted(records, key=lambda r: _canonical(to_article(r)))
    feats = [features(to_article(r)) for r in records]
    df = DocFreq()
    for f in feats:
        df.add(f)
    vecs = [{c: vector(f.counts[c], c, df) for c in CHANNELS} for f in feats]
    terms = [[t for c in ("w", "e") for t in salient(v[c], LOOKUP_TERMS)] for v in vecs]
    pairs = candidate_pairs(terms)
    cos = pairs_mod.pair_cosines(vecs, pairs)
    kept, x = pairs_mod.pair_features(len(vecs), pairs, cos, WEIGHTS, neighbours)
    y = np.array([records[i]["subtopic"] == records[j]["subtopic"] for i, j in kept])
    return x, y


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[tuple[float, ...], float]:
    fit = LogisticRegression(C=C, max_iter=1000).fit(x, y)
    return tuple(float(c) for c in fit.coef_[0]), float(fit.intercept_[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    odd = [r for r in load_ecb(args.data) if int(r["topic"]) % 2 == 1]
    results = []
    for k in NEIGHBOURS:
        x, y = _pairs(odd, k)
        shared = pairs_mod.FEATURES.index("shared_neighbours")
        defined = ~np.isnan(x[:, shared])
        columns = [pairs_mod.FEATURES.index(f) for f in FEATURES]
        coef, intercept = _fit(x[defined][:, columns], y[defined])
        sim = pairs_mod.FEATURES.index("similarity")
        (alone,), alone_intercept = _fit(x[:, [sim]], y)  # every pair, the similarity alone
        model = pairs_mod.PairModel(k, FEATURES, coef, intercept, (alone, alone_intercept), LINK)
        batch.load_model = lambda model=model: model  # type: ignore[assignment]
        both = [evaluate_stories(args.data, m, "odd")["b3_f1"] for m in MODES]
        f1 = sum(both) / len(both)
        scores = "  ".join(f"{m} {f:.3f}" for m, f in zip(MODES, both, strict=True))
        print(f"neighbours {k:2d}: odd B3 F1 {scores}  coef {np.round(coef, 2)}")
        results.append((f1, -k, model))
    f1, _, best = max(results, key=lambda r: r[:2])
    batch.load_model = lambda: best  # type: ignore[assignment]
    even = [evaluate_stories(args.data, m, "even")["b3_f1"] for m in MODES]
    print(f"chosen: neighbours {best.neighbours}, odd mean {f1:.3f}; even (held out) {even}")
    OUT.write_text(
        json.dumps(
            {
                "about": "Same-event probability of two articles, logistic; fitted on the odd "
                "ECB+ topics by scripts/fit_pair_model.py (see docs/bench/stories.md).",
                "features": list(best.features),
                "neighbours": best.neighbours,
                "coef": [round(c, 6) for c in best.coef],
                "intercept": round(best.intercept, 6),
                "alone": [round(x, 6) for x in best.alone],
                "link": best.link,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()

"""Fit the story-clustering pair model on the odd ECB+ topics; write data/pair_model.json.

For each setting of the neighbour lists in the grid (the similarity at which a partner is
close, and the share of its close partners an article lists), a logistic regression is fitted
on the compared pairs of the odd topics (label: same sub-topic), the odd topics are clustered
with it in both modes (incremental and ``recluster``) and scored with B-cubed F1; the setting
of best mean is kept.
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

import newsfuse.stories.cluster.batch as batch
import newsfuse.stories.cluster.pairs as pairs_mod
from newsfuse.evaluate.stories import evaluate_stories, load_ecb, to_article
from newsfuse.stories.cluster.batch import compared_pairs
from newsfuse.stories.cluster.features import CHANNELS, DocFreq, features, lookup_terms, vector
from newsfuse.stories.cluster.recluster import canonical_key
from newsfuse.stories.cluster.similarity import WEIGHTS

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"
OUT = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "data" / "pair_model.json"
#: Shortest neighbour list: chosen on the odd topics by an earlier grid (5, 6, 8, 10, 12, 15
#: with lists of fixed length; docs/bench/stories.md).
NEIGHBOURS = 6
#: Similarity at which a partner is close. The odd topics cannot tell 0.2, 0.24 and 0.3 apart
#: (mean odd F1 0.919-0.921 at their best share), their events being small; the lowest is kept
#: because a story's own words lose weight as it grows, so a higher floor counts fewer close
#: partners in a big story and cuts it (semi-synthetic big stories, docs/bench/stories.md).
CLOSE = (0.2,)
#: Share of its close partners an article lists.
SHARE = (0.33, 0.4, 0.5)
#: The features the model reads (of ``newsfuse.stories.cluster.pairs.FEATURES``).
FEATURES = ("similarity", "shared_neighbours")
#: Probability at which groups are linked: even odds, not fitted.
LINK = 0.5
#: Both clustering modes read the model; a neighbour count is chosen by their mean F1.
MODES = ("incremental", "recluster")
#: Inverse L2 strength of the fit; the four features are on comparable scales.
C = 10.0


def _pairs(
    records: list[dict[str, str]], lists: tuple[int, float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the compared pairs of a set, as ``recluster`` compares them."""
    records = sorted(records, key=lambda r: canonical_key(to_article(r)))
    feats = [features(to_article(r)) for r in records]
    df = DocFreq()
    for f in feats:
        df.add(f)
    vecs = [{c: vector(f.counts[c], c, df) for c in CHANNELS} for f in feats]
    terms = [lookup_terms(v) for v in vecs]
    pairs, cos = compared_pairs(vecs, terms, WEIGHTS, lists[1])
    kept, x = pairs_mod.pair_features(len(vecs), pairs, cos, WEIGHTS, lists)
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
    for close, share in [(c, s) for c in CLOSE for s in SHARE]:
        x, y = _pairs(odd, (NEIGHBOURS, close, share))
        shared = pairs_mod.FEATURES.index("shared_neighbours")
        defined = ~np.isnan(x[:, shared])
        columns = [pairs_mod.FEATURES.index(f) for f in FEATURES]
        coef, intercept = _fit(x[defined][:, columns], y[defined])
        sim = pairs_mod.FEATURES.index("similarity")
        (alone,), alone_intercept = _fit(x[:, [sim]], y)  # every pair, the similarity alone
        alone_fit = (alone, alone_intercept)
        model = pairs_mod.PairModel(
            NEIGHBOURS, close, share, FEATURES, coef, intercept, alone_fit, LINK
        )
        batch.load_model = lambda model=model: model  # type: ignore[assignment]
        both = [evaluate_stories(args.data, m, "odd")["b3_f1"] for m in MODES]
        f1 = sum(both) / len(both)
        scores = "  ".join(f"{m} {f:.3f}" for m, f in zip(MODES, both, strict=True))
        print(f"close {close} share {share}: odd B3 F1 {scores}  coef {np.round(coef, 2)}")
        results.append((f1, -close, -share, model))
    f1, _, _, best = max(results, key=lambda r: r[:3])
    batch.load_model = lambda: best  # type: ignore[assignment]
    even = [evaluate_stories(args.data, m, "even")["b3_f1"] for m in MODES]
    print(f"chosen: close {best.close} share {best.share}, odd mean {f1:.3f}; even {even}")
    OUT.write_text(
        json.dumps(
            {
                "about": "Same-event probability of two articles, logistic; fitted on the odd "
                "ECB+ topics by scripts/fit_pair_model.py (see docs/bench/stories.md).",
                "features": list(best.features),
                "neighbours": best.neighbours,
                "close": best.close,
                "share": best.share,
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

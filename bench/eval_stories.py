"""Print ECB+ story-clustering scores (halves and whole, both modes) and speed."""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import newsfuse.cluster as cluster
import newsfuse.cluster_batch as batch
import newsfuse.cluster_split as split
from newsfuse.evaluate.stories import evaluate_stories

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


def calibrate(data: Path) -> None:
    """Grid the thresholds of both modes on the odd topics only; score the best on the even."""
    grid = itertools.product([0.06, 0.08, 0.10, 0.12, 0.15], [0.4, 0.6, 0.8, 1.0, 1.2], [0.05, 9.0])
    results = []
    for join, growth, merge in grid:
        cluster.JOIN, cluster.GROWTH, cluster.MERGE_MARGIN = join, growth, merge
        results.append((evaluate_stories(data, "incremental", "odd")["b3_f1"], join, growth, merge))
    f1, join, growth, merge = max(results)
    cluster.JOIN, cluster.GROWTH, cluster.MERGE_MARGIN = join, growth, merge
    even = evaluate_stories(data, "incremental", "even")["b3_f1"]
    print(f"best on odd: JOIN={join} GROWTH={growth} MERGE_MARGIN={merge} odd F1={f1:.3f}")
    print(f"confirmed on even: F1={even:.3f}")
    ratio = split.SPLIT_RATIO
    split.SPLIT_RATIO = 0.0  # LINK is chosen for the linkage alone, as before the split step
    batch.LINK = _plateau(data, batch, "LINK", [0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.20])
    split.SPLIT_RATIO = ratio
    ratios = [round(0.60 + 0.01 * k, 2) for k in range(13)]
    split.SPLIT_RATIO = _plateau(data, split, "SPLIT_RATIO", ratios)


def _plateau(data: Path, module: object, name: str, values: list[float]) -> float:
    """Grid one recluster setting on the odd topics; the middle of the best plateau wins."""
    scores = []
    for value in values:
        setattr(module, name, value)
        scores.append((evaluate_stories(data, "recluster", "odd")["b3_f1"], value))
    best = max(f for f, _ in scores)
    plateau = [value for f, value in scores if f >= best - 1e-4]
    setattr(module, name, plateau[len(plateau) // 2])
    even = evaluate_stories(data, "recluster", "even")["b3_f1"]
    chosen = getattr(module, name)
    print(f"recluster best on odd: {name}={chosen} (plateau {plateau}) F1={best:.3f}")
    print(f"confirmed on even: F1={even:.3f}")
    return float(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--calibrate", action="store_true", help="rerun the odd-topic grid")
    args = parser.parse_args()
    if args.calibrate:
        calibrate(args.data)
        return
    print("mode         half  B3-P   B3-R   B3-F1  ARI    topicF1 stories docs/s")
    for mode in ("incremental", "recluster"):
        for half in ("odd", "even", "all"):
            s = evaluate_stories(args.data, mode, half)
            print(
                f"{mode:12s} {half:5s} {s['b3_p']:.3f}  {s['b3_r']:.3f}  {s['b3_f1']:.3f}  "
                f"{s['ari']:.3f}  {s['topic_b3_f1']:.3f}   {int(s['stories']):4d}    "
                f"{s['docs'] / s['seconds']:.0f}"
            )


if __name__ == "__main__":
    main()

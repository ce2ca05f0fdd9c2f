"""Print ECB+ story-clustering scores (halves and whole, both modes) and speed."""

from __future__ import annotations

import argparse
from pathlib import Path

import newsfuse.stories.cluster.local as local
from newsfuse.evaluate.stories import evaluate_stories

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


def calibrate(data: Path) -> None:
    """Grid the incremental pool floor on the odd topics only; score the best on the even.

    The pair model both modes share is fitted by ``scripts/fit_pair_model.py``; the centroid
    join thresholds (``JOIN``, ``GROWTH``, ``MERGE_MARGIN``) now only serve stories too large
    to regroup, which ECB+ does not have, so it cannot calibrate them again.
    """
    floors = [0.03, 0.05, 0.08, 0.10, 0.12, 0.14, 0.16, 0.20]
    _plateau(data, "incremental", local, "POOL_FLOOR", floors)


def _plateau(data: Path, mode: str, module: object, name: str, values: list[float]) -> float:
    """Grid one setting on the odd topics; the middle of the best plateau wins."""
    scores = []
    for value in values:
        setattr(module, name, value)
        scores.append((evaluate_stories(data, mode, "odd")["b3_f1"], value))
    best = max(f for f, _ in scores)
    plateau = [value for f, value in scores if f >= best - 1e-3]
    setattr(module, name, plateau[len(plateau) // 2])
    even = evaluate_stories(data, mode, "even")["b3_f1"]
    chosen = getattr(module, name)
    print(f"{mode} best on odd: {name}={chosen} (plateau {plateau}) F1={best:.3f}")
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

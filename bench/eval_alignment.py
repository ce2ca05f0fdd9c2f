"""Print ECB+ sentence-alignment precision and recall of the comparison's fact groups (odd,
even, all topics), optionally over a grid of the pair model's grouping probability."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsfuse.evaluate.alignment import load_docs, prepare, score_prepared, to_article
from newsfuse.extract.analyse import analyse

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--words-only", action="store_true", help="skip the analysis stage")
    parser.add_argument("--grid", action="store_true", help="also print a threshold grid")
    args = parser.parse_args()
    known = None
    if not args.words_only:
        start = time.perf_counter()
        articles = [to_article(r) for r in load_docs(args.data)]
        known = {a.article_id: a for a in analyse(articles)}
        print(f"analyse: {len(articles)} documents in {time.perf_counter() - start:.1f} s")
    for half in ("odd", "even", "all"):
        start = time.perf_counter()
        prepared = prepare(args.data, half, known=known)
        result = score_prepared(prepared)
        seconds = time.perf_counter() - start
        print(
            f"{half:>4}: precision {result['precision']:.3f} recall {result['recall']:.3f} "
            f"(predicted {result['predicted']:.0f}, gold {result['gold']:.0f}, "
            f"{result['subtopics']:.0f} sub-topics, {seconds:.1f} s)"
        )
        if args.grid and half == "odd":
            for align in (0.5, 0.6, 0.7, 0.8, 0.9):
                r = score_prepared(prepared, align)
                print(f"      align={align:.2f}: P {r['precision']:.3f} R {r['recall']:.3f}")


if __name__ == "__main__":
    main()

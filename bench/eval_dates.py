"""Print TempEval-3 Task A scores and speed of the date stage on ../shared/data/dates."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from newsfuse.evaluate.dates import load_documents, score_documents

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    """Score each half (calibration = even, held-out = odd) and the whole, then time a pass."""
    parser = argparse.ArgumentParser(description=__doc__)
    shared = Path(os.environ.get("NEWSFUSE_SHARED_DATA", DEFAULT_DATA))
    parser.add_argument("--data", type=Path, default=shared / "dates")
    args = parser.parse_args()
    print(f"{'subset':<22}{'docs':>5}{'gold':>6}{'pred':>6}  strict P/R/F1      "
          f"relaxed P/R/F1     value P/R/F1       type acc")  # fmt: skip
    halves = (("even", "even (calibration)"), ("odd", "odd (held-out)"), ("all", "all"))
    for subset, label in halves:
        s = score_documents(load_documents(args.data, subset))  # type: ignore[arg-type]
        cells = "  ".join(
            f"{s[f'{k}_precision']:.3f}/{s[f'{k}_recall']:.3f}/{s[f'{k}_f1']:.3f}"
            for k in ("strict", "relaxed", "value")
        )
        print(f"{label:<22}{s['documents']:>5.0f}{s['gold']:>6.0f}{s['predicted']:>6.0f}  "
              f"{cells}  {s['type_accuracy']:.3f}")  # fmt: skip
    docs = load_documents(args.data)
    from newsfuse.extract.dates.find import find_dates

    find_dates(docs[0].text, docs[0].dct)  # warm-up: imports and dateparser's caches
    began = time.perf_counter()
    found = sum(len(find_dates(d.text, d.dct)) for d in docs)
    elapsed = time.perf_counter() - began
    chars = sum(len(d.text) for d in docs)
    print(
        f"speed: {len(docs) / elapsed:.1f} documents/s, {found / elapsed:.0f} expressions/s, "
        f"{chars / elapsed / 1000:.0f} k characters/s ({len(docs)} documents, {elapsed:.2f} s)"
    )


if __name__ == "__main__":
    main()

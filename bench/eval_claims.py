"""Score claim comparison on claims-dev (15 BASIL events x 3 outlets) with its own scorer.

Usage::

    .venv/bin/python bench/eval_claims.py              # dated reports (BASIL's date as published)
    .venv/bin/python bench/eval_claims.py --undated

The data folder defaults to ``../shared/data/compare`` next to the repository;
``NEWSFUSE_SHARED_DATA`` overrides the ``shared/data`` root, ``--data`` the folder itself.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from newsfuse.evaluate.claims import build_store, event_records, load_gold, score, write_export


def default_data() -> Path:
    """The compare data folder, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "compare"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--undated", action="store_true", help="ingest without dates")
    args = parser.parse_args()
    gold = load_gold(args.data)
    events = sorted({g["event"] for g in gold})
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = build_store(event_records(args.data, events, not args.undated), Path(tmp) / "c.db")
        built = time.perf_counter() - start
        start = time.perf_counter()
        export = Path(tmp) / "export.jsonl"
        write_export(store, export)
        compared = time.perf_counter() - start
        gold_file = Path(tmp) / "gold.jsonl"
        gold_file.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        result = score(args.data, gold_file, export)
        stories = len(store.story_rows())
        store.close()
    same, conflict, diff = result["same"], result["conflict"], result["different"]
    print(
        f"{len(events)} events, {stories} stories; ingest {built:.1f} s, compare {compared:.1f} s"
    )
    print(f"SAME      P {same['precision']:.3f}  R {same['recall']:.3f}  F1 {same['f1']:.3f}")
    print(
        f"CONFLICT  P {conflict['precision']:.3f}  R {conflict['recall']:.3f}  "
        f"F1 {conflict['f1']:.3f}  ({conflict['tp']}/{conflict['predicted']} predicted right)"
    )
    print(f"DIFFERENT left ungrouped {diff['accuracy']:.3f} ({diff['correct']}/{diff['gold']})")
    print("confusion:", ", ".join(f"{k} {v}" for k, v in result["confusion"].items()))
    print("conflict recall by slot:", result.get("conflict_recall_by_slot"))


if __name__ == "__main__":
    main()

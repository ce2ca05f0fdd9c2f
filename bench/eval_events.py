"""Score PLOVER event coding on the gold records: calibration half, confirmation half, whole.

Usage::

    .venv/bin/python bench/eval_events.py            # prints a JSON report
    .venv/bin/python bench/eval_events.py --errors   # also the misclassified records of half A

The data folder defaults to ``../shared/data/events`` next to the repository;
``NEWSFUSE_SHARED_DATA`` overrides the ``shared/data`` root, ``--data`` the folder itself.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from newsfuse.evaluate.events import half, load_gold, predict, score


def default_data() -> Path:
    """The events data folder, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "events"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--errors", action="store_true", help="list half A's wrong types")
    args = parser.parse_args()
    gold = load_gold(args.data / "dev.jsonl")
    preds = predict([g.text for g in gold])
    report = {}
    for name in ("A", "B", "whole"):
        idx = [i for i, g in enumerate(gold) if name == "whole" or half(g) == name]
        report[name] = score([gold[i] for i in idx], [preds[i] for i in idx])
    print(json.dumps(report, indent=2, sort_keys=True))
    if args.errors:
        for g, p in zip(gold, preds, strict=True):
            if half(g) == "A" and g.event != p.event:
                print(f"{g.event:<12} <- {p.event:<12} {g.text[:120]}")


if __name__ == "__main__":
    main()

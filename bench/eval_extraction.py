"""Score a cleaner on the extraction pages: P/R/F1/accuracy with ±std, and pages per second.

Usage::

    .venv/bin/python bench/eval_extraction.py --mode text
    .venv/bin/python bench/eval_extraction.py --mode html

The data folder defaults to ``../shared/data/extraction`` next to the repository;
``NEWSFUSE_SHARED_DATA`` overrides the ``shared/data`` root, ``--data`` the folder itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsfuse.evaluate.extraction import aggregate, iter_pages, score_page

Extractor = Callable[[str, str | None], str]


def default_data() -> Path:
    """The extraction data folder, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "extraction"


def extractor(mode: str) -> Extractor:
    """The body-text function of one cleaner; the HTML cleaner is imported only when asked."""
    if mode == "text":
        from newsfuse.clean.dump.cascade import clean_dump

        return lambda source, url: "\n\n".join(b.text for b in clean_dump(source).body)
    from newsfuse.clean.html.cascade import clean_html

    return lambda source, url: "\n\n".join(b.text for b in clean_html(source, url).body)


def main(argv: list[str] | None = None) -> int:
    """Score every page, then time the cleaner alone over all of them."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=("text", "html"), default="text", help="input kind")
    ap.add_argument("--data", type=Path, default=None, help="extraction data folder")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds (best is reported)")
    args = ap.parse_args(argv)
    data = args.data or default_data()
    if not (data / "gold.jsonl").exists():
        print(f"no extraction data at {data}; set NEWSFUSE_SHARED_DATA or --data")
        return 2
    pages = list(iter_pages(data, args.mode))
    extract = extractor(args.mode)
    extract(pages[0][1], pages[0][2])  # warm-up: loads the model and word lists
    scores = aggregate([score_page(pid, extract(src, url), gold) for pid, src, url, gold in pages])
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _, src, url, _ in pages:
            extract(src, url)
        best = min(best, time.perf_counter() - start)
    print(f"mode={args.mode} pages={scores.pages} data={data}")
    print(
        f"P={scores.precision:.3f} R={scores.recall:.3f} F1={scores.f1:.3f} "
        f"±{scores.f1_std:.3f} accuracy={scores.accuracy:.3f}"
    )
    print(
        f"speed={len(pages) / best:.0f} pages/s (one process, best of {args.rounds}; "
        f"Python {platform.python_version()}, {os.cpu_count()} cores)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

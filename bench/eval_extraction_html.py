"""Score clean_html on the extraction data (word 4-gram P/R/F1) and time it on one core.

Usage: python bench/eval_extraction_html.py [DATA_DIR]

DATA_DIR defaults to ../shared/data/extraction (or $NEWSFUSE_SHARED_DATA/extraction). Pages
are split into two halves by the first hex digit of their id (0-7 / 8-f), the split used to
calibrate the cleanup thresholds on one half and confirm them on the other.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

from newsfuse.clean.html.cascade import clean_html
from newsfuse.errors import RejectedInput
from newsfuse.evaluate.extraction import ExtractionScores, aggregate, evaluate, iter_pages


def default_data_dir() -> Path:
    """The extraction data directory, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "extraction"


def _line(name: str, s: ExtractionScores) -> str:
    return (
        f"{name:<10} pages={s.pages:<4} P={s.precision:.3f} R={s.recall:.3f} "
        f"F1={s.f1:.3f} ±{s.f1_std:.3f} accuracy={s.accuracy:.3f}"
    )


def main(argv: list[str]) -> int:
    """Print scores (whole set and halves), rejections and pages per second."""
    data = Path(argv[1]) if len(argv) > 1 else default_data_dir()
    if not (data / "gold.jsonl").is_file():
        print(f"no extraction data at {data}", file=sys.stderr)
        return 2
    rejected: Counter[str] = Counter()

    def extract(html: str, url: str | None) -> str:
        try:
            return "\n\n".join(b.text for b in clean_html(html, url).body)
        except RejectedInput as err:
            rejected[err.reason] += 1
            return ""

    scores, pages = evaluate(data, "html", extract)
    half_a = aggregate([p for p in pages if p.page_id[0] < "8"])
    half_b = aggregate([p for p in pages if p.page_id[0] >= "8"])
    print(_line("all", scores))
    print(_line("half A", half_a))
    print(_line("half B", half_b))
    print(f"rejected: {dict(rejected) or 'none'}")

    # Timing apart from scoring and file reading: pages decoded in memory first.
    sources = [(html, url) for _, html, url, _ in iter_pages(data, "html")]
    clean_html(*sources[0])  # warm-up: imports, compiled patterns, public suffix list
    start = time.process_time()
    for html, url in sources:
        with contextlib.suppress(RejectedInput):
            clean_html(html, url)
    cpu = time.process_time() - start
    print(
        f"speed: {len(sources) / cpu:.1f} pages/s ({1000 * cpu / len(sources):.1f} ms/page CPU, "
        f"one process) on Python {platform.python_version()}, {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""Ingest speed: page dumps and HTML pages read, cleaned, described and stored per second.

Usage: python bench/bench_ingest.py [--n 2000]

Writes N synthetic page dumps and N/4 HTML pages built from the bundled samples' shapes to a
temporary folder, ingests them into a fresh SQLite store, and prints articles per second.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from newsfuse import pipeline
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _variants(n: int, tmp: Path) -> int:
    """Write n distinct variants of every sample page; return how many files were written."""
    pages = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    count = 0
    for i in range(n):
        page = pages[i % len(pages)]
        text = page.read_text(encoding="utf-8")
        # A unique sentence per copy keeps every content key distinct.
        marker = f"Reference number {i} was assigned to this report by the desk."
        if page.suffix == ".html":
            text = text.replace("</p>", f" {marker}</p>", 1)
        else:
            text = text.replace("\n\n", f"\n\n{marker}\n\n", 3)
        (tmp / f"{i:06d}{page.suffix}").write_text(text, encoding="utf-8")
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    settings = load_settings(env={})
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        corpus = tmp / "corpus"
        corpus.mkdir()
        files = _variants(args.n, corpus)
        store = open_store(str(tmp / "bench.db"))
        start = time.perf_counter()
        summary = pipeline.ingest(read([str(corpus)], Hints(), settings.max_bytes), store, settings)
        elapsed = time.perf_counter() - start
        store.close()
    print(f"machine: {platform.machine()} {platform.python_version()}, 1 process")
    print(f"files: {files}  ingested: {summary.ingested}  rejected: {summary.rejected}")
    print(f"ingest into SQLite: {summary.ingested / elapsed:.1f} articles/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()

"""Analysis speed: entities + quotes + dates per second, against spaCy's own pipeline.

Usage: python bench/bench_analyse.py [--n 120]

Texts: the first N ECB+ documents of ../shared/data/stories (or NEWSFUSE_SHARED_DATA), split
into paragraphs as articles. Prints articles/s for spaCy's full pipeline, for the parse the
analysis runs (parser + NER), for the whole analysis, and the overhead of the extractors.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from newsfuse.extract.analyse import _NEEDED, analyse
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.models import Article, Block, Metadata, Origin

ROOT = Path(__file__).resolve().parents[1]


def _articles(n: int) -> list[Article]:
    data = Path(os.environ.get("NEWSFUSE_SHARED_DATA", ROOT.parent / "shared" / "data"))
    out = []
    with (data / "stories" / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            paras = [p.strip() for p in rec["text"].split("\n") if p.strip()]
            out.append(
                Article(
                    str(rec["id"]),
                    str(rec["id"]),
                    Origin(),
                    "text",
                    Metadata(published="2013-01-01"),
                    tuple(Block(p) for p in paras),
                )
            )
            if len(out) >= n:
                break
    return out


def _best(fn: object, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=120)
    args = parser.parse_args()
    articles = _articles(args.n)
    nlp = load_nlp()
    texts = [b.text for a in articles for b in a.body]
    full = _best(lambda: list(nlp.pipe(texts)))
    needed = _best(lambda: parse(texts, _NEEDED, nlp))
    whole = _best(lambda: analyse(articles, nlp))
    n = len(articles)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, 1 process")
    print(f"articles: {n}, paragraphs: {len(texts)}")
    print(f"spaCy full pipeline:        {n / full:7.1f} articles/s")
    print(f"parse used by the analysis: {n / needed:7.1f} articles/s")
    print(f"analysis (parse + extract): {n / whole:7.1f} articles/s")
    print(
        f"extractors over their parse: +{(whole - needed) / needed:.0%}; "
        f"analysis vs spaCy full pipeline: {whole / full:.2f}x"
    )


if __name__ == "__main__":
    main()

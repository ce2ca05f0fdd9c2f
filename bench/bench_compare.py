"""Time compare + brief on a synthetic 50-article story (analyses precomputed), and analyse.

Usage: python bench/bench_compare.py [--sizes 50,100,200,400]

With ``--sizes``, each story size is compared once instead, with its CPU time and the peak
memory compare allocates (tracemalloc, which slows it: the CPU figures are for comparing
sizes with each other, not with the timed runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import statistics
import time
import tracemalloc
from pathlib import Path

from newsfuse.brief.build import brief
from newsfuse.brief.render import to_html, to_markdown
from newsfuse.compare.comparison import compare
from newsfuse.ingest import read
from newsfuse.models import Article, Hints, Metadata, StoryInput
from newsfuse.pipeline import process
from newsfuse.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SIZE = 50


def corpus() -> list[Article]:
    """The sample corpus and the seeds, as articles."""
    settings = load_settings(env={})
    paths = [str(p) for p in sorted((REPO / "samples").iterdir()) if p.name != "README.md"]
    paths += [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    return [
        process(r, settings)
        for r in read(paths, Hints(), settings.max_bytes)
        if not hasattr(r, "reason")
    ]


def synthetic(base: list[Article], size: int = SIZE) -> list[Article]:
    """``size`` articles cycling over ``base``, each with its own id, outlet and date, and its
    paragraphs rotated, so that every one counts as an independent report (the worst case:
    no copy collapses, every claim has partners)."""
    out = []
    for i in range(size):
        art = base[i % len(base)]
        k = i // len(base)
        body = art.body[k % max(len(art.body), 1) :] + art.body[: k % max(len(art.body), 1)]
        meta = dataclasses.replace(
            art.meta or Metadata(),
            outlet=f"Outlet {i:02d}",
            published=f"2025-03-{1 + i % 28:02d}T{i % 24:02d}:00",
        )
        out.append(
            dataclasses.replace(
                art, id=f"syn{i:02d}", content_key=f"syn{i:02d}", meta=meta, body=body
            )
        )
    return out


def by_size(sizes: list[int]) -> None:
    """Compare stories of each size once: claims, CPU seconds and peak allocated memory."""
    from newsfuse.extract.analyse import analyse

    base = corpus()
    for size in sizes:
        articles = synthetic(base, size)
        story = StoryInput("bench", articles, {a.article_id: a for a in analyse(articles)}, {})
        tracemalloc.start()
        cpu = time.process_time()
        comp = compare(story)
        cpu = time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"{size} articles, {len(comp.claims)} claims: compare {cpu:.1f} s CPU (traced), "
            f"peak {peak / 1e6:.0f} MB allocated"
        )


def main() -> None:
    from newsfuse.extract.analyse import analyse
    from newsfuse.extract.nlp import load_nlp

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", help="story sizes to compare once each, e.g. 50,100,200")
    args = parser.parse_args()
    if args.sizes:
        by_size([int(n) for n in args.sizes.split(",")])
        return
    articles = synthetic(corpus())
    load_nlp()
    start = time.perf_counter()
    analyses = {a.article_id: a for a in analyse(articles)}
    analyse_s = time.perf_counter() - start
    story = StoryInput("bench", articles, analyses, {})
    compare(story)  # warm the word lists
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        comp = compare(story)
        b = brief(story, comp)
        to_markdown(b), to_html(b)
        runs.append(time.perf_counter() - start)
    words = sum(len(a.text().split()) for a in articles)
    print(f"machine: {platform.python_version()} on {platform.machine()}")
    print(
        f"story: {len(articles)} articles, {words} words, {len(comp.claims)} claims, "
        f"{len(comp.groups)} groups"
    )
    print(f"analyse (not part of compare): {analyse_s:.2f} s")
    print(
        f"compare + brief + render: median {statistics.median(runs):.3f} s, "
        f"max {max(runs):.3f} s over {len(runs)} runs"
    )


if __name__ == "__main__":
    main()

"""Per-article story-clustering time at 1k and at N stored articles, and peak memory.

Usage: python bench/bench_cluster.py [--n 100000] [--probe 500]
       python bench/bench_cluster.py --store [--n 20000] [--run 10] [--repeat 5]

The first form times the in-memory index. ``--store`` times what ingest pays: a run of
``--run`` new articles stored and clustered (``pipeline.assign_stories``) into SQLite stores
already holding 1k and N clustered articles, the median of ``--repeat`` runs each.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import string
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta

from newsfuse import pipeline
from newsfuse.models import Article, Block, Metadata, Origin
from newsfuse.store import open_store
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.stories.cluster.index import StoryIndex

VOCAB = 30_000
PER_STORY = 5  # mean reports per story
WORDS = 160  # words per report
START = date(2020, 1, 1)


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 10)))


def stream(n: int, seed: int = 7) -> Iterator[Article]:
    """A realistic synthetic stream: Zipf vocabulary, named people and places, numbers, dates.

    Stories start at a steady rate over many days (about 100 reports a day); each report mixes
    its story's words, names and numbers with background words drawn from a Zipf law.
    """
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(VOCAB)]
    weights = [1.0 / (r + 1) for r in range(VOCAB)]  # Zipf, s = 1
    people = [f"{_word(rng).title()} {_word(rng).title()}" for _ in range(5_000)]
    places = [_word(rng).title() for _ in range(2_000)]
    live: list[dict[str, object]] = []
    for i in range(n):
        day = START + timedelta(days=i // 100)
        if not live or rng.random() < 1.0 / PER_STORY:
            live.append(
                {
                    "words": rng.choices(vocab, weights, k=25),
                    "names": rng.sample(people, 3) + rng.sample(places, 2),
                    "nums": [str(rng.randint(2, 999)) for _ in range(3)],
                }
            )
            live = live[-60:]  # stories stay in the news for a few days
        story = rng.choice(live)
        words = rng.choices(vocab, weights, k=WORDS)
        for j in range(0, WORDS, 4):
            words[j] = rng.choice(story["words"])  # type: ignore[arg-type]
        for j in range(2, WORDS, 16):
            words[j] = rng.choice(story["names"] + story["nums"])  # type: ignore[operator]
        sentences = [" ".join(words[k : k + 20]).capitalize() + "." for k in range(0, WORDS, 20)]
        paras = tuple(Block(" ".join(sentences[k : k + 2])) for k in range(0, len(sentences), 2))
        head = " ".join(rng.sample(story["names"], 2) + rng.sample(story["words"], 4))  # type: ignore[arg-type]
        meta = Metadata(headline=head, published=day.isoformat(), outlet=f"outlet{i % 40}")
        yield Article(f"a{i}", f"a{i}", Origin(record_id=str(i)), "text", meta, paras)


def _filled(path: str, stored: int, extra: int) -> tuple[SqliteStore, Iterator[Article]]:
    """A store holding ``stored`` clustered articles, and the rest of the same stream."""
    articles = stream(stored + extra)
    store = open_store(path)
    for _ in range(stored):
        store.add_article(next(articles))
    pipeline.assign_stories(store)
    return store, articles


def main_store(n: int, run: int, repeat: int) -> None:
    """Print the time of a run of new articles into a store of 1k and of ``n`` articles.

    Runs into the two stores alternate, so that load from other jobs weighs on both alike.
    Each run continues its store's stream: its articles join stories of the stored days.
    """
    sizes = sorted({min(1_000, n), n})
    times: dict[int, list[float]] = {k: [] for k in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        filled = {k: _filled(f"{tmp}/{k}.db", k, run * repeat) for k in sizes}
        for _ in range(repeat):
            for stored, (store, articles) in filled.items():
                start = time.perf_counter()
                for _ in range(run):
                    store.add_article(next(articles))
                pipeline.assign_stories(store)
                times[stored].append(time.perf_counter() - start)
        for store, _ in filled.values():
            store.close()
    medians = {k: statistics.median(v) for k, v in times.items()}
    for stored, secs in times.items():
        spread = ", ".join(f"{t * 1000:.0f}" for t in secs)
        print(
            f"run of {run} into {stored:>7,} stored: median {medians[stored] * 1000:.0f} ms"
            f" ({spread} ms)"
        )
    if len(medians) == 2:
        lo, hi = (medians[k] for k in sizes)
        print(f"ratio: {hi / lo:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="stored articles at the 2nd probe")
    parser.add_argument("--probe", type=int, default=500, help="articles timed per probe")
    parser.add_argument("--store", action="store_true", help="time runs into SQLite stores")
    parser.add_argument("--run", type=int, default=10, help="new articles per run (--store)")
    parser.add_argument("--repeat", type=int, default=5, help="runs timed per store (--store)")
    args = parser.parse_args()
    if args.store:
        main_store(args.n, args.run, args.repeat)
        return
    small = min(1_000, args.n)
    index = StoryIndex()
    timings: dict[int, float] = {}
    articles = stream(args.n + args.probe)
    fill_start = time.perf_counter()
    for i, article in enumerate(articles):
        if i in (small, args.n):
            start, stored = time.perf_counter(), i
        index.add(article)
        if i + 1 in (small + args.probe, args.n + args.probe):
            timings[stored] = (time.perf_counter() - start) / args.probe
    total = time.perf_counter() - fill_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for stored, secs in sorted(timings.items()):
        print(f"per-article time with {stored:>7,} stored: {secs * 1000:.2f} ms")
    if len(timings) == 2:
        lo, hi = (timings[k] for k in sorted(timings))
        print(f"ratio: {hi / lo:.2f}")
    print(f"stories: {len(index):,}; total {total:.0f} s; peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

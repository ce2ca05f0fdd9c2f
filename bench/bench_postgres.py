"""PostgreSQL against SQLite: ingest throughput on the same inputs, story-page latency.

Usage: python bench/bench_postgres.py [--n 1000] [--articles 10000] [--url postgresql://...]

1. Ingest: N variants of the sample pages (those of ``bench_ingest.py``) into a fresh SQLite
   store and a fresh PostgreSQL database, one process, no analysis (as ``bench_ingest.py``),
   alternately, best of ``--rounds`` each; prints articles/s and PostgreSQL's ratio to SQLite.
2. Story pages: a store of about ``--articles`` articles built as ``bench_web.py`` builds it,
   in each back-end; p50/p95 of story pages (HTML, with brief) through the ASGI stack.

Without ``--url`` a throwaway server is started as the tests start theirs (tests/pgserver.py);
a ``--url`` database must be empty (its tables are made and, for each round, emptied).
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import bench_ingest  # noqa: E402
import bench_web  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from newsfuse import pipeline  # noqa: E402
from newsfuse.ingest import read  # noqa: E402
from newsfuse.models import Hints  # noqa: E402
from newsfuse.settings import load_settings  # noqa: E402
from newsfuse.store import open_store  # noqa: E402
from newsfuse.web.app import create_app  # noqa: E402


def _ingest_rate(url: str, corpus: Path) -> float:
    settings = load_settings(env={})
    store = open_store(url)
    start = time.perf_counter()
    summary = pipeline.ingest(read([str(corpus)], Hints(), settings.max_bytes), store, settings)
    elapsed = time.perf_counter() - start
    store.close()
    return summary.ingested / elapsed


def _story_pages(url: str, requests: int) -> tuple[float, float]:
    store = open_store(url, create=False)
    stories = [s["id"] for s in store.find_stories(limit=1_000_000)]
    store.close()
    rng = random.Random(11)
    with TestClient(create_app(url)) as client:
        client.get(f"/stories/{stories[0]}")  # load the gazetteer and lexicons once
        return bench_web._time(client, [f"/stories/{rng.choice(stories)}" for _ in range(requests)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--url", help="An empty PostgreSQL database to use.")
    args = parser.parse_args()
    fresh: Callable[[], str]
    if args.url:
        fresh = lambda: _emptied(args.url)  # noqa: E731
    else:
        import pgserver

        try:
            server = pgserver.start_server()
        except RuntimeError as exc:
            print(f"skipped: no PostgreSQL server ({exc}); give --url")
            return
        fresh = lambda: server.new_database(migrated=False)  # noqa: E731
    print(f"machine: {platform.machine()} {platform.python_version()}, 1 process")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        corpus = tmp / "corpus"
        corpus.mkdir()
        files = bench_ingest._variants(args.n, corpus)
        rates: dict[str, list[float]] = {"sqlite": [], "postgres": []}
        for r in range(args.rounds):
            rates["sqlite"].append(_ingest_rate(str(tmp / f"lite{r}.db"), corpus))
            rates["postgres"].append(_ingest_rate(fresh(), corpus))
        lite, pg = max(rates["sqlite"]), max(rates["postgres"])
        print(f"ingest of {files} inputs, best of {args.rounds}:")
        print(f"  SQLite {lite:.1f} articles/s {[round(x, 1) for x in rates['sqlite']]}")
        print(f"  PostgreSQL {pg:.1f} articles/s {[round(x, 1) for x in rates['postgres']]}")
        print(f"  ratio PostgreSQL / SQLite: {pg / lite:.2f}")
        print(f"story page (HTML, with brief), {args.requests} requests:")
        for name, url in (("SQLite", str(tmp / "web.db")), ("PostgreSQL", fresh())):
            start = time.perf_counter()
            made = bench_web.build(url, args.articles)  # type: ignore[arg-type]
            built = time.perf_counter() - start
            p50, p95 = _story_pages(url, args.requests)
            print(
                f"  {name}: {made} articles (built in {built:.0f} s): p50 {p50:.1f} ms, "
                f"p95 {p95:.1f} ms"
            )


def _emptied(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    return url


if __name__ == "__main__":
    main()

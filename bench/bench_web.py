"""Web server latency over a 10k-article store: p50/p95 of story pages and searches.

The store is built from the sample corpus: each of its four stories is copied many times
with a unique closing paragraph, a shifted date and renamed outlets; the copies keep the
originals' analyses (entities, quotes, dates; offsets stay valid because text is only
appended) and their story grouping and copy lineage, so every synthetic story looks like a
real one. Requests go through FastAPI's TestClient in this process (ASGI stack, no network).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from newsfuse.cli import cli
from newsfuse.models import Article, Block, Lineage, Story
from newsfuse.store import is_postgres, open_store
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.web.app import create_app

REPO = Path(__file__).resolve().parents[1]
WORDS = (
    "harbour",
    "council",
    "budget",
    "ferry",
    "quay",
    "storm",
    "rail",
    "strike",
    "union",
    "tariff",
    "school",
    "hospital",
    "bridge",
    "drought",
    "wildfire",
    "election",
    "court",
    "minister",
    "turbine",
    "reservoir",
    "vaccine",
    "airport",
    "pension",
    "mine",
    "refinery",
    "glacier",
    "festival",
    "museum",
    "stadium",
    "census",
)
TOWNS = (
    "Aveiro",
    "Tralee",
    "Szczecin",
    "Moncton",
    "Lorient",
    "Bergen",
    "Tartu",
    "Kotor",
    "Ghent",
    "Cadiz",
    "Split",
    "Plovdiv",
    "Tampere",
    "Girona",
    "Brno",
    "Oulu",
    "Kaunas",
    "Derry",
    "Sligo",
    "Setubal",
)


def _seed(tmp: Path) -> SqliteStore:
    db = tmp / "seed.db"
    samples = [str(p) for p in sorted((REPO / "samples").iterdir()) if p.name != "README.md"]
    from click.testing import CliRunner

    CliRunner().invoke(cli, ["--db", str(db), "ingest", *samples])
    return open_store(str(db))


def build(path: Path | str, n: int, seed: int = 7) -> int:
    """Write about ``n`` articles, grouped like the samples' stories, into a new store."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        src = _seed(Path(tmp))
        templates = [src.story_row(s["id"]) for s in src.story_rows()]
        articles = {a.id: a for a in src.articles()}
        analyses = src.analyses(list(articles))
        src.close()
    store = open_store(str(path))
    made, k = 0, 0
    while made < n:
        tpl = templates[k % len(templates)]
        shift = timedelta(days=k // len(templates))
        town, word = rng.choice(TOWNS), rng.choice(WORDS)
        new_id = {m["id"]: f"{k:08x}{i:08x}" for i, m in enumerate(tpl["members"])}
        lineages, days = [], []
        for m in tpl["members"]:
            old = articles[m["id"]]
            art = _variant(old, new_id[old.id], k, town, word, shift, rng)
            store.add_article(art)
            if old.id in analyses:
                store.add_analysis({**analyses[old.id], "article_id": art.id})
            lineages.append(
                Lineage(
                    art.id,
                    new_id.get(m["copy_of"] or ""),
                    m["reuse"],
                    m["copy_kind"],
                    new_id[m["original"]],
                )
            )
            if art.meta.published:
                days.append(date.fromisoformat(art.meta.published[:10]).toordinal())
        story = Story(
            f"s{k:012x}",
            f"{town}: {tpl['label']}",
            min(days, default=None),
            max(days, default=None),
            tuple(tpl["outlets"]),
            tpl["articles"],
            tpl["sources"],
            tuple(new_id.values()),
        )
        store.save_stories([story], lineages, [])
        made += len(tpl["members"])
        k += 1
    store.close()
    return made


def _variant(
    old: Article, new_id: str, k: int, town: str, word: str, shift: timedelta, rng: random.Random
) -> Article:
    closing = (
        f"Officials in {town} said the {word} question would return to the agenda "
        f"in week {k % 52 + 1}, and {rng.choice(WORDS)} groups asked for a hearing."
    )
    return copy_article(old, new_id, f"{new_id}{k:048x}", closing, shift)


def copy_article(
    old: Article, new_id: str, content_key: str, closing: str, shift: timedelta
) -> Article:
    """A copy of ``old`` under new ids, published ``shift`` later, with ``closing`` added as
    its last paragraph (so that its text, and a search, tells it from the others)."""
    published = old.meta.published
    if published:
        day = date.fromisoformat(published[:10]) + shift
        published = day.isoformat() + published[10:]
    return replace(
        old,
        id=new_id,
        content_key=content_key,
        meta=replace(old.meta, published=published),
        body=(*old.body, Block(closing)),
    )


def _time(client: TestClient, urls: list[str]) -> tuple[float, float]:
    times = []
    for url in urls:
        start = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def first_request(db: Path | str, story_id: str, port: int = 8765) -> None:
    """Start ``newsfuse serve`` in a new process and time its first story page.

    Prints the seconds until the server accepts connections (start-up, warming included),
    then the first story page's and the next five's latency, over HTTP on localhost.
    """
    command = [sys.executable, "-m", "newsfuse", "--db", str(db), "serve", "--port", str(port)]
    start = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if server.poll() is not None:
                raise SystemExit(f"newsfuse serve exited with status {server.returncode}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        ready = time.perf_counter() - start
        times = []
        for _ in range(6):
            began = time.perf_counter()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories/{story_id}") as r:
                r.read()
            times.append((time.perf_counter() - began) * 1000)
    finally:
        server.terminate()
        server.wait()
    print(
        f"serve: accepting after {ready:.1f} s; first story page {times[0]:.0f} ms, "
        f"next five median {statistics.median(times[1:]):.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", help="Reuse (or create) this store instead of a temporary one.")
    parser.add_argument("--port", type=int, default=8765, help="Port of the first-request run.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        # A PostgreSQL URL names a store made elsewhere (bench/build_store.py, newsfuse migrate).
        if not is_postgres(db) and not Path(db).exists():
            start = time.perf_counter()
            made = build(db, args.articles)
            print(f"built {made} articles in {time.perf_counter() - start:.0f} s")
        rng = random.Random(11)
        probe = open_store(db, create=False, read_only=True)
        stories = [s["id"] for s in probe.find_stories(limit=100_000)]
        print(f"{probe.count_articles()} articles, {len(stories)} stories")
        probe.close()
        first_request(db, rng.choice(stories), args.port)
        with TestClient(create_app(str(db))) as client:
            client.get(f"/stories/{stories[0]}")  # load the gazetteer and lexicons once
            n = args.requests
            rows = [
                (
                    "story page (HTML, with brief)",
                    [f"/stories/{rng.choice(stories)}" for _ in range(n)],
                ),
                ("story JSON (API)", [f"/api/stories/{rng.choice(stories)}" for _ in range(n)]),
                (
                    "search (HTML, 20 hits)",
                    [f"/search?q={rng.choice(TOWNS)}+{rng.choice(WORDS)}" for _ in range(n)],
                ),
                ("search (API, 20 hits)", [f"/api/search?q={rng.choice(WORDS)}" for _ in range(n)]),
                (
                    "stories list, words + dates",
                    [f"/stories?q={rng.choice(TOWNS)}&since=2025-04-01" for _ in range(n)],
                ),
            ]
            print("| request | n | p50 ms | p95 ms |\n|---|---|---|---|")
            for name, urls in rows:
                p50, p95 = _time(client, urls)
                print(f"| {name} | {len(urls)} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()

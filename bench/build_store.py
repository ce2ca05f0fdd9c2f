"""Build a large bench store quickly: a few hundred real texts ingested, then replicated.

Usage: python bench/build_store.py --articles 100000 --db PATH_OR_URL [--seed-db PATH]

Parsing 100,000 texts with spaCy would take about five hours here. Instead the seed, the BASIL
dev articles (135 reports of 45 political events by three US outlets, with dates) and the first
``--ecb`` ECB+ texts (given an outlet and a date by their sub-topic) from ``shared/data``, is
ingested normally (clean, stories, analysis, comparisons, events). Every seed story is then
copied until the store holds ``--articles`` articles, through the store's own write API only
(``open_store(url)`` and the ``Store`` protocol, so a PostgreSQL URL works the same): new ids,
dates shifted by days, a closing paragraph naming a town and a topic (so searches find a few
stories, not all copies), the members' analyses, copy lineage, coded events and stored
comparison carried over with the ids renamed. The copies' comparisons and briefs do not cite
the added paragraph, which states no compared fact. The story index used to cluster new
arrivals is not extended: the store is for reading (web, API, CLI), not for ingesting into.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench_web import copy_article

from newsfuse.models import Article, Hints, Lineage, Story
from newsfuse.pipeline import ingest_paths
from newsfuse.pipeline.comparisons import compared as compared_story
from newsfuse.pipeline.comparisons import comparison_key
from newsfuse.settings import load_settings
from newsfuse.store import open_store
from newsfuse.store.base import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OUTLETS = ("Harbour Ledger", "Kestrel Daily", "Meridian Post", "Northwind Wire", "Valley Star")
TOWNS = ("Aveiro", "Tralee", "Szczecin", "Moncton", "Lorient", "Bergen", "Tartu", "Kotor")
TOWNS += ("Ghent", "Cadiz", "Split", "Plovdiv", "Tampere", "Girona", "Brno", "Oulu", "Kaunas")
WORDS = ("harbour", "council", "budget", "ferry", "storm", "rail", "strike", "union", "tariff")
WORDS += ("school", "hospital", "bridge", "drought", "court", "turbine", "pension", "census")
_EVENT_ID = re.compile(r'"(ev-[0-9a-f]+)"')


def seed(path: Path, ecb: int, tmp: Path) -> None:
    """Ingest the seed texts into a new store at ``path`` (two worker processes)."""
    feed = tmp / "seed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for line in (DATA / "compare" / "basil-dev.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            out.write(json.dumps({**_pick(rec), "published": rec["date"]}) + "\n")
        lines = (DATA / "stories" / "docs.jsonl").read_text("utf-8").splitlines()[:ecb]
        for line in lines:
            rec = json.loads(line)
            topic, plus = int(rec["topic"]), rec["subtopic"].endswith("plus")
            day = date(2021, 1, 4) + timedelta(days=topic * 9 + 4 * plus)
            outlet = OUTLETS[int(hashlib.sha256(rec["id"].encode()).hexdigest(), 16) % 5]
            out.write(json.dumps({**_pick(rec), "published": day.isoformat(), "outlet": outlet}))
            out.write("\n")
    store = open_store(str(path))
    ingest_paths([str(feed)], Hints(), store, load_settings(env={}), workers=2)
    store.close()


def _pick(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec[k] for k in ("id", "title", "text", "outlet") if k in rec}


def templates(store: Store) -> list[dict[str, Any]]:
    """Each seed story with what a copy needs: members, articles, and as JSON text its
    analyses, coded events and stored comparison."""
    out = []
    for row in store.story_rows():
        compared_story(store, row["id"])  # made again if stale (a seed made by older code)
        full = store.story_row(row["id"])
        ids = [m["id"] for m in full["members"]]
        events = store.story_events(full["id"])
        compared = store.story_comparison(full["id"])
        out.append(
            {
                "row": full,
                "articles": store.articles_by_ids(ids),
                "analyses": json.dumps(store.analyses(ids), ensure_ascii=False),
                "events": json.dumps(events[1] if events else [], ensure_ascii=False),
                "comparison": None if compared is None else json.dumps(compared[1]),
            }
        )
    return out


def replicate(store: Store, tpl: dict[str, Any], k: int, rng: random.Random) -> int:
    """Write copy ``k`` of a seed story; return how many articles it holds."""
    row = tpl["row"]
    names = {m["id"]: _hex(f"{m['id']}-{k}", 16) for m in row["members"]}
    names[row["id"]] = "s" + _hex(f"{row['id']}-{k}", 12)
    town, word = rng.choice(TOWNS), rng.choice(WORDS)
    shift = timedelta(days=3 * k)
    analyses = json.loads(_rename(tpl["analyses"], names))
    days, lineages = [], []
    for old in tpl["articles"]:
        art = _variant(old, names[old.id], k, town, word, shift)
        store.add_article(art)
        if art.id in analyses:
            store.add_analysis(analyses[art.id])
        if art.meta.published:
            days.append(date.fromisoformat(art.meta.published[:10]).toordinal())
    for m in row["members"]:
        copy_of = names.get(m["copy_of"] or "")
        lineages.append(
            Lineage(names[m["id"]], copy_of, m["reuse"], m["copy_kind"], names[m["original"]])
        )
    sid = names[row["id"]]
    label = f"{row['label'] or 'Story'} ({town})"
    story = Story(
        sid, label, min(days, default=None), max(days, default=None), tuple(row["outlets"]),
        row["articles"], row["sources"], tuple(names[m["id"]] for m in row["members"]),
    )  # fmt: skip
    store.save_stories([story], lineages, [])
    basis = store.story_basis(sid)
    events = _EVENT_ID.sub(lambda m: f'"{m.group(1)}-{k:x}"', _rename(tpl["events"], names))
    store.save_story_events(sid, basis, json.loads(events))
    if tpl["comparison"] is not None:
        data = json.loads(_rename(tpl["comparison"], names))
        store.save_story_comparison(sid, comparison_key(basis), data)
    return len(tpl["articles"])


def _variant(old: Article, new_id: str, k: int, town: str, word: str, shift: timedelta) -> Article:
    closing = (
        f"Officials in {town} said the {word} question would return to the agenda "
        f"in week {k % 52 + 1}, and the {town} {word} board asked for a hearing."
    )
    return copy_article(old, new_id, _hex(f"{old.content_key}-{k}", 64), closing, shift)


def _rename(text: str, names: dict[str, str]) -> str:
    # Ids are long random hex (articles 16, stories 13 characters): no other text holds them.
    for old, new in names.items():
        text = text.replace(old, new)
    return text


def _hex(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def build(url: str, articles: int, seed_db: Path, rng_seed: int = 7) -> int:
    """Fill the store at ``url`` with copies of the seed store's stories; return its size."""
    source = open_store(str(seed_db))
    tpls = templates(source)
    source.close()
    store = open_store(url)
    rng = random.Random(rng_seed)
    made, k = store.count_articles(), 0
    while made < articles:
        made += replicate(store, tpls[k % len(tpls)], k // len(tpls), rng)
        k += 1
    count = store.count_articles()
    store.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", required=True, help="The store to build (path or URL); new.")
    parser.add_argument("--seed-db", help="Reuse this seed store (made here when missing).")
    parser.add_argument("--ecb", type=int, default=300, help="ECB+ texts in the seed.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed_db = Path(args.seed_db) if args.seed_db else Path(tmp) / "seed.db"
        start = time.perf_counter()
        if not seed_db.exists():
            seed(seed_db, args.ecb, Path(tmp))
            print(f"seed ingested in {time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        count = build(args.db, args.articles, seed_db)
    print(f"{count} articles in {args.db}; copies written in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()

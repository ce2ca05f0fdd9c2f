"""The story index kept in store tables decides exactly as the in-memory one, run by run."""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import data_dir

from newsfuse import pipeline
from newsfuse.evaluate.stories import to_article
from newsfuse.models import Article
from newsfuse.store import open_store
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.stories.cluster.index import StoryIndex, recluster_index
from newsfuse.timestamps import utc_key

START = date(2024, 3, 1)
TABLES = ("cluster_meta", "cluster_df", "cluster_postings", "copy_entries", "copy_hashes")


def _articles() -> list[Article]:
    """ECB+ reports, mostly dated by topic, some undated, with exact and earlier copies."""
    path = data_dir("stories") / "docs.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    out: list[Article] = []
    late: list[Article] = []
    for i, record in enumerate(records[::3]):
        art = to_article(record)
        day = START + timedelta(days=(int(record["topic"]) * 3 + i % 3) % 40)
        stamp = None if i % 4 == 3 else day.isoformat()
        credit = "Reuters" if i % 7 == 0 else None
        art = replace(art, meta=replace(art.meta, published=stamp, credit=credit))
        out.append(art)
        if i % 10 == 0:
            out.append(_copy(art, "-again", stamp and (day + timedelta(days=2)).isoformat()))
        if i % 20 == 5 and stamp:
            late.append(_copy(art, "-earlier", (day - timedelta(days=1)).isoformat()))
        if i % 30 == 29:
            out.extend(late)
            late = []
    return out + late


def _copy(art: Article, suffix: str, stamp: str | None) -> Article:
    meta = replace(art.meta, published=stamp, outlet="Reprint Daily")
    return replace(art, id=art.id + suffix, content_key=art.content_key + suffix, meta=meta)


def _canonical(articles: list[Article]) -> list[Article]:
    """The order one clustering run takes its new articles in: publication time, then id."""
    return sorted(articles, key=lambda a: (utc_key(a.meta.published), a.id))


def _arrival(articles: list[Article], runs: list[int]) -> list[Article]:
    """The order the index sees articles ingested in runs of these sizes (cycled)."""
    out: list[Article] = []
    at, k = 0, 0
    while at < len(articles):
        size = runs[k % len(runs)]
        out += _canonical(articles[at : at + size])
        at, k = at + size, k + 1
    return out


def _memory(articles: list[Article]) -> tuple[dict[str, Any], StoryIndex]:
    index = StoryIndex()
    merges = [m for a in articles for m in index.add(a).merges]
    stories = {
        s.id: (
            s.label,
            s.article_count,
            s.independent_sources,
            sorted(s.article_ids),
            sorted(s.outlets),
            s.first_day and date.fromordinal(s.first_day).isoformat(),
        )
        for s in index.stories()
    }
    lineages = {
        a.id: (ln.copy_of, ln.reuse, ln.kind, ln.original)
        for a in articles
        if (ln := index.copies.lineage(a.id))
    }
    aliases = {old: index.resolve(old) for old, _ in merges}
    return {"stories": stories, "lineages": lineages, "merges": aliases}, index


def _stored(path: Path, articles: list[Article], runs: list[int]) -> dict[str, Any]:
    store = open_store(str(path))
    at, k = 0, 0
    while at < len(articles):
        for article in articles[at : at + runs[k % len(runs)]]:
            assert store.add_article(article)
        at, k = at + runs[k % len(runs)], k + 1
        pipeline.assign_stories(store)
    stories = {
        r["id"]: (
            r["label"],
            r["articles"],
            r["sources"],
            store.story_article_ids(r["id"]),
            r["outlets"],
            r["first_day"],
        )
        for r in store.story_rows()
    }
    db = store._db
    lineages = {
        r[0]: tuple(r[1:])
        for r in db.execute(
            "SELECT article_id, copy_of, reuse, copy_kind, original FROM article_story"
        )
    }
    aliases = {
        r[0]: store.resolve_story(r[0]) for r in db.execute("SELECT old_id FROM story_merges")
    }
    store.close()
    return {"stories": stories, "lineages": lineages, "merges": aliases}


def _tables(path: Path) -> dict[str, list[Any]]:
    con = sqlite3.connect(path)
    out = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}
    out["cluster_stories"] = sorted(
        (i, json.loads(zlib.decompress(s))) for i, s in con.execute("SELECT * FROM cluster_stories")
    )
    con.close()
    return out


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return _articles()


def test_one_run_many_runs_and_memory_decide_alike(articles: list[Article], tmp_path: Path) -> None:
    ordered = _canonical(articles)
    expected, _ = _memory(ordered)
    assert expected["merges"], "the set should exercise merges"
    assert any(k == "exact" for _, _, k, _ in expected["lineages"].values())
    one = _stored(tmp_path / "one.db", ordered, [len(ordered)])
    many = _stored(tmp_path / "many.db", ordered, [1, 5, 17, 40, 2])
    assert one == expected
    assert many == expected
    assert _tables(tmp_path / "one.db") == _tables(tmp_path / "many.db")


def test_runs_decide_as_memory_in_arrival_order(articles: list[Article], tmp_path: Path) -> None:
    """Earlier-published copies arriving in later runs change families across runs."""
    runs = [1, 5, 17, 40, 2]
    expected, _ = _memory(_arrival(articles, runs))
    assert _stored(tmp_path / "runs.db", articles, runs) == expected


def test_a_batch_does_not_depend_on_its_input_order(
    articles: list[Article], tmp_path: Path
) -> None:
    part = articles[:150]
    forward = _stored(tmp_path / "forward.db", part, [len(part)])
    backward = _stored(tmp_path / "backward.db", part[::-1], [len(part)])
    assert forward == backward


def test_a_saved_blob_migrates_to_the_same_tables(articles: list[Article], tmp_path: Path) -> None:
    part = _canonical(articles)[:120]
    _stored(tmp_path / "runs.db", part, [30])
    _, index = _memory(part)
    legacy = tmp_path / "legacy.db"
    _stored(legacy, part, [len(part)])
    con = sqlite3.connect(legacy)
    for table in (*TABLES, "cluster_stories"):
        con.execute(f"DELETE FROM {table}")
    blob = zlib.compress(json.dumps(index.to_dict()).encode())
    con.execute("CREATE TABLE cluster_state (name TEXT PRIMARY KEY, data BLOB, saved_at TEXT)")
    con.execute("INSERT INTO cluster_state VALUES ('index', ?, 'then')", (blob,))
    con.execute("DELETE FROM migrations WHERE name = '0007_index_from_blob'")
    con.commit()
    con.close()
    store = SqliteStore(legacy)
    assert store.legacy_index() is not None  # kept until the story stage converts it
    assert pipeline.upgrade_index(store)
    assert not pipeline.upgrade_index(store)
    store.close()
    assert _tables(legacy) == _tables(tmp_path / "runs.db")
    with sqlite3.connect(legacy) as con:
        assert not con.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'cluster_state'"
        ).fetchall()


def test_only_changed_stories_are_pending_for_events(
    articles: list[Article], tmp_path: Path
) -> None:
    store = open_store(str(tmp_path / "p.db"))
    for article in articles[:30]:
        store.add_article(article)
    pipeline.assign_stories(store)
    first = store.pending_story_ids()
    assert sorted(first) == sorted(r["id"] for r in store.story_rows())
    for sid in first:
        store.story_checked(sid)
    store.add_article(articles[30])
    pipeline.assign_stories(store)
    assert store.pending_story_ids() == [store.story_of(articles[30].id)]
    store.close()


def test_runs_after_a_recluster_continue_its_index(articles: list[Article], tmp_path: Path) -> None:
    first, rest = articles[:100], articles[100:160]
    index = recluster_index(first)
    for article in _arrival(rest, [7]):
        index.add(article)
    store = open_store(str(tmp_path / "r.db"))
    for article in first:
        store.add_article(article)
    pipeline.assign_stories(store)
    pipeline.recluster_store(store)
    for start in range(0, len(rest), 7):
        for article in rest[start : start + 7]:
            store.add_article(article)
        pipeline.assign_stories(store)
    for article in articles[:160]:
        assert store.resolve_story(store.story_of(article.id) or "") == index.story_of(article.id)
    store.close()

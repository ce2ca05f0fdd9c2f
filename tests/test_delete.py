"""Deleting articles: every row goes, their stories stay right, the index keeps working."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import sample_inputs

from newsfuse import pipeline
from newsfuse.cli import cli
from newsfuse.delete import delete_articles
from newsfuse.errors import NotFound
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store import open_store
from newsfuse.store.sqlite.store import SqliteStore

SETTINGS = load_settings(env={})
#: Tables holding one row per article (or per article and something), by their article column.
ARTICLE_TABLES = {
    "articles": "id",
    "analyses": "article_id",
    "quotes": "article_id",
    "entity_mentions": "article_id",
    "article_story": "article_id",
    "copy_entries": "article_id",
    "copy_hashes": "article_id",
}


def _build(db: Path, paths: list[str]) -> SqliteStore:
    store = open_store(str(db))
    pipeline.ingest(read(paths, Hints(), SETTINGS.max_bytes), store, SETTINGS)
    pipeline.assign_stories(store)
    return store


def _stories(store: SqliteStore) -> list[tuple[Any, ...]]:
    """What a reader sees of every story: label, days, counts, outlets, members and lineage."""
    out = []
    for row in store.story_rows():
        members = store.story_row(row["id"])["members"]
        lineage = sorted((m["id"], m["copy_of"], m["copy_kind"], m["original"]) for m in members)
        out.append(
            (row["label"], row["first_day"], row["last_day"], row["articles"], row["sources"])
            + (tuple(row["outlets"]), tuple(lineage))
        )
    return sorted(out)


def _id_of(store: SqliteStore, prefix: str) -> str:
    (found,) = [a.id for a in store.articles() if Path(a.origin.path or "").name[:3] == prefix]
    return found


def _rows_of(db: Path, article_id: str) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        counts = {
            table: con.execute(
                f"SELECT count(*) FROM {table} WHERE {col} = ?", (article_id,)
            ).fetchone()[0]
            for table, col in ARTICLE_TABLES.items()
        }
        counts["search"] = con.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Braga OR Cork OR Fundy'"
        ).fetchone()[0]
        return counts
    finally:
        con.close()


def test_every_row_of_a_deleted_article_goes(samples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    shutil.copy(samples_db, db)
    store = SqliteStore(db)
    victim = _id_of(store, "02_")
    before = _rows_of(db, victim)
    assert all(before[t] for t in ARTICLE_TABLES), before
    summary = delete_articles(store, [victim[:8]])
    after = _rows_of(db, victim)
    assert summary.deleted == (victim,)
    assert {t: after[t] for t in ARTICLE_TABLES} == dict.fromkeys(ARTICLE_TABLES, 0)
    assert after["search"] == before["search"] - 1
    assert store.integrity_check() == "ok"
    (sid,) = summary.stories
    assert victim not in store.story_article_ids(sid)
    assert sid in store.pending_story_ids()  # its coded events are to be coded again


# Files whose deletion a fresh store of the other files should match exactly: an original
# with an exact copy, that copy, a story's first report, a report in the middle of a story.
@pytest.mark.parametrize("victim", ["10_", "11_", "01_", "05_", "08_"])
def test_stories_after_a_delete_are_those_of_a_store_without_it(
    tmp_path: Path, victim: str
) -> None:
    inputs = sample_inputs()
    store = _build(tmp_path / "all.db", inputs)
    delete_articles(store, [_id_of(store, victim)])
    fresh = _build(tmp_path / "fresh.db", [p for p in inputs if Path(p).name[:3] != victim])
    assert _stories(store) == _stories(fresh)


def test_a_story_emptied_by_deletes_goes_and_ingest_and_recluster_go_on(tmp_path: Path) -> None:
    inputs = sample_inputs()
    store = _build(tmp_path / "all.db", inputs)
    fundy = ["10_", "11_", "12_", "13_"]
    sid = store.story_of(_id_of(store, "10_"))
    assert sid is not None
    summary = delete_articles(store, [_id_of(store, p) for p in fundy])
    assert summary.removed == (sid,) and summary.stories == ()
    with pytest.raises(NotFound):
        store.story_row(sid)
    rest = [p for p in inputs if Path(p).name[:3] not in fundy]
    assert _stories(store) == _stories(_build(tmp_path / "rest.db", rest))
    # Ingest again: the index must hold no trace of the stories taken out.
    pipeline.ingest(read(inputs, Hints(), SETTINGS.max_bytes), store, SETTINGS)
    assert pipeline.assign_stories(store) == 4
    assert len(store.story_rows()) == 4
    full = _build(tmp_path / "full.db", inputs)
    assert pipeline.recluster_store(store) == pipeline.recluster_store(full)
    assert _stories(store) == _stories(full)
    assert store.integrity_check() == "ok"


def test_a_story_that_loses_its_first_report_keeps_resolving(tmp_path: Path) -> None:
    store = _build(tmp_path / "s.db", sample_inputs())
    first = _id_of(store, "01_")
    old = store.story_of(first)
    assert old is not None
    (new,) = delete_articles(store, [first]).stories
    assert store.story_row(old)["id"] == new


def test_the_cli_resolves_prefixes_before_deleting_anything(
    samples_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    shutil.copy(samples_db, db)
    store = SqliteStore(db)
    ids = [a.id for a in store.articles()]
    ambiguous = next(i[0] for i in ids if sum(j[0] == i[0] for j in ids) > 1)
    result = CliRunner().invoke(cli, ["--db", str(db), "delete", ids[0][:10], ambiguous])
    assert isinstance(result.exception, NotFound) and "several articles" in str(result.exception)
    assert store.count_articles() == len(ids)
    result = CliRunner().invoke(cli, ["--db", str(db), "delete", ids[0][:10]])
    assert result.exit_code == 0 and f"deleted {ids[0]}" in result.output
    assert "updated story s" in result.output
    assert store.count_articles() == len(ids) - 1


def test_deleting_on_postgresql_leaves_the_stories_sqlite_leaves(
    tmp_path: Path, pg_url: str
) -> None:
    lite = _build(tmp_path / "all.db", sample_inputs())
    pg = _build(pg_url, sample_inputs())  # type: ignore[arg-type]
    for store in (lite, pg):
        delete_articles(store, [_id_of(store, "10_"), _id_of(store, "05_")])
        assert store.integrity_check() == "ok"
    assert _stories(pg) == _stories(lite)
    assert [a.id for a in pg.articles()] == [a.id for a in lite.articles()]
    assert pipeline.recluster_store(pg) == pipeline.recluster_store(lite)
    assert _stories(pg) == _stories(lite)
    assert pg.pending_story_ids() == lite.pending_story_ids()
    assert {h["id"] for h in pg.search("flood", limit=100)} == {
        h["id"] for h in lite.search("flood", limit=100)
    }

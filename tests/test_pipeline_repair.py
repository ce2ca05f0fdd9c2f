"""A store whose story index lacks rows (left by older versions' concurrent runs) repairs
itself on the next ingest; elsewhere the error names the command that repairs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_dump

from newsfuse.cli import cli
from newsfuse.errors import InconsistentStore
from newsfuse.store import open_store
from newsfuse.stories.copies.index import CopyIndex
from newsfuse.stories.copies.stored import StoredCopies


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def _broken_store(tmp_path: Path) -> tuple[Path, str]:
    """A store of three reports whose first report's copy-index entry is gone."""
    db = tmp_path / "broken.db"
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(make_dump(n, topic="ferry"), encoding="utf-8")
    code, _ = _run(db, "ingest", *(str(tmp_path / f"{n}.txt") for n in range(3)), "--no-analyse")
    assert code == 0
    con = sqlite3.connect(db)
    first = con.execute("SELECT id FROM articles ORDER BY seq LIMIT 1").fetchone()[0]
    con.execute("DELETE FROM copy_entries WHERE article_id = ?", (first,))
    con.commit()
    con.close()
    return db, first


def test_a_missing_copy_entry_names_the_repair_command(tmp_path: Path) -> None:
    db, first = _broken_store(tmp_path)
    store = open_store(str(db))
    try:
        copies = CopyIndex(StoredCopies(store, 64))
        with pytest.raises(InconsistentStore, match="run 'newsfuse recluster'") as caught:
            copies.lineage(first)
    finally:
        store.close()
    assert first in str(caught.value)


def test_ingest_into_an_inconsistent_store_repairs_it(tmp_path: Path) -> None:
    db, first = _broken_store(tmp_path)
    # The same report under another outlet: a copy of the article whose entry is missing.
    (tmp_path / "copy.txt").write_text(make_dump(0, topic="ferry"), encoding="utf-8")
    code, output = _run(db, "ingest", str(tmp_path / "copy.txt"), "--outlet", "Other Post")
    assert code == 0, output
    assert "ingested 1" in output and "into stories 1" in output
    con = sqlite3.connect(db)
    try:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        placed = con.execute("SELECT count(DISTINCT article_id) FROM article_story").fetchone()[0]
        entries = con.execute("SELECT count(*) FROM copy_entries").fetchone()[0]
        copy_of = con.execute(
            "SELECT s.copy_of FROM article_story s JOIN articles a ON a.id = s.article_id "
            "WHERE a.outlet = 'Other Post'"
        ).fetchone()[0]
    finally:
        con.close()
    assert articles == placed == entries == 4
    assert copy_of == first
    code, output = _run(db, "ingest", str(tmp_path / "copy.txt"), "--no-analyse")
    assert code == 0  # and later runs go on as usual


def test_articles_left_in_no_story_are_placed_again(tmp_path: Path) -> None:
    db, first = _broken_store(tmp_path)
    con = sqlite3.connect(db)
    con.execute("DELETE FROM article_story WHERE article_id = ?", (first,))
    con.commit()
    con.close()
    (tmp_path / "new.txt").write_text(make_dump(9, topic="tram"), encoding="utf-8")
    code, output = _run(db, "ingest", str(tmp_path / "new.txt"), "--no-analyse")
    assert code == 0, output
    con = sqlite3.connect(db)
    try:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        placed = con.execute("SELECT count(DISTINCT article_id) FROM article_story").fetchone()[0]
        entries = con.execute("SELECT count(*) FROM copy_entries").fetchone()[0]
    finally:
        con.close()
    assert articles == placed == entries == 4

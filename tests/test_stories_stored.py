"""Stories in the store: incremental grouping, copies, merges, recluster, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, seeds_dir

from newsfuse import pipeline
from newsfuse.cli import cli
from newsfuse.errors import NotFound
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore

SETTINGS = load_settings(env={})


def _ingest(store: SqliteStore, paths: list[str], hints: Hints | None = None) -> None:
    pipeline.ingest(read(paths, hints or Hints(), SETTINGS.max_bytes), store, SETTINGS)
    pipeline.assign_stories(store)


def test_seeds_form_one_story_and_a_republication_is_a_copy(store: SqliteStore) -> None:
    seeds = sorted(str(p) for p in seeds_dir().glob("*.txt"))
    _ingest(store, seeds)
    (only,) = store.story_rows()
    assert (only["articles"], only["sources"]) == (2, 2)
    _ingest(store, [seeds[1]], Hints(outlet="Another Site", url="https://another.example/x"))
    (only,) = store.story_rows()
    assert (only["articles"], only["sources"]) == (3, 2)
    members = store.story_row(only["id"])["members"]
    copies = [m for m in members if m["copy_of"] is not None]
    assert len(copies) == 1 and copies[0]["outlet"] == "Another Site"
    assert copies[0]["copy_kind"] == "exact"


GROUND_TRUTH = {  # samples/README.md: which files report which event
    "braga": {"01_", "02_", "03_:1"},
    "cork": {"04_", "05_", "06_"},
    "gdansk": {"07_", "08_", "09_", "03_:2"},
    "fundy": {"10_", "11_", "12_", "13_"},
}
SOURCES = {"braga": 3, "cork": 3, "gdansk": 4, "fundy": 3}


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> SqliteStore:
    store = SqliteStore(tmp_path_factory.mktemp("st") / "s.db")
    paths = [str(p) for p in sorted((REPO / "samples").iterdir()) if p.name != "README.md"]
    _ingest(store, paths)
    return store


def _key(store: SqliteStore, article_id: str) -> str:
    art = store.article(article_id)
    name = Path(art.origin.path or "").name[:3]
    return f"{name}:{art.origin.line}" if art.origin.line else name


@pytest.mark.parametrize("event", sorted(GROUND_TRUTH))
def test_sample_stories_match_the_ground_truth(samples: SqliteStore, event: str) -> None:
    groups = {}
    for row in samples.story_rows():
        keys = {_key(samples, a) for a in samples.story_article_ids(row["id"])}
        groups[frozenset(keys)] = row
    row = groups.get(frozenset(GROUND_TRUTH[event]))
    assert row is not None, sorted(sorted(g) for g in groups)
    assert row["sources"] == SOURCES[event]


def test_recluster_is_deterministic_and_old_ids_resolve(samples: SqliteStore) -> None:
    before = {r["id"] for r in samples.story_rows()}
    count = pipeline.recluster_store(samples)
    after = {r["id"] for r in samples.story_rows()}
    assert count == len(after)
    for sid in before:
        assert samples.resolve_story(sid) in after
    pipeline.recluster_store(samples)
    assert {r["id"] for r in samples.story_rows()} == after
    with pytest.raises(NotFound):
        samples.resolve_story("s-no-such-story")


def test_cli_stories_and_story(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    paths = [str(p) for p in sorted((REPO / "samples").glob("1*_*.txt"))]
    result = runner.invoke(cli, ["--db", db, "ingest", "--no-analyse", *paths])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", db, "stories", "--json"])
    rows = [line for line in result.output.splitlines() if line.strip()]
    assert rows
    sid = result.output.split('"id": "')[1].split('"')[0]
    result = runner.invoke(cli, ["--db", db, "story", sid[:8]])
    assert result.exit_code == 0 and "independent sources" in result.output


def test_events_are_coded_once_per_story_basis(tmp_path: Path) -> None:
    db = str(tmp_path / "ev.db")
    runner = CliRunner()
    first = [str(p) for p in sorted((REPO / "samples").glob("1[0-2]_*"))]
    assert runner.invoke(cli, ["--db", db, "ingest", *first]).exit_code == 0
    store = SqliteStore(db)
    (row,) = store.story_rows()
    basis, rows = store.story_events(row["id"]) or ("", [])
    assert basis == store.story_basis(row["id"]) and rows
    assert all(r["story_id"] == row["id"] and r["mentions"] for r in rows)
    late = str(REPO / "samples" / "13_kestrel-daily_fundy-tidal.txt")
    assert runner.invoke(cli, ["--db", db, "ingest", late]).exit_code == 0
    (row,) = store.story_rows()
    new_basis, _ = store.story_events(row["id"]) or ("", [])
    assert new_basis == store.story_basis(row["id"]) != basis
    assert pipeline.code_events_pending(store) == 0

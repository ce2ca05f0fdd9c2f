"""Compare and brief over stored stories: the sample corpus and ECB+ dev stories, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, data_dir

from newsfuse import pipeline
from newsfuse.brief.build import brief
from newsfuse.cli import cli
from newsfuse.compare.comparison import compare
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.store.stories import story_input

SETTINGS = load_settings(env={})


def _build(store: SqliteStore, paths: list[str]) -> None:
    pipeline.ingest(read(paths, Hints(), SETTINGS.max_bytes), store, SETTINGS)
    pipeline.assign_stories(store)
    pipeline.analyse_pending(store)


def _assert_cited(store: SqliteStore, story_id: str) -> None:
    story = story_input(store, story_id)
    by_id = {a.id: a for a in story.articles}
    result = brief(story)
    assert any(section.sentences for section in result.sections)
    for section in result.sections:
        for sentence in section.sentences:
            assert sentence.citations, (section.key, sentence.text)
            for c in sentence.citations:
                body = store.article(c.article_id).body
                assert c.article_id in by_id
                assert 0 <= c.paragraph < len(body)
                cut = story.analyses[c.article_id].sentences[c.paragraph]
                assert 0 <= c.sentence < len(cut)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteStore, Path]:
    db = tmp_path_factory.mktemp("cmp") / "s.db"
    store = SqliteStore(db)
    _build(store, [str(p) for p in sorted((REPO / "samples").iterdir()) if p.name != "README.md"])
    return store, db


def test_every_sample_brief_sentence_is_cited(samples: tuple[SqliteStore, Path]) -> None:
    store, _ = samples
    for row in store.story_rows():
        _assert_cited(store, row["id"])


def test_only_the_dockworker_count_conflicts(samples: tuple[SqliteStore, Path]) -> None:
    store, _ = samples
    conflicts = []
    for row in store.story_rows():
        for group in compare(story_input(store, row["id"])).groups:
            if group.status == "conflicting":
                conflicts.append({c.text for c in group.claims})
    assert len(conflicts) == 1
    assert any("1,400" in t for t in conflicts[0]) and any("2,100" in t for t in conflicts[0])


def test_wire_copy_does_not_raise_source_counts(samples: tuple[SqliteStore, Path]) -> None:
    store, _ = samples
    (fundy,) = [r for r in store.story_rows() if "Fundy" in (r["label"] or "")]
    assert fundy["sources"] == 3 and fundy["articles"] == 4
    for group in compare(story_input(store, fundy["id"])).groups:
        assert group.sources <= 3


def test_cli_compare_and_brief(samples: tuple[SqliteStore, Path]) -> None:
    store, db = samples
    sid = store.story_rows()[0]["id"]
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "compare", sid[:8], "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {r["status"] for r in rows} <= {"corroborated", "single-source", "conflicting"}
    for fmt, marker in (("md", "## "), ("html", "<section"), ("json", '"sections"')):
        result = runner.invoke(cli, ["--db", str(db), "brief", sid, "--format", fmt])
        assert result.exit_code == 0 and marker in result.output


@pytest.mark.slow
def test_every_ecb_dev_brief_sentence_is_cited(tmp_path: Path) -> None:
    docs = data_dir("stories") / "docs.jsonl"
    feed = tmp_path / "ecb.jsonl"
    wanted = {"3", "4"}  # two topics, four sub-topics: enough stories to exercise the brief
    with docs.open(encoding="utf-8") as src, feed.open("w", encoding="utf-8") as out:
        for line in src:
            rec = json.loads(line)
            if rec["topic"] in wanted:
                out.write(
                    json.dumps(
                        {
                            "id": rec["id"],
                            "title": rec["title"],
                            "text": rec["text"],
                            "outlet": rec["id"],
                        }
                    )
                    + "\n"
                )
    store = SqliteStore(tmp_path / "ecb.db")
    _build(store, [str(feed)])
    rows = [r for r in store.story_rows() if r["articles"] > 1]
    assert rows
    for row in rows:
        _assert_cited(store, row["id"])


def test_cli_events_table_json_and_csv(samples: tuple[SqliteStore, Path]) -> None:
    _, db = samples
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "events", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["sources"] <= r["reports"] for r in rows)
    kinds = {r["plover_type"] for r in rows}
    only = sorted(kinds)[0]
    result = runner.invoke(cli, ["--db", str(db), "events", "--type", only, "--format", "json"])
    assert {json.loads(line)["plover_type"] for line in result.output.splitlines()} == {only}
    result = runner.invoke(cli, ["--db", str(db), "export", "--format", "csv"])
    header, *lines = result.output.splitlines()
    assert header.startswith("event_id,story_id,date,") and len(lines) >= len(rows)

"""Stored comparisons and briefs: made at ingest (or left for later), equal to a fresh one,
stale on any change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from newsfuse import pipeline
from newsfuse.cli import cli
from newsfuse.delete import delete_articles
from newsfuse.errors import ConfigError
from newsfuse.export import json_line, records
from newsfuse.ingest import read
from newsfuse.models import BriefSentence, Hints, Section
from newsfuse.pipeline.comparisons import compare_story, compared, comparison_key
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore
from newsfuse.store.stories import story_input

SETTINGS = load_settings(env={})
#: Held back from the first ingest, so that adding it gives a story a new member.
LATE = "13_kestrel-daily_fundy-tidal.txt"
#: The samples of the first ingest.
PATHS = [str(p) for p in sorted((REPO / "samples").iterdir()) if p.name not in {"README.md", LATE}]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("compared") / "s.db"
    store = SqliteStore(db)
    pipeline.ingest_paths(PATHS, Hints(), store, SETTINGS)
    store.close()
    return db


@pytest.fixture
def store(built: Path, tmp_path: Path) -> SqliteStore:
    db = tmp_path / "copy.db"
    shutil.copy(built, db)
    return SqliteStore(db)


def _current(store: SqliteStore, sid: str) -> bool:
    stored = store.story_comparison(sid)
    return stored is not None and stored[0] == comparison_key(store.story_basis(sid))


def _fundy(store: SqliteStore) -> str:
    (row,) = [r for r in store.story_rows() if "Fundy" in (r["label"] or "")]
    return str(row["id"])


def test_ingest_stores_every_story_and_the_stored_equals_a_fresh_one(store: SqliteStore) -> None:
    rows = store.story_rows()
    assert rows
    for row in rows:
        assert _current(store, row["id"])
        assert compared(store, row["id"]) == compare_story(story_input(store, row["id"]))


def test_reads_return_the_stored_one(store: SqliteStore) -> None:
    sid = _fundy(store)
    stored = store.story_comparison(sid)
    assert stored is not None
    key, data = stored
    lead = {"text": "Stored.", "citations": [], "note": ""}
    data["brief"]["sections"] = [{"key": "lead", "title": "Lead", "sentences": [lead]}]
    store.save_story_comparison(sid, key, data)
    marked = (Section("lead", "Lead", (BriefSentence("Stored.", ()),)),)
    assert compared(store, sid).brief.sections == marked
    assert compared(store, sid, story_input(store, sid), save=False).brief.sections == marked


def test_a_new_member_makes_the_stored_one_stale(store: SqliteStore) -> None:
    sid = _fundy(store)
    before = compared(store, sid)
    pipeline.ingest(
        read([str(REPO / "samples" / LATE)], Hints(), SETTINGS.max_bytes), store, SETTINGS
    )
    pipeline.assign_stories(store)
    pipeline.analyse_pending(store)
    assert store.story_of(store.articles()[-1].id) == sid  # the late report joined the story
    assert not _current(store, sid)
    after = compared(store, sid)
    assert after == compare_story(story_input(store, sid)) and after != before
    late = store.articles()[-1].id
    assert any(c.article_id == late for c in after.comparison.claims)
    assert _current(store, sid)  # made again and stored


def test_the_settle_step_compares_the_changed_story(store: SqliteStore) -> None:
    sid = _fundy(store)
    items = read([str(REPO / "samples" / LATE)], Hints(), SETTINGS.max_bytes)
    pipeline.ingest_items(items, store, SETTINGS)
    assert _current(store, sid)
    assert pipeline.compare_pending(store) == 0  # nothing left to compare


def test_deleting_a_member_makes_the_stored_one_stale(store: SqliteStore) -> None:
    sid = _fundy(store)
    gone = store.story_article_ids(sid)[0]
    delete_articles(store, [gone])
    sid = store.resolve_story(sid)
    assert not _current(store, sid)
    after = compared(store, sid)
    assert all(c.article_id != gone for c in after.comparison.claims)
    assert after == compare_story(story_input(store, sid))


def test_a_page_compares_the_reports_it_read_when_a_writer_got_between(
    store: SqliteStore,
) -> None:
    from newsfuse.web.claims import compared_story

    sid = _fundy(store)
    read_before = story_input(store, sid)  # what a story page holds
    pipeline.ingest_paths([str(REPO / "samples" / LATE)], Hints(), store, SETTINGS)
    assert _current(store, sid)  # the stored comparison now reads the late report too
    assert len(story_input(store, sid).articles) == len(read_before.articles) + 1
    made = compared_story(store, read_before)
    assert made is not None
    held = {a.id for a in read_before.articles}
    assert {c.article_id for c in made.comparison.claims} <= held
    assert made == compare_story(read_before)


def _exported(store: SqliteStore) -> str:
    return "".join(json_line(r) for r in records(store))


def test_compare_later_leaves_stories_pending_until_analyse(built: Path, tmp_path: Path) -> None:
    db = tmp_path / "later.db"
    run = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--compare", "later", *PATHS])
    assert run.exit_code == 0, run.output
    store = SqliteStore(db)
    sids = [str(r["id"]) for r in store.story_rows()]
    assert sids and not any(_current(store, sid) for sid in sids)
    assert store.pending_story_ids() == sorted(sids)  # left marked for the later step
    for sid in sids:  # events are coded at ingest all the same
        events = store.story_events(sid)
        assert events is not None and events[0] == store.story_basis(sid)
    store.close()
    run = CliRunner().invoke(cli, ["--db", str(db), "analyse"])
    assert run.exit_code == 0, run.output
    later, now = SqliteStore(db), SqliteStore(built)
    assert all(_current(later, sid) for sid in sids)
    assert later.pending_story_ids() == []
    for sid in sids:
        assert later.story_comparison(sid) == now.story_comparison(sid)
    assert _exported(later) == _exported(now)


def test_compare_takes_now_or_later() -> None:
    assert load_settings(env={"NEWSFUSE_COMPARE": "later"}).compare == "later"
    with pytest.raises(ConfigError, match="compare='soon' is not one of now, later"):
        load_settings(env={"NEWSFUSE_COMPARE": "soon"})

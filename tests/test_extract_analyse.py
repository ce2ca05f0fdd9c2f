"""Entities, quotes and dates read off stored articles, through the pipeline and the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import seeds_dir

from newsfuse import pipeline
from newsfuse.extract.analyse import ANALYSIS_VERSION, to_json
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.models import analysis_from_json as from_json
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteStore, dict[str, Any]]:
    seeds = seeds_dir()
    store = SqliteStore(tmp_path_factory.mktemp("an") / "a.db")
    settings = load_settings(env={})
    paths = [str(p) for p in sorted(seeds.glob("*.txt"))]
    summary = pipeline.ingest(
        read(paths, Hints(published="2024-12-13"), settings.max_bytes), store, settings
    )
    assert summary.ingested == 2
    assert pipeline.analyse_pending(store).analysed == 2
    assert pipeline.analyse_pending(store).analysed == 0  # nothing left: resumable and idempotent
    by_seed = {Path(a.origin.path or "").name[:3]: a.id for a in store.articles()}
    return store, by_seed


@pytest.mark.parametrize(
    ("seed", "fragment", "speaker"),
    [
        ("000", "We are dedicated to working with Iraq", "Antony Blinken"),
        ("000", "This is also a moment for Iraq", "Antony Blinken"),
        ("000", "We are determined to ensure Daesh does not re-emerge", "Antony Blinken"),
        ("000", "tangible actions, not just words", "Mohammed Shia al-Sudani"),
        ("000", "THE UNITED STATES SHOULD HAVE NOTHING TO DO WITH IT", "Donald Trump"),
        ("001", "will underscore U.S. commitment", "State Department"),
        ("001", "He will also discuss regional security", "State Department"),
    ],
)
def test_seed_quotes_have_their_speakers(
    seeded: tuple[SqliteStore, dict[str, Any]], seed: str, fragment: str, speaker: str
) -> None:
    store, ids = seeded
    rows = [q for q in store.quote_rows(article_ids=[ids[seed]]) if fragment in q["text"]]
    assert rows, f"no quote holds {fragment!r}"
    assert rows[0]["speaker_name"] == speaker


@pytest.mark.parametrize(
    ("seed", "text", "value"),
    [
        ("000", "Friday", "2024-12-13"),
        ("000", "Thursday", "2024-12-12"),
        ("000", "last Sunday", "2024-12-08"),
        ("000", "next month", "2025-01"),
        ("000", "September 2025", "2025-09"),
        ("000", "2014", "2014"),
        ("001", "Friday", "2024-12-13"),
        ("001", "Oct. 7, 2023", "2023-10-07"),
    ],
)
def test_seed_dates_resolve_against_the_publication_date(
    seeded: tuple[SqliteStore, dict[str, Any]], seed: str, text: str, value: str
) -> None:
    store, ids = seeded
    data = store.analysis(ids[seed])
    assert data is not None
    values = {
        d["mention"]["value"]
        for d in data["dates"]
        if d["mention"]["text"] == text and not d["caption"]
    }
    assert value in values


def test_caption_date_belongs_to_the_photo(seeded: tuple[SqliteStore, dict[str, Any]]) -> None:
    store, ids = seeded
    data = store.analysis(ids["001"])
    assert data is not None
    photo = [d for d in data["dates"] if d["mention"]["value"] == "2024-09-23"]
    assert photo and all(d["caption"] for d in photo)


def test_seed_entities(seeded: tuple[SqliteStore, dict[str, Any]]) -> None:
    store, _ = seeded
    names = {r["name"] for r in store.entity_rows()}
    for name in (
        "Antony Blinken",
        "Mohammed Shia al-Sudani",
        "Bashar al-Assad",
        "Donald Trump",
        "Islamic State",
        "Hezbollah",
        "Hamas",
        "State Department",
        "Baghdad",
        "Iraq",
        "Syria",
    ):
        assert name in names


def test_analysis_round_trips_through_json(seeded: tuple[SqliteStore, dict[str, Any]]) -> None:
    store, ids = seeded
    data = store.analysis(ids["000"])
    assert data is not None and data["version"] == ANALYSIS_VERSION
    assert json.loads(json.dumps(to_json(from_json(data)))) == data


def test_undated_report_takes_an_estimated_date_from_its_story(tmp_path: Path) -> None:
    seeds = sorted(seeds_dir().glob("*.txt"))
    store = SqliteStore(tmp_path / "e.db")
    settings = load_settings(env={})
    pipeline.ingest(
        read([str(seeds[0])], Hints(published="2024-12-13"), settings.max_bytes), store, settings
    )
    pipeline.ingest(read([str(seeds[1])], Hints(), settings.max_bytes), store, settings)
    pipeline.assign_stories(store)
    pipeline.analyse_pending(store)
    undated = next(a for a in store.articles() if a.meta.published is None)
    data = store.analysis(undated.id)
    assert data is not None
    friday = [d["mention"] for d in data["dates"] if d["mention"]["text"] == "Friday"]
    assert friday and friday[0]["value"] == "2024-12-13"
    assert friday[0]["status"] == "approximate" and "estimated" in friday[0]["reason"]
    oct7 = [d["mention"] for d in data["dates"] if d["mention"]["text"] == "Oct. 7, 2023"]
    assert oct7 and oct7[0]["status"] == "exact"


def test_without_any_date_weekdays_stay_unresolved(tmp_path: Path) -> None:
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    store = SqliteStore(tmp_path / "u.db")
    settings = load_settings(env={})
    pipeline.ingest(read([str(seed)], Hints(), settings.max_bytes), store, settings)
    pipeline.assign_stories(store)
    pipeline.analyse_pending(store)
    data = store.analysis(store.articles()[0].id)
    assert data is not None
    friday = [d["mention"] for d in data["dates"] if d["mention"]["text"] == "Friday"]
    assert friday and friday[0]["value"] is None and friday[0]["status"] == "unresolved"
    assert "publication date" in friday[0]["reason"]

"""Ingesting the seeds and the samples into PostgreSQL gives the export SQLite gives: the same
article ids, stories, claims, briefs and events."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import sample_inputs, seeds_dir

from newsfuse.export import records
from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store import open_store

pytestmark = pytest.mark.slow


def _export(url: str, inputs: list[str]) -> list[dict[str, Any]]:
    store = open_store(url)
    summary = ingest_paths(inputs, Hints(), store, load_settings(env={}))
    assert summary.rejected == 0, summary.rejects
    out = list(records(store))
    store.close()
    return out


def test_seeds_and_samples_export_alike(tmp_path: Path, pg_url: str) -> None:
    inputs = [str(p) for p in sorted(seeds_dir().glob("*.txt"))] + sample_inputs()
    lite = _export(str(tmp_path / "lite.db"), inputs)
    pg = _export(pg_url, inputs)
    kinds = Counter(r["type"] for r in lite)
    assert kinds["article"] == 16 and kinds["story"] >= 4 and kinds["claim"] and kinds["event"]
    assert Counter(r["type"] for r in pg) == kinds
    for kind in ("article", "story", "claim", "brief", "event", "entity", "quote", "date"):
        assert [r for r in pg if r["type"] == kind] == [r for r in lite if r["type"] == kind], kind
    assert pg == lite

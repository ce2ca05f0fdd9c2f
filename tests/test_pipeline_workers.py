"""Ingest with worker processes stores the same as with one: same articles, analyses, stories
and events, in the same order (the export is compared byte for byte)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import data_dir, sample_inputs

from newsfuse.export import json_line, records
from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.pipeline.workers import in_order
from newsfuse.settings import load_settings
from newsfuse.store import open_store

#: ECB+ texts of two topics (stories with several members) plus the bundled samples.
_ECB_LINES = 24


def _export(tmp_path: Path, inputs: list[str], workers: int) -> str:
    store = open_store(str(tmp_path / f"w{workers}.db"))
    settings = load_settings(env={})
    summary = ingest_paths(inputs, Hints(), store, settings, workers=workers)
    assert summary.analysed == summary.ingested > 0
    text = "".join(json_line(r) for r in records(store))
    store.close()
    return text


@pytest.mark.slow
def test_two_workers_export_the_same_as_one(tmp_path: Path) -> None:
    lines = (data_dir("stories") / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("\n".join(lines[:_ECB_LINES]) + "\n", encoding="utf-8")
    inputs = [str(corpus), *sample_inputs()]
    assert _export(tmp_path, inputs, 2) == _export(tmp_path, inputs, 1)


def _square(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * x


def test_in_order_keeps_the_order_and_raises_in_place() -> None:
    got = []
    with pytest.raises(ValueError, match="three"):
        for value in in_order(_square, range(10), 2):
            got.append(value)
    assert got == [0, 1, 4]

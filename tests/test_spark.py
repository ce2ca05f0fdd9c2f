"""The Spark job stores the same as plain ingest: same articles, analyses, stories and events,
in the same order (the export is compared byte for byte), here in ``local[2]`` mode."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import data_dir, sample_inputs, store_url

from newsfuse.errors import ConfigError
from newsfuse.export import json_line, records
from newsfuse.ingest import Source
from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.spark.inputs import Piece, in_file_order, plan
from newsfuse.spark.session import spark_context
from newsfuse.store import open_store

#: ECB+ texts of two topics (stories with several members), as in test_pipeline_workers.py.
_ECB_LINES = 24

#: Spark as a test wants it: two local cores, no web UI, loopback only, few shuffle partitions.
_LOCAL = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
}


def _missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'newsfuse[spark]')"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no Java runtime (apt-get install openjdk-17-jre-headless)"
    return None


def _export(url: str) -> str:
    store = open_store(url)
    text = "".join(json_line(r) for r in records(store))
    store.close()
    return text


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_spark_local_exports_the_same_as_plain_ingest(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Spark writes through the store's interface, into SQLite or PostgreSQL alike; the
    reference is a plain ingest into SQLite."""
    if reason := _missing():
        pytest.skip(reason)
    from newsfuse.spark import spark_ingest

    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    lines = (data_dir("stories") / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("\n".join(lines[:_ECB_LINES]) + "\n", encoding="utf-8")
    # The JSONL twice (its second reading is all present) and a missing name (rejected).
    inputs = [str(corpus), *sample_inputs(), str(corpus), str(tmp_path / "absent.txt")]
    settings = load_settings(env={})

    plain = open_store(str(tmp_path / "plain.db"), create=True)
    expected = ingest_paths(inputs, Hints(), plain, settings)
    plain.close()
    spark_url = store_url(backend, tmp_path, request)
    spark = open_store(spark_url, create=True)
    # Jobs of 16 KiB at most: the JSONL is cut into parts that executors read side by side.
    got = spark_ingest(
        inputs, Hints(), spark, settings, master="local[2]", conf=_LOCAL, max_job_bytes=16384
    )
    spark.close()

    assert got.analysed == got.ingested == expected.ingested > _ECB_LINES
    assert (got.present, got.rejected, got.coded) == (
        expected.present,
        expected.rejected,
        expected.coded,
    )
    assert _export(spark_url) == _export(str(tmp_path / "plain.db"))


def test_plan_groups_small_files_and_cuts_large_ones(tmp_path: Path) -> None:
    sizes = {"a": 10, "b": 10, "c": 100, "d": 10}
    sources = []
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
        sources.append(Source(tmp_path / name))
    a, b, c, d = sources
    jobs = plan(sources, cores=1, max_job_bytes=30)
    assert jobs == [
        (Piece(a), Piece(b)),
        *[(Piece(c, part, 4),) for part in range(4)],
        (Piece(d),),
    ]


def test_parts_come_back_in_record_order(tmp_path: Path) -> None:
    whole, cut = Source(tmp_path / "a.jsonl"), Source(tmp_path / "b.jsonl")
    records: list[Any] = list(range(11))
    jobs = [(Piece(whole),), *[(Piece(cut, part, 3),) for part in range(3)]]
    results = [[["a0", "a1"]], *[[records[part::3]] for part in range(3)]]
    assert list(in_file_order(jobs, results)) == [["a0", "a1"], records]


def test_without_pyspark_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # what an install without it gives
    with pytest.raises(ConfigError, match=r"pip install 'newsfuse\[spark\]'"), spark_context():
        pass


def test_standard_input_is_refused_before_spark_starts(tmp_path: Path) -> None:
    from newsfuse.spark import spark_ingest

    store = open_store(str(tmp_path / "s.db"), create=True)
    with pytest.raises(ConfigError, match="standard input"):
        spark_ingest(["-"], Hints(), store, load_settings(env={}))
    store.close()

"""Ingest with worker processes stores the same as with one: same articles, analyses, stories
and events, in the same order (the export is compared byte for byte)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import data_dir, make_dump, sample_inputs

from newsfuse.export import json_line, records
from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.pipeline.workers import in_order
from newsfuse.settings import load_settings
from newsfuse.store import open_store

#: ECB+ texts of two topics (stories with several members) plus the bundled samples.
_ECB_LINES = 24
#: Reports of the interrupted ingest: three batches or more, so both workers get some.
_KILLED_N = 60


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


def _children(pid: int) -> set[int]:
    """Ids of the processes whose parent is ``pid`` (Linux /proc)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _analysed(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM analyses").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigkill_during_worker_analysis_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(_KILLED_N):
        (corpus / f"{n:05d}.txt").write_text(make_dump(n), encoding="utf-8")
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "newsfuse", "--db", str(db), "ingest", str(corpus)]
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([*command, "--workers", "2"], env=env, stdout=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while _analysed(db) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = _analysed(db)
    assert workers and 0 < at_kill < _KILLED_N
    # The workers see their pipe close and exit: none is left behind.
    deadline = time.monotonic() + 60
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)

    rerun = subprocess.run([*command, "--workers", "2"], env=env, capture_output=True, check=False)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"already present {_KILLED_N}" in rerun.stdout.decode()
    con = sqlite3.connect(db)
    total, distinct = con.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM analyses"
    ).fetchone()
    con.close()
    assert total == distinct == _KILLED_N

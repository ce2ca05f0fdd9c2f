"""An ingest killed with SIGKILL part-way resumes with nothing lost and nothing doubled."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_dump

N = 1500


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "--db", str(db), "ingest", str(corpus), "--no-analyse"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.mark.slow
def test_sigkill_then_rerun_leaves_every_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(N):
        (corpus / f"{n:05d}.txt").write_text(make_dump(n), encoding="utf-8")
    db = tmp_path / "kill.db"

    proc = _ingest(db, corpus)
    deadline = time.monotonic() + 120
    while _count(db) < 50 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = _count(db)
    assert 0 < at_kill < N, f"the kill should land mid-batch, found {at_kill} of {N}"

    rerun = _ingest(db, corpus)
    stdout, stderr = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, stderr.decode()
    assert f"ingested {N - at_kill}, already present {at_kill}, rejected 0" in stdout.decode()

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    total, distinct = con.execute(
        "SELECT count(*), count(DISTINCT content_key) FROM articles"
    ).fetchone()
    paths = {r[0] for r in con.execute("SELECT origin_path FROM articles")}
    con.close()
    assert total == distinct == N
    assert paths == {str(corpus / f"{n:05d}.txt") for n in range(N)}

"""Four `newsfuse ingest` processes writing one PostgreSQL store at once, while eight threads
read its web server for a minute, lose no request and no article, double none, and give the
stories of the same ingests run one after another.

The helpers (inputs, ingests, groupings, readers) are those of the SQLite test,
``test_pipeline_concurrent.py``; as there, the stories are compared exactly after
``newsfuse recluster``, which does not depend on the order articles arrived in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO
from test_pipeline_concurrent import (
    _agreement,
    _check_runs,
    _free_port,
    _groupings,
    _ingest,
    _Reader,
    _wait_for_server,
    sequential_copy,
)

from newsfuse.store import open_store

pytestmark = pytest.mark.slow

#: Reader threads, and how long they read (at least: until every ingest is done).
_READERS = 8
_SECONDS = 60


def _run(db: str, *args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsfuse", "--db", db, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr


def test_concurrent_ingests_into_postgres(
    tmp_path: Path, pg_url: str, sequential_run: tuple[list[list[str]], Path]
) -> None:
    groups = sequential_run[0]
    sequential = str(sequential_copy(sequential_run, tmp_path))

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "--db", pg_url, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    try:
        readers = [_Reader(f"http://127.0.0.1:{port}") for _ in range(_READERS)]
        _wait_for_server(readers[0])
        started = time.monotonic()
        for reader in readers:
            reader.start()
        procs = [_ingest(pg_url, paths) for paths in groups]
        results = [(p.communicate(timeout=900), p.returncode) for p in procs]
        time.sleep(max(0.0, _SECONDS - (time.monotonic() - started)))
        for reader in readers:
            reader.stop.set()
        for reader in readers:
            reader.join(timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert [r.errors for r in readers] == [[]] * _READERS
    assert all(r.answered > 0 for r in readers)
    articles, stories, expected = _check_runs(results, pg_url, sequential)
    store = open_store(pg_url)
    assert store.integrity_check() == "ok" and store.pending_story_ids() == []
    assert len(store.copy_entries([a.id for a in store.iter_articles()])) == articles
    store.close()
    assert _agreement(stories, expected) >= 0.8
    _run(pg_url, "recluster")
    _run(sequential, "recluster")
    assert _groupings(pg_url)[1] == _groupings(sequential)[1]

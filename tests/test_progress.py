"""Progress of an ingest: every slow stage reports to a callback; the CLI draws it on a terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_dump

from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore

STAGES = ["reading", "cleaning", "clustering", "analysing", "comparing", "events"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for n in range(3):
        (d / f"{n}.txt").write_text(make_dump(n, topic=("harbour", "river", "canal")[n]))
    (d / "notes.md").write_text("not a report")
    return d


@pytest.mark.parametrize(("analyse", "stages"), [(True, STAGES), (False, STAGES[:3])])
def test_every_slow_stage_reports_in_order(
    store: SqliteStore, corpus: Path, analyse: bool, stages: list[str]
) -> None:
    seen: list[tuple[str, int, int | None]] = []
    summary = ingest_paths(
        [str(corpus)], Hints(), store, load_settings(env={}), analyse, lambda *e: seen.append(e)
    )
    assert list(dict.fromkeys(stage for stage, _, _ in seen)) == stages
    last = {stage: (done, total) for stage, done, total in seen}
    assert last["reading"] == (3, 3)  # notes.md is skipped, not read
    assert last["cleaning"] == (3, None)
    assert last["clustering"] == (3, 3)
    if analyse:
        assert last["analysing"] == (3, 3) and last["events"][0] == last["events"][1]
    assert (summary.ingested, summary.clustered, summary.analysed) == (3, 3, 3 if analyse else 0)
    assert summary.skipped == (str(corpus / "notes.md"),)


def _ingest_stderr(db: Path, corpus: Path, terminal: bool) -> str:
    """What an ingest writes to stderr, when stderr is a terminal or a pipe."""
    args = [sys.executable, "-m", "newsfuse", "--db", str(db), "ingest", str(corpus)]
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    if not terminal:
        proc = subprocess.run(args + ["--no-analyse"], capture_output=True, env=env, check=False)
        return proc.stderr.decode()
    main, child = pty.openpty()
    proc = subprocess.Popen(
        args + ["--no-analyse"], stdout=subprocess.DEVNULL, stderr=child, env=env
    )
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 0.1)
        if ready:
            try:
                data = os.read(main, 4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    proc.wait()
    os.close(main)
    return b"".join(chunks).decode(errors="replace")


@pytest.mark.parametrize(("terminal", "drawn"), [(True, True), (False, False)])
def test_the_cli_draws_progress_only_on_a_terminal(
    tmp_path: Path, corpus: Path, terminal: bool, drawn: bool
) -> None:
    stderr = _ingest_stderr(tmp_path / "p.db", corpus, terminal)
    assert ("grouping into stories" in stderr) is drawn, stderr
    assert ("reading files" in stderr) is drawn
    assert "notes.md" in stderr  # the skipped file is named either way

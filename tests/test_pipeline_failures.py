"""Inputs that once broke every later run: extreme dates, run-on paragraphs, lone surrogates,
and an article whose analysis failed (recorded, shown, not retried unless asked)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLES, make_dump
from fastapi.testclient import TestClient

from newsfuse.cli import cli
from newsfuse.extract.analyse import ANALYSIS_VERSION
from newsfuse.store import open_store
from newsfuse.web.app import create_app

EXTREMES = ["0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+14:00"]


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def _analysed(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        return articles, con.execute("SELECT count(*) FROM analyses").fetchone()[0]
    finally:
        con.close()


def _html(published: str) -> str:
    """A sample HTML report whose page says it was published at ``published``."""
    page = (SAMPLES / "02_meridian-post_braga-flood.html").read_text(encoding="utf-8")
    return page.replace("2025-03-05T07:30:00+00:00", published).replace(
        "Braga counts", f"Braga ({published}) counts"
    )


@pytest.mark.parametrize("stamp", EXTREMES)
def test_extreme_dates_from_flag_jsonl_and_html_never_block(tmp_path: Path, stamp: str) -> None:
    db = tmp_path / "x.db"
    (tmp_path / "flag.txt").write_text(make_dump(1), encoding="utf-8")
    paras = make_dump(2).split("\n\n")[4:8]
    record = {"id": "r", "title": "Bridge", "text": "\n\n".join(paras), "published": stamp}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(_html(stamp), encoding="utf-8")
    assert _run(db, "ingest", str(tmp_path / "flag.txt"), "--published", stamp)[0] == 0
    assert _run(db, "ingest", str(tmp_path / "feed.jsonl"))[0] == 0
    assert _run(db, "ingest", str(tmp_path / "page.html"))[0] == 0
    assert _analysed(db) == (3, 3)
    code, output = _run(db, "ingest", str(tmp_path / "flag.txt"))  # a later run goes on
    assert code == 0 and "already present 1" in output
    for args in (["stories"], ["events"], ["export"], ["rejects"]):
        assert _run(db, *args)[0] == 0, args
    store = open_store(str(db))
    try:
        published = {a.meta.published for a in store.articles()}
        story_ids = [r["id"] for r in store.story_rows()]
    finally:
        store.close()
    assert any(p and p.startswith(stamp[:10]) for p in published)
    for sid in story_ids:
        for command in ("story", "compare", "brief"):
            assert _run(db, command, sid)[0] == 0, (command, sid)


def test_lone_surrogate_in_a_feed_is_replaced_not_fatal(tmp_path: Path) -> None:
    text = "\n\n".join(make_dump(3).split("\n\n")[4:8]).replace("bridge", "bri\ud800dge")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "s", "title": "Bridge", "text": text}) + "\n")
    code, output = _run(tmp_path / "s.db", "ingest", str(feed))
    assert code == 0 and "ingested 1" in output and "analysed 1" in output
    assert _run(tmp_path / "s.db", "ingest", str(feed))[0] == 0


@pytest.mark.slow
def test_a_paragraph_over_a_million_characters_is_analysed(tmp_path: Path) -> None:
    paras = make_dump(4).split("\n\n")
    # > spaCy's 1,000,000 characters, with enough distinct words not to be junk
    paras[4] += "".join(
        f" The council met on day {i} and voted on item {i * 7}." for i in range(27_000)
    )
    dump = tmp_path / "long.txt"
    dump.write_text("\n\n".join(paras), encoding="utf-8")
    (tmp_path / "next.txt").write_text(make_dump(5), encoding="utf-8")
    db = tmp_path / "long.db"
    code, output = _run(db, "ingest", str(dump))
    assert code == 0 and "analysed 1" in output, output
    code, output = _run(db, "ingest", str(tmp_path / "next.txt"))  # later runs are not blocked
    assert code == 0 and "analysed 1" in output, output
    assert _analysed(db) == (2, 2)


def test_failed_analysis_is_shown_skipped_and_retried_on_request(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    for n in (1, 2):
        (tmp_path / f"{n}.txt").write_text(make_dump(n, topic="canal"), encoding="utf-8")
    assert _run(db, "ingest", str(tmp_path / "1.txt"), "--no-analyse")[0] == 0
    store = open_store(str(db))
    (broken,) = [a.id for a in store.articles()]
    # What the analysis stage records when analysing an article raises.
    store.add_analysis_failure(broken, ANALYSIS_VERSION, "ValueError", "[E088] Text too long")
    store.close()

    code, output = _run(db, "ingest", str(tmp_path / "2.txt"))
    assert code == 0 and "analysed 1" in output  # the other article, not the failed one
    assert _analysed(db) == (2, 1)
    code, output = _run(db, "analyse")
    assert code == 0 and "analysed 0, failed 0" in output  # not retried for ever

    code, output = _run(db, "article", broken[:8])
    assert code == 0 and "analysis failed: article" in output and "E088" in output
    code, output = _run(db, "article", broken[:8], "--json")
    assert "ValueError: [E088]" in json.loads(output)["analysis_failed"]
    code, output = _run(db, "rejects", "--json")
    (row,) = [json.loads(line) for line in output.splitlines()]
    assert row["reason"] == "analysis_failed" and broken in row["message"]
    assert row["origin"].endswith("1.txt")

    with TestClient(create_app(str(db))) as client:
        page = client.get(f"/articles/{broken}.json").json()
        assert "E088" in page["analysis_failed"] and page["entities"] is None
        assert "Not analysed" in client.get(f"/articles/{broken}").text
        reasons = [r["reason"] for r in client.get("/api/rejects").json()["rejects"]]
        assert reasons == ["analysis_failed"]

    code, output = _run(db, "analyse", "--retry")
    assert code == 0 and "analysed 1, failed 0" in output
    assert _analysed(db) == (2, 2)
    assert _run(db, "rejects", "--json")[1].strip() == ""


def test_exit_status_tells_rejects_from_a_failed_run(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO / "src")}
    db = tmp_path / "e.db"
    (tmp_path / "ok.txt").write_text(make_dump(1), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "newsfuse", "--db", str(db), *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)

    ingest = [str(tmp_path / "ok.txt"), "--no-analyse"]
    assert run("ingest", *ingest).returncode == 0
    assert run("ingest", str(tmp_path / "empty.txt"), "--no-analyse").returncode == 1
    failed = run("export", "-o", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert failed.returncode == 2 and "error: unexpected FileNotFoundError" in failed.stderr
    assert run("--db", str(tmp_path / "none.db"), "stories").returncode == 2

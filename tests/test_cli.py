"""The command line end to end on small inputs: ingest, list, show, rejects, export."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, make_dump

from newsfuse.cli import cli
from newsfuse.errors import NotFound, StoreError


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(make_dump(1))
    (d / "b.txt").write_text(make_dump(2))
    (d / "empty.txt").write_text("")
    return d


def _run(db: Path, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_ingest_summary_exit_code_and_rerun(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "n.db"
    code, out = _run(db, "ingest", str(corpus))
    assert code == 1 and "ingested 2, already present 0, rejected 1" in out
    code, out = _run(db, "ingest", str(corpus / "a.txt"), str(corpus / "b.txt"))
    assert code == 0 and "ingested 0, already present 2, rejected 0" in out
    code, out = _run(db, "rejects")
    assert code == 0 and "empty" in out


def test_stdin_and_overrides(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code, out = _run(
        db,
        "ingest",
        "-",
        "--published",
        "2024-12-13",
        "--outlet",
        "Example Post",
        "--url",
        "https://example.org/x",
        input=make_dump(5),
    )
    assert code == 0, out
    code, out = _run(db, "articles", "--json")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["outlet"] == "Example Post" and row["published"] == "2024-12-13"
    assert row["origin"] == "<stdin>"


def test_same_text_as_another_outlet_is_another_report(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    _run(db, "ingest", "-", input=make_dump(3))
    code, out = _run(db, "ingest", "-", "--outlet", "Other Daily", input=make_dump(3))
    assert code == 0 and "ingested 1" in out


def test_bad_published_flag_is_a_usage_error(tmp_path: Path, corpus: Path) -> None:
    code, out = _run(tmp_path / "x.db", "ingest", str(corpus), "--published", "someday")
    assert code == 2 and "--published" in out


def test_article_view_and_export(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "e.db"
    _run(db, "ingest", str(corpus / "a.txt"))
    code, out = _run(db, "export", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    (rec,) = [r for r in records if r["type"] == "article"]
    (story,) = [r for r in records if r["type"] == "story"]
    assert rec["story_id"] == story["id"] and story["independent_sources"] == 1
    quotes = [r for r in records if r["type"] == "quote"]
    assert any(q["speaker_name"] == "Lina Ortiz" for q in quotes)
    assert all(r["schema"] == 1 for r in records)
    assert rec["type"] == "article" and rec["origin"]["path"].endswith("a.txt")
    assert rec["headline"].startswith("Officials open new harbour bridge")
    assert rec["byline"] == "Maria Keane"
    assert all(set(b) == {"text", "heading"} for b in rec["body"])
    assert not any("cookies" in b["text"] for b in rec["body"])
    code, out = _run(db, "article", rec["id"][:8], "--chrome")
    assert code == 0 and "[cookie]" in out and "Mayor Lina Ortiz" in out
    with pytest.raises(NotFound, match="no article"):
        _run(db, "article", "nope")


@pytest.mark.parametrize(
    "args",
    [
        ["articles"],
        ["article", "3f2a"],
        ["delete", "3f2a"],
        ["rejects"],
        ["export"],
        ["stories"],
        ["story", "s9272"],
        ["recluster"],
        ["compare", "s9272"],
        ["brief", "s9272"],
        ["events"],
        ["analyse"],
        ["entities"],
        ["quotes", "--speaker", "Ortiz"],
        ["serve"],
    ],
    ids=lambda a: a[0],
)
def test_a_missing_database_is_an_error_not_a_new_store(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert isinstance(result.exception, StoreError), result.output
    assert str(db) in str(result.exception) and f"newsfuse --db {db} ingest" in str(
        result.exception
    )
    assert not db.exists()


def test_ingest_creates_the_store(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "new.db"
    code, _ = _run(db, "ingest", str(corpus / "a.txt"), "--no-analyse")
    assert code == 0 and db.is_file()


def test_main_turns_errors_into_exit_status_2(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    proc = subprocess.run(
        [sys.executable, "-m", "newsfuse", "--db", str(db), "article", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: no newsfuse database at") and str(db) in proc.stderr


def test_a_folder_ingest_skips_what_is_no_news_input_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(SAMPLES), "--no-analyse"])
    assert result.exit_code == 0, result.output
    assert "rejected 0, skipped 1," in result.output
    assert f"skipped (not news inputs by their name; name one to read it): {SAMPLES}/README.md" in (
        result.output
    )
    code, out = _run(db, "rejects", "--json")
    assert code == 0 and out == ""
    code, out = _run(db, "articles", "--json")
    assert not any("README" in json.loads(line)["origin"] for line in out.splitlines())


def test_version_is_the_installed_package_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsfuse", "--version"], capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == f"newsfuse {version('newsfuse')}"

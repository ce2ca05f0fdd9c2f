"""``newsfuse migrate``: a SQLite store copied into PostgreSQL exports as the original does."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import make_dump

from newsfuse.cli import cli
from newsfuse.export import records
from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store import open_store


def test_migrate_copies_everything_and_checks_the_copy(
    samples_db: Path, pg_url: str, tmp_path: Path
) -> None:
    lite = tmp_path / "copy.db"
    shutil.copy(samples_db, lite)
    result = CliRunner().invoke(cli, ["migrate", "--from", f"sqlite:{lite}", "--to", pg_url])
    assert result.exit_code == 0, result.output
    assert "compared the export of 14 articles and" in result.output
    source, target = open_store(str(lite)), open_store(pg_url)
    assert list(records(target)) == list(records(source))
    # The copy is indexed (the order of hits may differ: see docs/postgres.md).
    found = {h["id"] for h in source.search("flood", limit=100)}
    assert {h["id"] for h in target.search("flood", limit=100)} == found != set()
    # The copy goes on from where the source stopped: a new report joins it.
    (tmp_path / "new.txt").write_text(make_dump(7), encoding="utf-8")
    ingest_paths([str(tmp_path / "new.txt")], Hints(), target, load_settings(env={}))
    assert target.count_articles() == source.count_articles() + 1
    source.close()
    target.close()
    again = CliRunner().invoke(cli, ["migrate", "--from", f"sqlite:{lite}", "--to", pg_url])
    assert "holds articles already" in str(again.exception)


def test_migrate_goes_from_sqlite_to_postgresql_only(tmp_path: Path) -> None:
    args = ["migrate", "--from", str(tmp_path / "a.db"), "--to", str(tmp_path / "b.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "postgresql://" in str(result.exception)


def test_migrate_refuses_a_postgresql_source() -> None:
    args = ["migrate", "--from", "postgresql://u@127.0.0.1:1/a", "--to", "postgresql://u@h/b"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "copies a SQLite store" in str(result.exception)

"""Inputs that cost the cleaning stage gigabytes or minutes: each is rejected with its reason
within the budget, or stored whole (the cases are built in ``hostile_clean_cases.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_clean_cases import (
    EXPECTED,
    Builder,
    chinese_report,
    html_10mb_attribute,
    japanese_report,
)

from newsfuse import pipeline
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore


def _ingest(tmp_path: Path, build: Builder) -> tuple[str, SqliteStore]:
    """The outcome of ingesting the case: its reject reason, or "article"."""
    name, data = build()
    (tmp_path / name).write_bytes(data)
    del data
    store = SqliteStore(tmp_path / "limits.db")
    settings = load_settings(env={})
    items = read([str(tmp_path / name)], Hints(), settings.max_bytes)
    summary = pipeline.ingest(items, store, settings)
    if summary.rejects:
        (reject,) = summary.rejects
        assert reject.message, reject
        return reject.reason, store
    return "article", store


# Cleaning the inputs that are under every limit takes 10-25 s on two shared cores; the
# others take at most ~5 s, building them included.
_SLOW = {"dump_at_the_limits", "html_at_the_limits"}
CASES = [
    pytest.param(build, expected, marks=[pytest.mark.slow] * (build.__name__ in _SLOW))
    for build, expected in EXPECTED.items()
]


@pytest.mark.parametrize(("build", "expected"), CASES, ids=[b.__name__ for b in EXPECTED])
def test_each_case_gets_its_outcome(tmp_path: Path, build: Builder, expected: str) -> None:
    outcome, store = _ingest(tmp_path, build)
    assert outcome == expected
    assert len(store.rejects()) == (outcome != "article")
    store.close()


@pytest.mark.parametrize(
    ("build", "phrase"),
    [(chinese_report, "港口于周一重新开放"), (japanese_report, "港は月曜日に再開され")],
    ids=["zh", "ja"],
)
def test_cjk_reports_are_stored_whole(tmp_path: Path, build: Builder, phrase: str) -> None:
    _, store = _ingest(tmp_path, build)
    (article,) = store.articles()
    assert phrase in "\n".join(b.text for b in article.body)
    store.close()


def test_a_giant_attribute_leaves_the_rest_of_the_page(tmp_path: Path) -> None:
    _, store = _ingest(tmp_path, html_10mb_attribute)
    (article,) = store.articles()
    assert len(article.body) == 8
    assert all("Officials said the work would take weeks." in b.text for b in article.body)
    store.close()

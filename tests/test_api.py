"""The Python API: the example of docs/python.md runs as written, and each call answers."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES

import newsfuse
from newsfuse.errors import MissingStore, NotFound
from newsfuse.models import Article, Brief, Comparison

pytestmark = pytest.mark.slow


def _example() -> str:
    text = (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block is not None, "docs/python.md lost its example"
    return block.group(1)


def test_the_documented_example_runs(tmp_path: Path) -> None:
    (tmp_path / "samples").symlink_to(SAMPLES)
    shown = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(shown):
            exec(compile(_example(), "docs/python.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = shown.getvalue()
    assert "14 reports, 0 rejected" in out  # README.md in samples/ is skipped, not rejected
    assert "number [" in out  # the dockworkers' 1,400 vs 2,100 stays a conflict
    assert "# Story " in out and "independent sources" in out
    assert (tmp_path / "news.db").is_file()


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> newsfuse.News:
    db = tmp_path_factory.mktemp("api") / "n.db"
    with newsfuse.open_news(db) as opened:
        opened.ingest([str(SAMPLES)])
    return newsfuse.open_news(db, create=False)


def test_reading_calls_answer(news: newsfuse.News) -> None:
    stories = news.stories()
    assert len(stories) == 4 and all(s["sources"] >= 3 for s in stories)
    first = news.articles(limit=1)[0]
    assert isinstance(first, Article)
    assert news.article(first.id[:8]).id == first.id
    assert news.analysis(first.id) is not None
    story_id = news.search("Braga flood")[0]["story_id"]
    assert news.story(story_id[:6])["id"] == story_id
    assert news.entities(story_id) and news.quotes(story_id)
    assert isinstance(news.compare(story_id), Comparison)
    assert isinstance(news.brief(story_id), Brief)
    assert any(r["type"] == "story" for r in news.export())


def test_records_and_delete(tmp_path: Path) -> None:
    with newsfuse.open_news(tmp_path / "r.db") as news:
        summary = news.add(
            [{"id": "x", "title": "A flood", "text": "Rain fell. " * 40}, {"title": "no text"}],
            analyse=False,
        )
        assert (summary.ingested, summary.rejected) == (1, 1)
        assert summary.rejects[0].reason == "no_text"
        [article] = news.articles()
        assert article.origin.record_id == "x"
        news.delete([article.id])
        assert news.articles() == [] and news.stories() == []
        with pytest.raises(NotFound):
            news.article(article.id)


def test_a_missing_store_is_an_error_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(MissingStore):
        newsfuse.open_news(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_version_and_lazy_names() -> None:
    assert newsfuse.__version__
    assert set(newsfuse.__all__) == {"News", "__version__", "open_news"}
    with pytest.raises(AttributeError):
        newsfuse.nothing  # noqa: B018

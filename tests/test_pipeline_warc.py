"""A web archive ingested end to end, and an interrupted ingest of one resumed."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from test_ingest_warc import mixed, page, write_warc

from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.pipeline import ingest, ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore

N = 12


def test_archive_pages_are_stored_with_url_and_crawl_date(
    tmp_path: Path, store: SqliteStore
) -> None:
    path = tmp_path / "cc.warc.gz"
    write_warc(path, mixed(limit_payload=20_000))
    settings = load_settings(env={"NEWSFUSE_MAX_BYTES": "20000"})
    summary = ingest_paths([str(path)], Hints(), store, settings, analyse=False)
    assert (summary.ingested, summary.rejected) == (2, 1)
    assert dict(summary.passed_over) == {
        "not_html": 1,
        "request": 1,
        "revisit": 1,
        "status_404": 1,
        "truncated": 1,
    }
    articles = store.articles()
    assert {a.meta.url for a in articles} == {
        "https://www.bbc.co.uk/news/world-1",
        "https://edition.cnn.com/2024/12/13/a",
    }
    dated = {a.meta.url: (a.meta.published, a.meta.published_source) for a in articles}
    # A page that dates itself (here by its URL) keeps its date; the others take the crawl's.
    assert dated == {
        "https://www.bbc.co.uk/news/world-1": ("2024-12-13T08:30:00+00:00", "crawl"),
        "https://edition.cnn.com/2024/12/13/a": ("2024-12-13", "page"),
    }
    assert all(a.format == "html" and a.origin.record_id for a in articles)


class Interrupted(Exception):
    """Stands in for a kill part-way through an ingest."""


def _cut(items: Iterator[object], after: int) -> Iterator[object]:
    yield from islice(items, after)
    raise Interrupted


@pytest.mark.parametrize("after", [1, 7, 2 * N - 1])
def test_an_interrupted_archive_ingest_resumes_without_loss_or_doubles(
    tmp_path: Path, store: SqliteStore, after: int
) -> None:
    path = tmp_path / "cc.warc.gz"
    records = []
    for n in range(N):
        records.append(("request", f"https://example.org/{n}", b"", {}))
        records.append(("response", f"https://example.org/{n}", page(n), {}))
    records.append(("response", "https://example.org/empty", b"<html><p>Hi</p></html>", {}))
    write_warc(path, records)
    settings = load_settings(env={})

    with pytest.raises(Interrupted):
        ingest(_cut(read([str(path)], Hints(), settings.max_bytes), after), store, settings)  # type: ignore[arg-type]
    stored = store.count_articles()
    assert stored == after // 2  # every other record is a page

    again = ingest_paths([str(path)], Hints(), store, settings, analyse=False)
    assert (again.ingested, again.present, again.rejected) == (N - stored, stored, 1)
    assert store.count_articles() == N
    keys = {a.content_key for a in store.iter_articles()}
    assert len(keys) == N
    assert {a.meta.url for a in store.iter_articles()} == {
        f"https://example.org/{n}" for n in range(N)
    }
    twice = ingest_paths([str(path)], Hints(), store, settings, analyse=False)
    assert (twice.ingested, twice.present) == (0, N)
    assert len(store.rejects()) == 1  # recorded once per record, however often it is read

"""The bundled sample corpus ingests cleanly and its documented facts come out."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from newsfuse import pipeline
from newsfuse.ingest import read
from newsfuse.models import Article, Hints
from newsfuse.settings import load_settings
from newsfuse.store.sqlite.store import SqliteStore

SAMPLES = REPO / "samples"
INPUTS = [str(p) for p in sorted(SAMPLES.iterdir()) if p.name != "README.md"]


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    store = SqliteStore(tmp_path_factory.mktemp("samples") / "s.db")
    settings = load_settings(env={})
    summary = pipeline.ingest(read(INPUTS, Hints(), settings.max_bytes), store, settings)
    assert summary.rejected == 0, summary.rejects
    out = {}
    for art in store.articles():
        name = Path(art.origin.path or "").name
        out[f"{name}:{art.origin.line}" if art.origin.line else name] = art
    return out


def test_every_sample_becomes_an_article(articles: dict[str, Article]) -> None:
    assert len(articles) == 14


def test_verbatim_republication_has_the_same_body(articles: dict[str, Article]) -> None:
    wire = articles["10_northwind-wire_fundy-tidal.txt"]
    copy = articles["11_harbour-ledger_fundy-tidal.html"]
    assert [b.text for b in wire.body] == [b.text for b in copy.body]
    assert copy.meta.credit == "Northwind Wire" and copy.meta.outlet == "The Harbour Ledger"


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("01_northwind-wire_braga-flood.txt", "2025-03-04"),
        ("02_meridian-post_braga-flood.html", "2025-03-05"),
        ("03_feed-export.jsonl:1", "2025-03-05"),
        ("06_kestrel-daily_cork-flood.html.gz", "2025-03-20"),
        ("09_harbour-ledger_gdansk-strike.txt", "2025-03-11"),
        ("13_kestrel-daily_fundy-tidal.txt", None),
    ],
)
def test_publication_dates(articles: dict[str, Article], name: str, published: str | None) -> None:
    got = articles[name].meta.published
    assert (got[:10] if got else None) == published


def test_no_chrome_in_any_body(articles: dict[str, Article]) -> None:
    chrome_words = ("cookie", "Subscribe", "Sign up", "Share this", "All rights reserved")
    for name, art in articles.items():
        for block in art.body:
            assert not any(w in block.text for w in chrome_words), (name, block.text)

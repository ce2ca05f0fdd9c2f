"""The SQLite store: migrations, idempotent writes, lookups, rejects."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsfuse.errors import MissingStore, NotFound, UnsupportedStore
from newsfuse.models import Article, Block, ChromeLine, Metadata, Origin, Rejected
from newsfuse.store import open_store
from newsfuse.store.sqlite.store import SqliteStore


def _article(n: int) -> Article:
    key = f"{n:064x}"
    return Article(
        id=key[-16:],
        content_key=key,
        origin=Origin("f.jsonl", n, f"r{n}"),
        format="text",
        meta=Metadata(headline=f"Headline {n}", byline="A. Writer", published="2024-12-13"),
        body=(Block("Sub", "heading"), Block(f"Body {n} [x] <b>")),
        captions=("A caption",),
        chrome=(ChromeLine("Search", "navigation", 0),),
        extra={"section": "World"},
    )


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    first = SqliteStore(db)
    names = first.migrations()
    first.close()
    again = SqliteStore(db)
    assert again.migrations() == names and names[0].startswith("0001_")
    again.close()


def test_round_trip_and_idempotence(store: SqliteStore) -> None:
    art = _article(1)
    assert store.add_article(art) is True
    assert store.add_article(art) is False
    assert store.count_articles() == 1
    assert store.has_content(art.content_key)
    assert store.article(art.id) == art
    assert store.article(art.id[:6]) == art


def test_lookup_errors(store: SqliteStore) -> None:
    store.add_article(_article(0x10))
    store.add_article(_article(0x11))
    with pytest.raises(NotFound, match="several"):
        store.article("0000000000000")
    with pytest.raises(NotFound, match="no article"):
        store.article("zzz")
    with pytest.raises(NotFound):
        store.article("%")


AMBIGUOUS_IDS = [f"ab{n:02d}" + "0" * 12 for n in range(12)] + ["cd01" + "0" * 12]


@pytest.mark.parametrize(
    ("prefix", "listed", "more"),
    [
        ("ab", [f"ab{n:02d}" for n in range(10)], True),  # 12 match: the first 10 are listed
        ("ab0", [f"ab{n:02d}" for n in range(10)], False),
        ("ab1", ["ab10", "ab11"], False),
        ("ab00", [], None),  # unique: found
        ("cd", [], None),
    ],
)
def test_an_ambiguous_prefix_lists_the_ids_it_matches(
    store: SqliteStore, prefix: str, listed: list[str], more: bool | None
) -> None:
    for n, aid in enumerate(AMBIGUOUS_IDS):
        store.add_article(replace(_article(n), id=aid))
    if more is None:
        assert store.article(prefix).id.startswith(prefix)
        return
    with pytest.raises(NotFound, match="several articles") as caught:
        store.article(prefix)
    message = str(caught.value)
    assert [i for i in AMBIGUOUS_IDS if i in message] == [
        i for i in AMBIGUOUS_IDS if i[:4] in listed
    ]
    assert ("and more" in message) is more and "more characters" in message


def test_a_missing_database_is_created_only_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    with pytest.raises(MissingStore, match="newsfuse --db .*typo.db ingest"):
        open_store(str(db), create=False)
    assert not db.exists()
    open_store(f"sqlite:///{db}").close()
    open_store(str(db), create=False).close()


def test_iteration_pages_through_everything(store: SqliteStore) -> None:
    for n in range(1200):
        store.add_article(_article(n))
    ids = [a.id for a in store.iter_articles()]
    assert len(ids) == 1200 == len(set(ids))
    assert [a.id for a in store.articles(limit=2, offset=1)] == ids[1:3]


def test_rejects_are_recorded_once_per_origin_and_reason(store: SqliteStore) -> None:
    rej = Rejected(Origin("bad.bin"), "binary", "not text")
    store.add_reject(rej)
    store.add_reject(rej)
    store.add_reject(Rejected(Origin("bad.bin"), "empty", "nothing"))
    assert [r.reason for r in store.rejects()] == ["binary", "empty"]


@pytest.mark.parametrize("url", ["postgresql://localhost/x", "mysql://h/db"])
def test_unknown_back_ends_say_so(url: str) -> None:
    with pytest.raises(UnsupportedStore, match="no store back-end"):
        open_store(url)


def test_sqlite_urls(tmp_path: Path) -> None:
    s = open_store(f"sqlite:///{tmp_path}/u.db")
    assert s.path == f"{tmp_path}/u.db"
    assert s.integrity_check() == "ok"
    s.close()


@pytest.mark.parametrize("confidence", [None, 0.5, 0.9, 1.0])
def test_encoding_confidence_is_stored(store: SqliteStore, confidence: float | None) -> None:
    assert "0008_encoding_confidence" in store.migrations()
    store.add_article(replace(_article(1), encoding_confidence=confidence))
    assert store.article(_article(1).id).encoding_confidence == confidence

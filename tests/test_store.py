"""The store on both back-ends (SQLite, PostgreSQL): migrations, idempotent writes, lookups,
rejects, search, claims. The ``store`` fixture gives one store of each back-end."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from newsfuse.errors import MissingStore, NotFound, StoreError, UnsupportedStore
from newsfuse.models import Article, Block, ChromeLine, Metadata, Origin, Rejected
from newsfuse.store import Store, open_store
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


def test_migrations_are_recorded_once(store: Store) -> None:
    names = store.migrations()  # type: ignore[attr-defined]
    url = getattr(store, "url", None) or str(getattr(store, "path", ""))
    again = open_store(url)
    assert again.migrations() == names and names[0].startswith("0001_")  # type: ignore[attr-defined]
    again.close()


def test_both_back_ends_apply_the_same_migrations(tmp_path: Path, pg_url: str) -> None:
    lite, pg = SqliteStore(tmp_path / "m.db"), open_store(pg_url)
    assert lite.migrations() == pg.migrations()  # type: ignore[attr-defined]
    lite.close()
    pg.close()


def test_round_trip_and_idempotence(store: Store) -> None:
    art = _article(1)
    assert store.add_article(art) is True
    assert store.add_article(art) is False
    assert store.count_articles() == 1
    assert store.has_content(art.content_key)
    assert store.article(art.id) == art
    assert store.article(art.id[:6]) == art


def test_lookup_errors(store: Store) -> None:
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
    store: Store, prefix: str, listed: list[str], more: bool | None
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


def test_iteration_pages_through_everything(store: Store) -> None:
    for n in range(1200):
        store.add_article(_article(n))
    ids = [a.id for a in store.iter_articles()]
    assert len(ids) == 1200 == len(set(ids))
    assert [a.id for a in store.articles(limit=2, offset=1)] == ids[1:3]


def test_rejects_are_recorded_once_per_origin_and_reason(store: Store) -> None:
    rej = Rejected(Origin("bad.bin"), "binary", "not text")
    store.add_reject(rej)
    store.add_reject(rej)
    store.add_reject(Rejected(Origin("bad.bin"), "empty", "nothing"))
    assert [r.reason for r in store.rejects()] == ["binary", "empty"]


@pytest.mark.parametrize("url", ["mysql://h/db", "mongodb://h/db"])
def test_unknown_back_ends_say_so(url: str) -> None:
    with pytest.raises(UnsupportedStore, match="no store back-end"):
        open_store(url)


def test_sqlite_urls(tmp_path: Path) -> None:
    s = open_store(f"sqlite:///{tmp_path}/u.db")
    assert s.path == f"{tmp_path}/u.db"
    assert s.integrity_check() == "ok"
    s.close()


@pytest.mark.parametrize("confidence", [None, 0.5, 0.9, 1.0])
def test_encoding_confidence_is_stored(store: Store, confidence: float | None) -> None:
    assert "0008_encoding_confidence" in store.migrations()
    store.add_article(replace(_article(1), encoding_confidence=confidence))
    assert store.article(_article(1).id).encoding_confidence == confidence


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("harbour bridge", [2, 1]),  # the headline match ranks first
        ("Gdansk", [3]),  # accents do not matter
        ('"bridge opened"', [1]),
        ("bridge NEAR opened", []),  # operators are words
        ("zebra", []),
        ("-- ** ::", []),
    ],
)
def test_search_finds_words_and_phrases(store: Store, query: str, found: list[int]) -> None:
    texts = {
        1: ("Council meets", "The harbour bridge opened on Tuesday."),
        2: ("Harbour bridge closes", "Traffic moved to the ring road."),
        3: ("Strike in Gdańsk", "Dock workers stopped work."),
    }
    for n, (headline, body) in texts.items():
        art = _article(n)
        store.add_article(
            replace(art, meta=replace(art.meta, headline=headline), body=(Block(body),))
        )
    hits = store.search(query)
    assert [h["id"] for h in hits] == [_article(n).id for n in found]
    for hit in hits:
        assert any(seg["match"] for seg in hit["snippet"]), hit


def test_stories_filter_by_words_outlet_and_day(store: Store) -> None:
    from newsfuse.models import Lineage, Story

    arts = [
        replace(_article(n), meta=replace(_article(n).meta, outlet=f"Outlet {n}")) for n in (1, 2)
    ]
    for art in arts:
        store.add_article(art)
    story = Story(
        "s1", "Headline", 739233, 739233, ("Outlet 1", "Outlet 2"), 2, 2, tuple(a.id for a in arts)
    )
    store.save_stories([story], [Lineage(a.id, None, 0.0, "independent", a.id) for a in arts], [])
    assert [s["id"] for s in store.find_stories(query="headline")] == ["s1"]
    assert [s["id"] for s in store.find_stories(outlet="Outlet 2")] == ["s1"]
    assert store.find_stories(outlet="Outlet 3") == []
    assert store.find_stories(query="zebra") == []
    assert store.outlets() == ["Outlet 1", "Outlet 2"]
    assert store.story_row("s1")["outlets"] == ["Outlet 1", "Outlet 2"]


def test_outlets_lists_each_name_once_in_the_order_of_the_index(store: Store) -> None:
    names = ["Wire", None, "alpha", "Wire", "Beta", None, "alpha", "Wire"]
    for n, outlet in enumerate(names, 1):
        store.add_article(replace(_article(n), meta=replace(_article(n).meta, outlet=outlet)))
    # The same names, once each, in the order the database sorts them (binary in SQLite).
    expected = sorted({o for o in names if o is not None})
    if getattr(store, "path", None) is None:  # PostgreSQL sorts by its collation
        expected = [
            r[0]
            for r in store._db.execute(  # type: ignore[attr-defined]
                "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
            )
        ]
    assert store.outlets() == expected
    assert len(expected) == 3


def test_a_claim_waits_for_another_store_and_times_out(store: Store) -> None:
    url = getattr(store, "url", None) or str(getattr(store, "path", ""))
    other = open_store(url, lock_timeout=0.2)
    with store.claim("stories"), store.claim("stories"):  # re-entrant
        with pytest.raises(StoreError, match="'stories' claim"), other.claim("stories"):
            pass
        with other.claim("events"):  # another name is free
            pass
    with other.claim("stories"):  # released with the outer block
        pass
    other.close()


def test_postgres_urls_without_psycopg_say_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "newsfuse.store.postgres.store", raising=False)
    monkeypatch.delitem(sys.modules, "newsfuse.store.postgres.connection", raising=False)
    monkeypatch.delitem(sys.modules, "newsfuse.store.postgres.claims", raising=False)
    with pytest.raises(UnsupportedStore, match=r"pip install 'newsfuse\[postgres\]'"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_an_unreachable_server_is_a_store_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(
        StoreError, match="cannot connect to PostgreSQL at postgresql://u:\\*\\*\\*@"
    ):
        open_store("postgresql://u:secret@127.0.0.1:1/none?connect_timeout=2")


def test_without_a_server_postgres_tests_skip_unless_ci_requires_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pgserver import unavailable

    monkeypatch.delenv("NEWSFUSE_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server for the tests: why"):
        unavailable("why")
    monkeypatch.setenv("NEWSFUSE_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="NEWSFUSE_REQUIRE_POSTGRES=1 requires"):
        unavailable("why")


def test_every_replacing_write_names_its_key_for_postgresql() -> None:
    # The shared SQL says INSERT OR REPLACE; PostgreSQL must be told which key it replaces
    # on. A table written that way without an entry fails only when PostgreSQL runs it.
    from newsfuse.store.postgres.dialect import UPSERT_KEYS

    source = Path(__file__).resolve().parents[1] / "src" / "newsfuse" / "store"
    written = {
        m.group(1)
        for path in source.rglob("*.py")
        for m in re.finditer(r"INSERT OR REPLACE INTO\s+(\w+)", path.read_text())
    }
    assert written and written <= set(UPSERT_KEYS), written - set(UPSERT_KEYS)

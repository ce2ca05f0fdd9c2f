"""Copying a SQLite store into a PostgreSQL one, table by table, in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from newsfuse.errors import StoreError, UnsupportedStore
from newsfuse.store.connection import Db

#: Rows sent to the server per batch.
_BATCH = 1000
#: Tables a store keeps for itself: the migrations it applied, SQLite's own bookkeeping, and
#: the full-text index, which the target builds from the articles it receives.
_OWN = ("migrations", "sqlite_sequence", "articles_fts")


def copy_tables(source: Db, target: Db) -> dict[str, tuple[int, int]]:
    """Copy every table of a SQLite store into an empty store of the same migrations.

    Tables are copied in the order they were created (so a row comes after the rows it
    refers to), in one transaction: an interrupted copy leaves the target as it was. Rows
    the target's migrations seeded (the shipped outlets) are replaced by the source's.

    Returns:
        Per table, its row count in the source and in the target after the copy.

    Raises:
        StoreError: when the target already holds articles, or the two differ in migrations.
    """
    if target.execute("SELECT count(*) FROM articles").fetchone()[0]:
        raise StoreError("the target store holds articles already; migrate into an empty one")
    mine = [r[0] for r in source.execute("SELECT name FROM migrations ORDER BY name")]
    theirs = [r[0] for r in target.execute("SELECT name FROM migrations ORDER BY name")]
    if mine != theirs:
        raise StoreError(f"the stores differ in migrations: {mine} and {theirs}")
    tables = [
        str(r[0])
        for r in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' ORDER BY rowid"
        )
        if not str(r[0]).startswith(_OWN)
    ]
    with target:
        target.execute("BEGIN IMMEDIATE")
        for table in reversed(tables):  # seeded rows go, those that refer to others first
            target.execute(f"DELETE FROM {table}")
        for table in tables:
            columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(columns)
            insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
            rows = source.execute(f"SELECT {names} FROM {table}")
            for batch in _batches(iter(rows)):
                target.executemany(insert, batch)
        for table in ("articles", "rejects"):  # new rows number on from the copied ones
            target.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), "
                f"coalesce((SELECT max(seq) FROM {table}), 0) + 1, false)"
            )
    return {table: (_count(source, table), _count(target, table)) for table in tables}


def _count(db: Db, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _batches(rows: Iterator[Any]) -> Iterator[list[tuple[Any, ...]]]:
    while batch := [tuple(r) for r in islice(rows, _BATCH)]:
        yield batch


def copy_store(source_url: str, target_url: str) -> dict[str, tuple[int, int]]:
    """Copy the SQLite store at ``source_url`` into the (new or empty) PostgreSQL store at
    ``target_url``, migrating both first; per table, its row counts in source and target.

    Raises:
        MissingStore: when there is no SQLite file at ``source_url``.
        UnsupportedStore: when the target is no PostgreSQL URL (or psycopg is missing).
        StoreError: when the target holds articles already, or cannot be written.
    """
    from newsfuse.store import is_postgres, open_store
    from newsfuse.store.sqlite.store import SqliteStore

    if is_postgres(source_url) or not is_postgres(target_url):
        raise UnsupportedStore(
            f"migrate copies a SQLite store into PostgreSQL; got {source_url!r} and "
            f"{target_url!r} (use --from sqlite:PATH --to postgresql://...)"
        )
    source = open_store(source_url, create=False)
    target = open_store(target_url)
    try:
        assert isinstance(source, SqliteStore)  # what open_store gives for a non-PostgreSQL URL
        return copy_tables(source._db, target._db)  # type: ignore[attr-defined]
    finally:
        source.close()
        target.close()

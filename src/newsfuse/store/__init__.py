"""The store: the only part of newsfuse that talks to a database.

``open_store(url)`` picks the back-end from the URL: a plain path or ``sqlite:///path`` opens
the embedded SQLite store; ``postgresql://user@host/db`` (or ``postgres://``) a PostgreSQL
database, with the optional ``psycopg`` dependency (``pip install 'newsfuse[postgres]'``).
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.errors import MissingStore, UnsupportedStore
from newsfuse.store.base import Store
from newsfuse.store.sqlite.store import SqliteStore

__all__ = ["SqliteStore", "Store", "is_postgres", "open_store"]

_PG_SCHEMES = ("postgresql://", "postgres://")


def open_store(
    url: str, create: bool = True, lock_timeout: float = 0.0, read_only: bool = False
) -> Store:
    """Open (migrating if needed) the store named by ``url``.

    Args:
        url: A file path, ``sqlite:///path`` (or ``sqlite:path``), ``sqlite://`` (in memory)
            or a PostgreSQL URL (``postgresql://user:password@host:port/database``).
        create: Create the database when it does not exist. Only commands that add to a store
            (ingest) create one: elsewhere a mistyped path is an error, not a new empty store.
            A PostgreSQL database is created by its administrator; its tables by newsfuse.
        lock_timeout: Seconds to wait for another process's claim, 0 for as long as it runs
            (setting ``lock_timeout``).
        read_only: Open for reading only, without migrating (the web server): the store must
            exist and carry every migration.

    Raises:
        UnsupportedStore: for a URL scheme no back-end handles, or PostgreSQL without psycopg.
        MissingStore: when ``create`` is false and there is no database at the path.
        StoreError: when the database cannot be opened.
    """
    if is_postgres(url):
        try:
            from newsfuse.store.postgres.store import PostgresStore
        except ImportError as exc:
            raise UnsupportedStore(
                f"a PostgreSQL store needs psycopg ({exc}); install it with "
                "pip install 'newsfuse[postgres]'"
            ) from exc
        return PostgresStore(url, read_only=read_only, lock_timeout=lock_timeout)
    path = sqlite_path(url)
    if (not create or read_only) and path != ":memory:" and not Path(path).exists():
        raise MissingStore(
            f"no newsfuse database at {path!r}; check --db (or NEWSFUSE_DB), or create one "
            f"with 'newsfuse --db {path} ingest FILES...'"
        )
    return SqliteStore(path, read_only=read_only, lock_timeout=lock_timeout)


def is_postgres(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL database."""
    return url.startswith(_PG_SCHEMES)


def sqlite_path(url: str) -> str:
    """The SQLite file a store URL names (``:memory:`` for ``sqlite://``).

    Raises:
        UnsupportedStore: for a URL scheme no back-end handles.
    """
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    if url.startswith("sqlite://"):
        return url[len("sqlite://") :] or ":memory:"
    if url.startswith("sqlite:"):  # sqlite:PATH, as 'newsfuse migrate --from' takes it
        return url[len("sqlite:") :]
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise UnsupportedStore(
            f"no store back-end for {scheme}://; use a file path, sqlite:///path or "
            "postgresql://user@host/database"
        )
    return url

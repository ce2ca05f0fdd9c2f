"""The store: the only part of newsfuse that talks to a database.

``open_store(url)`` picks the back-end from the URL: a plain path or ``sqlite:///path`` opens
the embedded SQLite store.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.errors import MissingStore, UnsupportedStore
from newsfuse.store.base import Store
from newsfuse.store.sqlite.store import SqliteStore

__all__ = ["SqliteStore", "Store", "open_store"]


def open_store(url: str, create: bool = True, lock_timeout: float = 0.0) -> SqliteStore:
    """Open (migrating if needed) the store named by ``url``.

    Args:
        url: A file path, ``sqlite:///path`` or ``sqlite://`` (in memory).
        create: Create the database when it does not exist. Only commands that add to a store
            (ingest) create one: elsewhere a mistyped path is an error, not a new empty store.
        lock_timeout: Seconds to wait for another process's claim, 0 for as long as it runs
            (setting ``lock_timeout``).

    Raises:
        UnsupportedStore: for a URL scheme no back-end handles yet.
        MissingStore: when ``create`` is false and there is no database at the path.
        StoreError: when the database cannot be opened.
    """
    path = sqlite_path(url)
    if not create and path != ":memory:" and not Path(path).exists():
        raise MissingStore(
            f"no newsfuse database at {path!r}; check --db (or NEWSFUSE_DB), or create one "
            f"with 'newsfuse --db {path} ingest FILES...'"
        )
    return SqliteStore(path, lock_timeout=lock_timeout)


def sqlite_path(url: str) -> str:
    """The SQLite file a store URL names (``:memory:`` for ``sqlite://``).

    Raises:
        UnsupportedStore: for a URL scheme no back-end handles yet.
    """
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :]
    if url.startswith("sqlite://"):
        return url[len("sqlite://") :] or ":memory:"
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise UnsupportedStore(
            f"no store back-end for {scheme}:// yet; use a file path or sqlite:///path"
        )
    return url

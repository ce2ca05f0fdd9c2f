"""The store: the only part of newsfuse that talks to a database.

``open_store(url)`` picks the back-end from the URL: a plain path or ``sqlite:///path`` opens
the embedded SQLite store.
"""

from __future__ import annotations

from newsfuse.errors import UnsupportedStore
from newsfuse.store.base import Store
from newsfuse.store.sqlite.store import SqliteStore

__all__ = ["SqliteStore", "Store", "open_store"]


def open_store(url: str) -> SqliteStore:
    """Open (creating and migrating if needed) the store named by ``url``.

    Raises:
        UnsupportedStore: for a URL scheme no back-end handles yet.
        StoreError: when the database cannot be opened.
    """
    if url.startswith("sqlite:///"):
        return SqliteStore(url[len("sqlite:///") :])
    if url.startswith("sqlite://"):
        return SqliteStore(url[len("sqlite://") :] or ":memory:")
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise UnsupportedStore(
            f"no store back-end for {scheme}:// yet; use a file path or sqlite:///path"
        )
    return SqliteStore(url)

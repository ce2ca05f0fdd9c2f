"""Claims on a PostgreSQL store: session advisory locks on a connection of their own.

The same claims as SQLite's (:mod:`newsfuse.store.sqlite.claims`), taken with
``pg_try_advisory_lock`` on a connection kept for them. The server releases a session lock
when its connection ends, also when the process holding it dies (``kill -9`` included, once
the server notices the closed socket), so a crashed writer never leaves a stale claim.
Holding a claim holds no row lock: other processes go on storing articles meanwhile.
"""

from __future__ import annotations

import hashlib
from typing import Any

import psycopg

from newsfuse.errors import StoreError
from newsfuse.store.postgres.connection import shown_url
from newsfuse.store.sqlite.claims import Claims, Release

#: The first key of every claim's two-part advisory lock key ("nf"): apart from other users
#: of advisory locks on the same database, and from the one-part write lock.
_CLASS = 0x6E66


def claim_key(name: str) -> int:
    """The second key of a claim's advisory lock: a stable 31-bit number for its name."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4).digest()) >> 1


class PgClaims(Claims):
    """The claims one PostgreSQL store object holds, by name."""

    def __init__(self, url: str, timeout: float) -> None:
        """Claims on the database at ``url``, waiting at most ``timeout`` s (0: no limit)."""
        super().__init__(url, timeout)
        self._url = url
        self._conn: psycopg.Connection[Any] | None = None

    def _acquire(self, name: str) -> Release:
        conn = self._connection()
        key = claim_key(name)

        def holder() -> str:
            row = conn.execute(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = %s "
                "AND objid = %s AND granted",
                (_CLASS, key),
            ).fetchone()
            return f"server process {row[0]}" if row else "another process"

        self._wait(name, lambda: _try_lock(conn, key), holder, shown_url(self._url))

        def release() -> None:
            conn.execute("SELECT pg_advisory_unlock(%s, %s)", (_CLASS, key))

        return release

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            try:
                self._conn = psycopg.connect(self._url, autocommit=True)
            except psycopg.Error as exc:
                raise StoreError(f"cannot connect to {shown_url(self._url)}: {exc}") from exc
        return self._conn

    def close(self) -> None:
        """Close the claims' connection, releasing every claim still held."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _try_lock(conn: psycopg.Connection[Any], key: int) -> bool:
    row = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", (_CLASS, key)).fetchone()
    return bool(row and row[0])

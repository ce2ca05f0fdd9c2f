"""The connection the shared SQL of both back-ends runs on: what ``sqlite3`` offers.

The table modules of :mod:`newsfuse.store.sqlite` are written against this much of a DB-API
connection, in portable SQL (with SQLite's ``INSERT OR IGNORE`` / ``INSERT OR REPLACE`` and
``BEGIN IMMEDIATE``). A ``sqlite3.Connection`` is one; the PostgreSQL store passes
:class:`newsfuse.store.postgres.connection.PgDb`, which translates those forms into
PostgreSQL's, so that each query is written once for both back-ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any, Protocol

#: LIMIT for "no limit": SQLite takes -1 for it, PostgreSQL refuses a negative one.
NO_LIMIT = 2**63 - 1


class Cursor(Protocol):
    """The result of one statement."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Db(Protocol):
    """A connection in autocommit mode; ``with db:`` commits (or rolls back) a transaction
    opened inside the block with ``BEGIN IMMEDIATE``."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def __enter__(self) -> Any: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> Any: ...

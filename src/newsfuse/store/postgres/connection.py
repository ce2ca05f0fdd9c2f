"""A pool of PostgreSQL connections that runs the shared SQL as ``sqlite3`` would.

:class:`PgDb` is a :class:`newsfuse.store.connection.Db`: each statement outside a
transaction runs on a connection borrowed from the pool for that statement (readers on many
threads share one store object, as the web server's do), and its rows are read at once.
``with db:`` pins one connection to the thread for the block; ``BEGIN IMMEDIATE`` in it
opens a transaction that takes the store's write lock, so that writers follow one another
as they do in SQLite (see :data:`WRITE_LOCK`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from types import TracebackType
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus
from psycopg_pool import ConnectionPool

from newsfuse.errors import StoreError
from newsfuse.store.postgres.dialect import translate

#: The advisory lock (one 64-bit key) every writing transaction holds until it commits.
#: Ingest positions (``articles.seq``) then follow commit order, as the story stage's mark of
#: what is clustered (``clustered_seq``) assumes, and a story's facts are checked against a
#: basis no other writer changes meanwhile. The transactions are short (one article, one
#: analysis, one batch of stories); the long work is ordered by claims.
WRITE_LOCK = 0x6E657773_66757365  # "newsfuse"


class Row(tuple[Any, ...]):
    """A row read by position or by column name, and ``dict(row)``, as ``sqlite3.Row``."""

    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        """The column names, in order."""
        return list(self._index)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"_index": {n: i for i, n in enumerate(names)}})


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = tuple(c.name for c in cursor.description or ())
    cls = _row_class(names)
    return lambda values: cls(values)


class Result:
    """The rows of one statement, read at once (the connection goes back to the pool)."""

    def __init__(self, rows: list[Any], rowcount: int) -> None:
        self._rows = rows
        self._rowcount = rowcount

    @property
    def rowcount(self) -> int:
        """Rows the statement changed."""
        return self._rowcount

    def fetchone(self) -> Any:
        """The first row, or None."""
        return self._rows.pop(0) if self._rows else None

    def fetchall(self) -> list[Any]:
        """The rows not read yet."""
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgDb:
    """Connections to one PostgreSQL database, used as one ``sqlite3`` connection is."""

    def __init__(self, url: str, read_only: bool = False, max_size: int = 8) -> None:
        """Open a pool of up to ``max_size`` connections to ``url``.

        Raises:
            StoreError: when the server cannot be reached or refuses the connection.
        """
        options = "-c default_transaction_read_only=on" if read_only else ""
        self.url = url
        try:  # once first: the pool would retry a refused connection for its whole timeout
            psycopg.connect(url, options=options).close()
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {shown_url(url)}: {exc}") from exc
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max_size,
            kwargs={"autocommit": True, "row_factory": _row_factory, "options": options},
            open=False,
        )
        try:
            self._pool.open(wait=True, timeout=30)
        except psycopg.Error as exc:
            self._pool.close()
            raise StoreError(f"cannot connect to PostgreSQL at {shown_url(url)}: {exc}") from exc
        self._local = threading.local()
        self._columns: dict[str, list[str]] = {}
        self._sql: dict[tuple[str, bool], str] = {}

    def execute(self, sql: str, parameters: Any = None, /) -> Result:
        """Run one statement (``BEGIN IMMEDIATE``: a transaction holding the write lock)."""
        if sql.strip().upper() == "BEGIN IMMEDIATE":
            self._conn().execute("BEGIN")
            sql, parameters = "SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,)
        with self._connection() as conn:
            cur = conn.execute(self._translated(sql, bool(parameters)), parameters or None)
            rows = cur.fetchall() if cur.description else []
            return Result(rows, cur.rowcount)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Result:
        """Run one statement for each set of parameters."""
        params = list(parameters)
        if not params:
            return Result([], 0)
        with self._connection() as conn, conn.cursor() as cur:
            cur.executemany(self._translated(sql, True), params)
            return Result([], cur.rowcount)

    def __enter__(self) -> PgDb:
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self._local.conn = self._pool.getconn()
        self._local.depth = depth + 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> None:
        self._local.depth -= 1
        if self._local.depth:
            return
        conn: psycopg.Connection[Any] = self._local.conn
        del self._local.conn
        try:
            if conn.info.transaction_status != TransactionStatus.IDLE:
                conn.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self._pool.putconn(conn)

    def columns(self, table: str) -> list[str]:
        """The columns of ``table``, in order."""
        if table not in self._columns:
            rows = self.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "AND table_schema = current_schema() ORDER BY ordinal_position",
                (table,),
            )
            self._columns[table] = [r[0] for r in rows]
        return self._columns[table]

    def close(self) -> None:
        """Close every connection of the pool."""
        self._pool.close()

    def _translated(self, sql: str, params: bool) -> str:
        key = (sql, params)
        if key not in self._sql:
            self._sql[key] = translate(sql, _Columns(self), params)
        return self._sql[key]

    def _conn(self) -> psycopg.Connection[Any]:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            raise StoreError("BEGIN IMMEDIATE outside 'with db:' (a bug in newsfuse)")
        return conn  # type: ignore[no-any-return]

    def _connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        return _Pinned(conn) if conn is not None else self._pool.connection()


class _Pinned:
    """The thread's pinned connection as a context manager that leaves it open."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def __enter__(self) -> psycopg.Connection[Any]:
        return self._conn

    def __exit__(self, *exc: object) -> None:
        return None


class _Columns(dict[str, list[str]]):
    """Table columns looked up on first use (only an upsert without a column list asks)."""

    def __init__(self, db: PgDb) -> None:
        super().__init__()
        self._db = db

    def __missing__(self, table: str) -> list[str]:
        return self._db.columns(table)


def shown_url(url: str) -> str:
    """A database URL as messages show it: without its password."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if at and ":" in creds:
        creds = creds.split(":", 1)[0] + ":***"
    return f"{scheme}{sep}{creds}{at}{host}"

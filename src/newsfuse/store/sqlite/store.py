"""The embedded SQLite store: one file, WAL journal, one transaction per article."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.sqlite.analyses import AnalysesMixin
from newsfuse.store.sqlite.articles import ArticlesMixin
from newsfuse.store.sqlite.claims import Claims
from newsfuse.store.sqlite.feeds import FeedsMixin
from newsfuse.store.sqlite.index import IndexMixin
from newsfuse.store.sqlite.migrations import MIGRATIONS
from newsfuse.store.sqlite.outlets import OutletsMixin
from newsfuse.store.sqlite.removal import RemovalMixin
from newsfuse.store.sqlite.search import SearchMixin
from newsfuse.store.sqlite.stories import StoriesMixin

#: Seconds a write waits for another process's transaction. Those are one article, one
#: analysis or one batch of stories long (seconds at most); the long work between them is
#: ordered by claims (:mod:`newsfuse.store.sqlite.claims`), which hold no SQLite lock.
_BUSY_TIMEOUT = 120.0


class SqliteStore(
    AnalysesMixin,
    StoriesMixin,
    IndexMixin,
    SearchMixin,
    RemovalMixin,
    FeedsMixin,
    OutletsMixin,
    ArticlesMixin,
):
    """A :class:`newsfuse.store.base.Store` in one SQLite file.

    With ``read_only=True`` the file is opened with ``mode=ro`` (SQLite refuses every write)
    and is never migrated; it must exist and carry every migration. Such a connection may be
    used from a thread other than the one that opened it (one at a time), as a web server does.
    """

    _db: sqlite3.Connection

    def __init__(
        self, path: str | Path, read_only: bool = False, lock_timeout: float = 0.0
    ) -> None:
        self.path = str(path)
        self._claims = Claims(self.path, lock_timeout)
        if read_only:
            self._db = _open_read_only(self.path)
            return
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_TIMEOUT)
            self._db.row_factory = sqlite3.Row
            # Two processes creating one store at once would both apply the first migration.
            with self._claims.claim("migrate"):
                self._db.execute("PRAGMA journal_mode=WAL")
                # NORMAL in WAL mode never corrupts the file; a power cut may lose the last
                # commit, which a rerun re-ingests (content keys make that idempotent).
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database {self.path!r}: {exc}") from exc

    def claim(self, name: str) -> AbstractContextManager[None]:
        """Hold the claim ``name`` (``stories``, ``analysis``, ``events``) for a ``with``
        block, waiting while another process holds it (see :mod:`.claims`)."""
        return self._claims.claim(name)

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {r[0] for r in self._db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            if not isinstance(sql, str):
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    sql(self._db)
                    self._db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                continue
            # executescript commits first, so each migration runs in its own explicit block.
            self._db.executescript(
                f"BEGIN IMMEDIATE;\n{sql}\nINSERT INTO migrations VALUES "
                f"('{name}', '{_now()}');\nCOMMIT;"
            )

    def migrations(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM migrations ORDER BY name")]

    def integrity_check(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self._db.close()


def _open_read_only(path: str) -> sqlite3.Connection:
    file = Path(path)
    if not file.is_file():
        raise StoreError(f"no SQLite database at {path!r}; create it with 'newsfuse ingest'")
    try:
        db = sqlite3.connect(
            f"{file.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        db.row_factory = sqlite3.Row
        done = {r[0] for r in db.execute("SELECT name FROM migrations")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open SQLite database {path!r} read-only: {exc}") from exc
    missing = [name for name, _ in MIGRATIONS if name not in done]
    if missing:
        db.close()
        raise StoreError(
            f"{path!r} lacks migrations {', '.join(missing)}; open it once "
            "read-write (any newsfuse command, e.g. 'newsfuse stories') to apply them"
        )
    return db


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

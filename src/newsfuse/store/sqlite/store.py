"""The embedded SQLite store: one file, WAL journal, one transaction per article."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.models import Article, Origin, Rejected
from newsfuse.store.codec import article_from_row, article_row
from newsfuse.store.sqlite.analyses import AnalysesMixin
from newsfuse.store.sqlite.claims import Claims
from newsfuse.store.sqlite.feeds import FeedsMixin
from newsfuse.store.sqlite.ids import by_prefix
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
    AnalysesMixin, StoriesMixin, IndexMixin, SearchMixin, RemovalMixin, FeedsMixin, OutletsMixin
):
    """A :class:`newsfuse.store.base.Store` in one SQLite file.

    With ``read_only=True`` the file is opened with ``mode=ro`` (SQLite refuses every write)
    and is never migrated; it must exist and carry every migration. Such a connection may be
    used from a thread other than the one that opened it (one at a time), as a web server does.
    """

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

    def has_content(self, content_key: str) -> bool:
        cur = self._db.execute("SELECT 1 FROM articles WHERE content_key = ?", (content_key,))
        return cur.fetchone() is not None

    def add_article(self, article: Article) -> bool:
        row = article_row(article)
        row["ingested_at"] = _now()
        cols = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        cur = self._db.execute(f"INSERT OR IGNORE INTO articles ({cols}) VALUES ({marks})", row)
        return cur.rowcount == 1

    def add_reject(self, rejected: Rejected) -> None:
        o = rejected.origin
        key = hashlib.sha256(
            f"{o.path}\0{o.line}\0{o.record_id}\0{rejected.reason}".encode()
        ).hexdigest()
        self._db.execute(
            "INSERT OR REPLACE INTO rejects (key, rejected_at, origin_path, origin_line, "
            "origin_record_id, reason, message, content_key) VALUES (?,?,?,?,?,?,?,?)",
            (
                key,
                _now(),
                o.path,
                o.line,
                o.record_id,
                rejected.reason,
                rejected.message,
                rejected.content_key,
            ),
        )

    def article(self, id_or_prefix: str) -> Article:
        aid = by_prefix(self._db, "articles", id_or_prefix, order="seq")
        return article_from_row(
            self._db.execute("SELECT * FROM articles WHERE id = ?", (aid,)).fetchone()
        )

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]:
        """The articles with these ids, in ingest order (unknown ids are skipped)."""
        out: list[Article] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = self._db.execute(
                f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY seq",
                chunk,
            )
            out.extend(article_from_row(r) for r in rows)
        return out

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        rows = self._db.execute(
            "SELECT * FROM articles ORDER BY seq LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [article_from_row(r) for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        last = 0
        while True:
            rows = self._db.execute(
                "SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield article_from_row(r)
            last = rows[-1]["seq"]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def rejects(self) -> list[Rejected]:
        """Rejected inputs, oldest first, then articles whose analysis failed."""
        rows = self._db.execute("SELECT * FROM rejects ORDER BY seq")
        refused = [
            Rejected(
                Origin(r["origin_path"], r["origin_line"], r["origin_record_id"]),
                r["reason"],
                r["message"],
                r["content_key"],
            )
            for r in rows
        ]
        return refused + self.analysis_failures()

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

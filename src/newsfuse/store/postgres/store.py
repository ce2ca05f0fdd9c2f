"""The PostgreSQL store: SQLite's tables and queries on a server, for many writers at once."""

from __future__ import annotations

import json
import zlib
from contextlib import AbstractContextManager
from typing import Any

from newsfuse.errors import StoreError
from newsfuse.models import Article
from newsfuse.store.postgres.claims import PgClaims
from newsfuse.store.postgres.connection import PgDb
from newsfuse.store.postgres.migrations import MIGRATIONS, migrate
from newsfuse.store.postgres.search import PgSearchMixin
from newsfuse.store.sqlite.analyses import AnalysesMixin
from newsfuse.store.sqlite.articles import ArticlesMixin
from newsfuse.store.sqlite.feeds import FeedsMixin
from newsfuse.store.sqlite.index import IndexMixin
from newsfuse.store.sqlite.outlets import OutletsMixin
from newsfuse.store.sqlite.removal import RemovalMixin
from newsfuse.store.sqlite.stories import StoriesMixin

#: Connections a store object keeps: a writing process uses one at a time; a web server's
#: threads read on up to this many at once (the rest wait their turn for a moment).
POOL_SIZE = 8


class PostgresStore(
    AnalysesMixin,
    StoriesMixin,
    IndexMixin,
    PgSearchMixin,
    RemovalMixin,
    FeedsMixin,
    OutletsMixin,
    ArticlesMixin,
):
    """A :class:`newsfuse.store.base.Store` in a PostgreSQL database.

    Any number of processes may open one database and write at once: every article is one
    short transaction under the store's write lock (:data:`~.connection.WRITE_LOCK`), and the
    work that reads and rewrites shared state (the story index, analyses, events) runs under
    a claim, a session advisory lock (:mod:`.claims`). With ``read_only=True`` every
    transaction is read-only and nothing is migrated, as a web server needs.
    """

    _db: PgDb

    def __init__(
        self,
        url: str,
        read_only: bool = False,
        lock_timeout: float = 0.0,
        pool_size: int = POOL_SIZE,
    ) -> None:
        self.url = url
        self._db = PgDb(url, read_only=read_only, max_size=pool_size)
        self._claims = PgClaims(url, lock_timeout)
        if read_only:
            missing = [n for n, _ in MIGRATIONS if n not in set(self._applied())]
            if missing:
                self.close()
                raise StoreError(
                    f"the database lacks migrations {', '.join(missing)}; open it once "
                    "read-write (any newsfuse command, e.g. 'newsfuse stories') to apply them"
                )
            return
        with self._claims.claim("migrate"):
            migrate(self._db)

    def claim(self, name: str) -> AbstractContextManager[None]:
        """Hold the claim ``name`` (``stories``, ``analysis``, ``events``) for a ``with``
        block, waiting while another process holds it (see :mod:`.claims`)."""
        return self._claims.claim(name)

    def migrations(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return sorted(self._applied())

    def add_article(self, article: Article) -> bool:
        """Store one article; False when its content is stored already.

        Under the write lock, so that ingest positions are given in commit order.
        """
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            return super().add_article(article)

    def legacy_index(self) -> dict[str, Any] | None:
        """The story index as one blob: only in a store copied from an old SQLite one."""
        if self._db.execute("SELECT to_regclass('cluster_state')").fetchone()[0] is None:
            return None
        row = self._db.execute("SELECT data FROM cluster_state WHERE name = 'index'").fetchone()
        return None if row is None else dict(json.loads(zlib.decompress(row[0])))

    def integrity_check(self) -> str:
        """``ok`` when every foreign key holds (the server keeps pages consistent itself)."""
        orphans = self._db.execute(
            "SELECT count(*) FROM article_story s LEFT JOIN articles a ON a.id = s.article_id "
            "WHERE a.id IS NULL"
        ).fetchone()[0]
        return "ok" if orphans == 0 else f"{orphans} story members without an article"

    def close(self) -> None:
        """Release every claim and close every connection."""
        self._claims.close()
        self._db.close()

    def _applied(self) -> list[str]:
        if self._db.execute("SELECT to_regclass('migrations')").fetchone()[0] is None:
            return []
        return [r[0] for r in self._db.execute("SELECT name FROM migrations")]

"""The articles and rejects tables, in the SQL both back-ends share."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsfuse.models import Article, Origin, Rejected
from newsfuse.store.codec import article_from_row, article_row
from newsfuse.store.connection import NO_LIMIT, Db
from newsfuse.store.sqlite.ids import by_prefix


class ArticlesMixin:
    """Store and read articles and rejects; mixed into both stores."""

    _db: Db

    if TYPE_CHECKING:  # provided by AnalysesMixin, which every store mixes in too

        def analysis_failures(self, article_ids: Sequence[str] | None = None) -> list[Rejected]: ...

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
            (NO_LIMIT if limit is None else limit, offset),
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

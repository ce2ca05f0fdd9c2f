"""SQLite tables of what was read off each article: analyses, quotes, entity mentions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from newsfuse.models import Article, Origin, Rejected
from newsfuse.store.codec import article_from_row
from newsfuse.store.connection import Db


class AnalysesMixin:
    """Store and query analyses; mixed into :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db

    def add_analysis(self, data: dict[str, Any]) -> None:
        """Store one article's analysis (replacing an older one) in one transaction."""
        aid = data["article_id"]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM quotes WHERE article_id = ?", (aid,))
            self._db.execute("DELETE FROM entity_mentions WHERE article_id = ?", (aid,))
            self._db.execute("DELETE FROM analysis_failures WHERE article_id = ?", (aid,))
            self._db.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)",
                (aid, data["version"], now, json.dumps(data, ensure_ascii=False)),
            )
            # The article's story now rests on another analysis: its facts need checking.
            self._db.execute(
                "INSERT OR IGNORE INTO story_dirty SELECT story_id FROM article_story "
                "WHERE article_id = ?",
                (aid,),
            )
            self._db.executemany(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        aid,
                        i,
                        q["kind"],
                        q["text"],
                        q["cue"],
                        q["speaker"],
                        q["speaker_name"],
                        q["paragraph"],
                    )
                    for i, q in enumerate(data["quotes"])
                ],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO entity_mentions VALUES (?, ?, ?, ?, ?)",
                [
                    (aid, e["id"], e["name"], e["type"], len(e["mentions"]))
                    for e in data["entities"]
                ],
            )

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis of an article, or None when it has not been analysed."""
        row = self._db.execute(
            "SELECT data_json FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Stored analyses of the given articles, by article id."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            for aid, data in self._db.execute(
                f"SELECT article_id, data_json FROM analyses WHERE article_id IN ({marks})", chunk
            ):
                out[aid] = json.loads(data)
        return out

    def unanalysed(self, version: int, limit: int) -> list[Article]:
        """Articles with no analysis of this version, oldest ingest first; those whose
        analysis of this version failed are left out."""
        rows = self._db.execute(
            f"SELECT a.* FROM articles a {_PENDING} ORDER BY a.seq LIMIT ?",
            (version, version, limit),
        )
        return [article_from_row(r) for r in rows]

    def unanalysed_ids(self, version: int) -> list[str]:
        """Ids of every article :meth:`unanalysed` has to give, in its order."""
        rows = self._db.execute(
            f"SELECT a.id FROM articles a {_PENDING} ORDER BY a.seq", (version, version)
        )
        return [str(r[0]) for r in rows]

    def count_unanalysed(self, version: int) -> int:
        """How many articles :meth:`unanalysed` has to give."""
        row = self._db.execute(
            f"SELECT count(*) FROM articles a {_PENDING}", (version, version)
        ).fetchone()
        return int(row[0])

    def add_analysis_failure(
        self, article_id: str, version: int, reason: str, message: str
    ) -> None:
        """Record that analysing an article (at this analysis version) failed, and why."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.execute(
            "INSERT OR REPLACE INTO analysis_failures VALUES (?, ?, ?, ?, ?)",
            (article_id, version, now, reason, message),
        )

    def analysis_failures(self, article_ids: Sequence[str] | None = None) -> list[Rejected]:
        """Recorded analysis failures (of these articles), oldest first, as rejects of the
        article's origin with reason ``analysis_failed``."""
        sql = (
            "SELECT f.*, a.origin_path, a.origin_line, a.origin_record_id, a.content_key "
            "FROM analysis_failures f JOIN articles a ON a.id = f.article_id"
        )
        args: list[str] = []
        if article_ids is not None:
            args = list(article_ids) or [""]
            sql += f" WHERE f.article_id IN ({','.join('?' * len(args))})"
        rows = self._db.execute(sql + " ORDER BY f.failed_at, a.seq", args)
        return [
            Rejected(
                Origin(r["origin_path"], r["origin_line"], r["origin_record_id"]),
                "analysis_failed",
                f"article {r['article_id']}: {r['reason']}: {r['message']} (stored, but not "
                "analysed; 'newsfuse analyse --retry' tries again)",
                r["content_key"],
            )
            for r in rows
        ]

    def retry_analyses(self) -> int:
        """Forget every recorded analysis failure, so the next run tries those articles again;
        returns how many there were."""
        return self._db.execute("DELETE FROM analysis_failures").rowcount

    def quote_rows(
        self, speaker: str | None = None, article_ids: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Stored quotes, optionally of one speaker (case-insensitive substring) or articles."""
        sql = "SELECT * FROM quotes WHERE 1=1"
        args: list[Any] = []
        if speaker:
            # instr, not LIKE: no wildcards ('_' is a character) and no pattern length limit.
            sql += " AND instr(lower(speaker_name), lower(?)) > 0"
            args.append(speaker)
        if article_ids is not None:
            ids = list(article_ids) or [""]
            sql += f" AND article_id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        rows = self._db.execute(sql + " ORDER BY article_id, idx", args)
        return [dict(r) for r in rows]

    def entity_rows(self, article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Entities with how many articles and mentions name them, most mentioned first.

        Name and type are the ones most mentions of the entity carry (the small NER model
        types one name differently in different articles).
        """
        sql = "SELECT entity_id, name, type, mentions FROM entity_mentions"
        args: list[Any] = []
        if article_ids is not None:
            ids = list(article_ids) or [""]
            sql += f" WHERE article_id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        votes: dict[str, tuple[Counter[str], Counter[str], list[int]]] = {}
        for eid, name, kind, mentions in self._db.execute(sql, args):
            names, kinds, counts = votes.setdefault(eid, (Counter(), Counter(), []))
            names[name] += mentions
            kinds[kind] += mentions
            counts.append(mentions)
        rows: list[dict[str, Any]] = [
            {
                "entity_id": eid,
                "name": names.most_common(1)[0][0],
                "type": kinds.most_common(1)[0][0],
                "articles": len(counts),
                "mentions": sum(counts),
            }
            for eid, (names, kinds, counts) in votes.items()
        ]
        rows.sort(key=lambda r: (-r["mentions"], r["entity_id"]))
        return rows


#: Articles without an analysis of the version bound twice, nor a failure of that version.
_PENDING = (
    "LEFT JOIN analyses n ON n.article_id = a.id "
    "LEFT JOIN analysis_failures f ON f.article_id = a.id AND f.version >= ? "
    "WHERE (n.article_id IS NULL OR n.version < ?) AND f.article_id IS NULL"
)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]

"""SQLite tables of stories: membership with copy lineage, merges, stories to re-check."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from newsfuse.models import IndexRows, Lineage, Story
from newsfuse.store.connection import NO_LIMIT, Db
from newsfuse.store.sqlite.ids import by_prefix
from newsfuse.store.sqlite.index import advance_clustered_seq, clustered_seq, write_index
from newsfuse.timestamps import utc_key

#: Longest chain of merges followed when resolving an old story id.
_MAX_MERGE_HOPS = 64


class StoriesMixin:
    """Store and query stories; mixed into :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db

    def unassigned_ids(self) -> list[str]:
        """Ids of articles that belong to no story yet, by publication time (UTC), then id.

        Only articles ingested after the last one known to be clustered are looked at. The
        order depends on the articles alone, not on the order they were ingested in, so the
        stories of one batch do not depend on the order of its input files.
        """
        rows = self._db.execute(
            "SELECT a.id, a.published FROM articles a "
            "LEFT JOIN article_story s ON s.article_id = a.id "
            "WHERE a.seq > ? AND s.article_id IS NULL",
            (clustered_seq(self._db),),
        )
        return [aid for _, aid in sorted((utc_key(published), aid) for aid, published in rows)]

    def count_in_stories(self) -> int:
        """How many articles belong to a story."""
        return int(self._db.execute("SELECT count(*) FROM article_story").fetchone()[0])

    def save_stories(
        self,
        stories: Sequence[Story],
        lineages: Sequence[Lineage],
        merges: Sequence[tuple[str, str]],
        index: IndexRows | None = None,
        replace_all: bool = False,
    ) -> None:
        """Write changed stories, their members' lineage, merges and index rows in one go.

        One transaction: an interrupted clustering leaves the previous consistent state, and
        the next run redoes the articles it had not saved. Every story written is marked for
        its derived facts to be checked (``pending_story_ids``). With ``replace_all`` the
        stories, membership and index rows are replaced rather than updated.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        story_of = {a: s.id for s in stories for a in s.article_ids}
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            if replace_all:
                self._db.execute("DELETE FROM stories")
                self._db.execute("DELETE FROM article_story")
            for old, new in merges:
                self._db.execute("DELETE FROM stories WHERE id = ?", (old,))
                self._db.execute("DELETE FROM story_dirty WHERE story_id = ?", (old,))
                self._db.execute(
                    "INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?)", (old, new, now)
                )
            # A live story is no alias (a recluster may bring back an id merged away before).
            self._db.executemany(
                "DELETE FROM story_merges WHERE old_id = ?", ((s.id,) for s in stories)
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        s.id,
                        s.label,
                        _iso(s.first_day),
                        _iso(s.last_day),
                        json.dumps(list(s.outlets), ensure_ascii=False),
                        s.article_count,
                        s.independent_sources,
                        now,
                    )
                    for s in stories
                ],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO story_dirty VALUES (?)", ((s.id,) for s in stories)
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO article_story VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        ln.article_id,
                        story_of[ln.article_id],
                        ln.copy_of,
                        ln.reuse,
                        ln.kind,
                        ln.original,
                    )
                    for ln in lineages
                    if ln.article_id in story_of
                ],
            )
            if index is not None:
                write_index(self._db, index, replace=replace_all)
            advance_clustered_seq(self._db, from_start=replace_all)

    def pending_story_ids(self) -> list[str]:
        """Stories whose members or analyses changed since their facts were last checked."""
        rows = self._db.execute(
            "SELECT d.story_id FROM story_dirty d JOIN stories s ON s.id = d.story_id "
            "ORDER BY d.story_id"
        )
        return [r[0] for r in rows]

    def story_checked(self, story_id: str, basis: str | None = None) -> None:
        """Record that a story's derived facts are current: made from ``basis``, when given,
        and only if that is still the story's basis (another process may have changed it)."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._unmark(story_id, basis)

    def resolve_story(self, story_id: str) -> str:
        """The current id of a story, following recorded merges; raises NotFound."""
        sid = story_id
        for _ in range(_MAX_MERGE_HOPS):
            if self._db.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone():
                return sid
            row = self._db.execute(
                "SELECT new_id FROM story_merges WHERE old_id = ?", (sid,)
            ).fetchone()
            if row is None:
                break
            sid = row[0]
        return by_prefix(self._db, "stories", story_id)

    def story_rows(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories, most recent first (undated last), then largest."""
        rows = self._db.execute(
            "SELECT * FROM stories ORDER BY last_day IS NULL, last_day DESC, articles DESC, id "
            "LIMIT ?",
            (NO_LIMIT if limit is None else limit,),
        )
        return [_story_dict(r) for r in rows]

    def story_row(self, story_id: str) -> dict[str, Any]:
        """One story (old merged ids resolve) with its members and their lineage."""
        sid = self.resolve_story(story_id)
        row = self._db.execute("SELECT * FROM stories WHERE id = ?", (sid,)).fetchone()
        story = _story_dict(row)
        members = self._db.execute(
            "SELECT a.id, a.headline, a.outlet, a.published, a.credit, s.copy_of, s.reuse, "
            "s.copy_kind, s.original, r.previous_id AS revision_of "
            "FROM article_story s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN revisions r ON r.article_id = a.id WHERE s.story_id = ? ORDER BY a.seq",
            (sid,),
        )
        # Publication order in UTC (stamps carry different offsets), undated last.
        story["members"] = sorted((dict(m) for m in members), key=lambda m: utc_key(m["published"]))
        # A report fetched again with new text is a revision: the story says it was updated.
        story["revisions"] = sum(m["revision_of"] is not None for m in story["members"])
        return story

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to, if it has been clustered."""
        row = self._db.execute(
            "SELECT story_id FROM article_story WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def story_article_ids(self, story_id: str) -> list[str]:
        """Ids of a story's articles (old merged ids resolve)."""
        sid = self.resolve_story(story_id)
        rows = self._db.execute(
            "SELECT article_id FROM article_story WHERE story_id = ? ORDER BY article_id", (sid,)
        )
        return [r[0] for r in rows]

    def story_events(self, story_id: str) -> tuple[str, list[dict[str, Any]]] | None:
        """The coded events of a story and the basis they were coded from, if coded."""
        row = self._db.execute(
            "SELECT basis, rows_json FROM story_events WHERE story_id = ?", (story_id,)
        ).fetchone()
        return None if row is None else (str(row[0]), list(json.loads(row[1])))

    def save_story_events(
        self, story_id: str, basis: str, rows: list[dict[str, Any]], unmark: bool = True
    ) -> None:
        """Replace a story's coded events and, with ``unmark``, mark it checked (if ``basis``
        is still its basis), in one transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT OR REPLACE INTO story_events VALUES (?, ?, ?, ?)",
                (story_id, basis, now, json.dumps(rows, ensure_ascii=False)),
            )
            if unmark:
                self._unmark(story_id, basis)

    def story_comparison(self, story_id: str) -> tuple[str, dict[str, Any]] | None:
        """A story's stored comparison and briefs with the key they were made under, if any."""
        row = self._db.execute(
            "SELECT key, data_json FROM story_comparisons WHERE story_id = ?", (story_id,)
        ).fetchone()
        return None if row is None else (str(row[0]), dict(json.loads(row[1])))

    def save_story_comparison(self, story_id: str, key: str, data: dict[str, Any]) -> None:
        """Replace a story's stored comparison and briefs (made under ``key``)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO story_comparisons VALUES (?, ?, ?, ?)",
                (story_id, key, now, json.dumps(data, ensure_ascii=False)),
            )

    def _unmark(self, story_id: str, basis: str | None) -> None:
        # Inside the caller's transaction: a story whose members or analyses changed while its
        # facts were coded (by another process) stays marked, to be coded again.
        if basis is None or self.story_basis(story_id) == basis:
            self._db.execute("DELETE FROM story_dirty WHERE story_id = ?", (story_id,))

    def story_basis(self, story_id: str) -> str:
        """What a story's derived facts depend on: its members and their analysis versions."""
        rows = self._db.execute(
            "SELECT s.article_id, coalesce(n.version, 0) FROM article_story s "
            "LEFT JOIN analyses n ON n.article_id = s.article_id WHERE s.story_id = ? "
            "ORDER BY s.article_id",
            (story_id,),
        )
        return ",".join(f"{a}:{v}" for a, v in rows)


def _iso(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


def _story_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "label": row["label"],
        "first_day": row["first_day"],
        "last_day": row["last_day"],
        "outlets": json.loads(row["outlets_json"]),
        "articles": row["articles"],
        "sources": row["sources"],
    }

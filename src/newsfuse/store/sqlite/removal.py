"""Deleting articles from SQLite: their rows, and the stories and index rows taken out with them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from newsfuse.models import IndexRemoval
from newsfuse.store.connection import Db
from newsfuse.store.sqlite.index import clustered_seq

_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


def _signed(key: int) -> int:
    # As the index stores them: SQLite integers are signed 64-bit, LSH band keys unsigned.
    return key - (1 << 64) if key >= 1 << 63 else key


class RemovalMixin:
    """Delete articles; mixed into :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db

    def copy_referrers(self, article_ids: Sequence[str]) -> list[str]:
        """Articles whose copy lineage names one of these as what they copy or their original."""
        out: set[str] = set()
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id FROM copy_entries WHERE copy_of IN ({marks}) "
                f"OR original IN ({marks})",
                [*chunk, *chunk],
            )
            out.update(r[0] for r in rows)
        return sorted(out)

    def remove_articles(self, removal: IndexRemoval) -> None:
        """Delete articles and take the stories that held them out, in one transaction.

        The articles' analyses, quotes, entity mentions and story links go with them (foreign
        keys cascade), their full-text rows by trigger. The other articles of the stories taken
        out leave them and wait to be clustered again: the mark up to which every article is in
        a story moves back before the first of them.
        """
        db = self._db
        with db:
            db.execute("BEGIN IMMEDIATE")
            for chunk in _chunks(removal.articles):
                db.execute(
                    f"DELETE FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk
                )
            for chunk in _chunks(removal.articles + removal.unassigned):
                marks = ",".join("?" * len(chunk))
                db.execute(f"DELETE FROM article_story WHERE article_id IN ({marks})", chunk)
                db.execute(f"DELETE FROM copy_entries WHERE article_id IN ({marks})", chunk)
            for chunk in _chunks(removal.stories):
                marks = ",".join("?" * len(chunk))
                for table, column in (
                    ("stories", "id"),
                    ("cluster_stories", "id"),
                    ("story_events", "story_id"),
                    ("story_comparisons", "story_id"),
                    ("story_dirty", "story_id"),
                ):
                    db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)
            db.executemany(
                "DELETE FROM copy_hashes WHERE kind = ? AND hash = ? AND article_id = ?",
                ((kind, _signed(key), aid) for kind, key, aid in removal.hashes),
            )
            _rewrite_index(db, removal)
            _move_clustered_mark(db, removal.unassigned)


def _rewrite_index(db: Db, removal: IndexRemoval) -> None:
    db.executemany(
        "DELETE FROM cluster_df WHERE channel = ? AND term = ?",
        ((c, t) for c, t, df in removal.doc_freq if df <= 0),
    )
    db.executemany(
        "UPDATE cluster_df SET df = ? WHERE channel = ? AND term = ?",
        ((df, c, t) for c, t, df in removal.doc_freq if df > 0),
    )
    db.executemany(
        "DELETE FROM cluster_postings WHERE term = ? AND bucket = ?",
        ((t, b) for t, b, ids in removal.postings if not ids),
    )
    db.executemany(
        "INSERT OR REPLACE INTO cluster_postings VALUES (?, ?, ?)",
        ((t, b, json.dumps(ids, separators=(",", ":"))) for t, b, ids in removal.postings if ids),
    )
    db.executemany("INSERT OR REPLACE INTO cluster_meta VALUES (?, ?)", removal.meta.items())


def _move_clustered_mark(db: Db, unassigned: list[str]) -> None:
    first: int | None = None
    for chunk in _chunks(unassigned):
        marks = ",".join("?" * len(chunk))
        seq = db.execute(f"SELECT min(seq) FROM articles WHERE id IN ({marks})", chunk).fetchone()
        if seq[0] is not None:
            first = seq[0] if first is None else min(first, seq[0])
    if first is not None and first - 1 < clustered_seq(db):
        db.execute("INSERT OR REPLACE INTO cluster_meta VALUES ('clustered_seq', ?)", (first - 1,))

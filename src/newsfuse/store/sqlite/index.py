"""SQLite tables of the story index: read row by row as ingest needs them, written as changed.

Document frequencies (``cluster_df``), postings of salient terms per day bucket
(``cluster_postings``), one state row per story (``cluster_stories``, the compressed JSON of
``StoryState.to_dict``), counters (``cluster_meta``), and the copy index: one row per article
(``copy_entries``: digest, shingles, anchors, order, lineage) and its anchors and LSH band keys
as indexed hash rows (``copy_hashes``). Article -> story is ``article_story`` and merge aliases
are ``story_merges`` (see :mod:`newsfuse.store.sqlite.stories`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsfuse.models import IndexRows
from newsfuse.store.connection import Db

if TYPE_CHECKING:  # numpy is loaded by the story stage that reads copy entries, not listings
    import numpy as np

#: Ids per ``IN (...)`` list: well under SQLite's limit of bound parameters.
_CHUNK = 500
_SIGN = 1 << 63


def _signed(key: int) -> int:
    # SQLite integers are signed 64-bit; LSH band keys are unsigned.
    return key - (1 << 64) if key >= _SIGN else key


def _unsigned(key: int) -> int:
    return key + (1 << 64) if key < 0 else key


def _chunks(items: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _blob(values: np.ndarray) -> bytes:
    return values.astype("<u4", copy=False).tobytes()


class IndexMixin:
    """Read and write the story index; mixed into
    :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db

    def index_meta(self) -> dict[str, int]:
        """Counters of the index: ``n`` documents, ``frozen``, ``copies`` (empty when new)."""
        return {r[0]: int(r[1]) for r in self._db.execute("SELECT name, value FROM cluster_meta")}

    def legacy_index(self) -> dict[str, Any] | None:
        """The story index of a store that saved it as one blob, until it is converted."""
        if not self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'cluster_state'"
        ).fetchone():
            return None
        row = self._db.execute("SELECT data FROM cluster_state WHERE name = 'index'").fetchone()
        return None if row is None else dict(json.loads(zlib.decompress(row[0])))

    def replace_index(self, rows: IndexRows, aliases: Mapping[str, str]) -> None:
        """Replace the whole index with ``rows`` and record ``aliases`` (old story id -> new)
        as merges, in one transaction; a blob saved by an older store goes with it."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            write_index(self._db, rows, replace=True)
            self._db.executemany(
                "INSERT OR IGNORE INTO story_merges VALUES (?, ?, ?)",
                ((old, new, now) for old, new in aliases.items()),
            )
            advance_clustered_seq(self._db, from_start=True)
            self._db.execute("DROP TABLE IF EXISTS cluster_state")

    def index_doc_freq(self, channel: str, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of these terms in one channel (absent terms are left out)."""
        out: dict[str, int] = {}
        for chunk in _chunks(terms):
            rows = self._db.execute(
                f"SELECT term, df FROM cluster_df WHERE channel = ? AND term IN ({_marks(chunk)})",
                [channel, *chunk],
            )
            out.update((str(t), int(n)) for t, n in rows)
        return out

    def index_postings(
        self, terms: Sequence[str], buckets: Sequence[int]
    ) -> dict[tuple[str, int], list[str]]:
        """Story ids per (term, day bucket) for these terms and buckets."""
        out: dict[tuple[str, int], list[str]] = {}
        for chunk in _chunks(terms):
            rows = self._db.execute(
                f"SELECT term, bucket, story_ids FROM cluster_postings WHERE term IN "
                f"({_marks(chunk)}) AND bucket IN ({_marks(buckets)})",
                [*chunk, *buckets],
            )
            out.update(((str(t), int(b)), list(json.loads(ids))) for t, b, ids in rows)
        return out

    def index_latest_postings(self, term: str, count: int) -> dict[int, list[str]]:
        """Story ids of the ``count`` latest day buckets of a term."""
        rows = self._db.execute(
            "SELECT bucket, story_ids FROM cluster_postings WHERE term = ? "
            "ORDER BY bucket DESC LIMIT ?",
            (term, count),
        )
        return {int(b): list(json.loads(ids)) for b, ids in rows}

    def index_stories(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Saved ``StoryState.to_dict`` forms of these stories (unknown ids left out)."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            rows = self._db.execute(
                f"SELECT id, state FROM cluster_stories WHERE id IN ({_marks(chunk)})", chunk
            )
            out.update((str(i), dict(json.loads(zlib.decompress(s)))) for i, s in rows)
        return out

    def index_story_ids(self) -> list[str]:
        """Ids of every story in the index."""
        return [r[0] for r in self._db.execute("SELECT id FROM cluster_stories ORDER BY id")]

    def index_aliases(self, ids: Sequence[str]) -> dict[str, str]:
        """The story each of these merged stories went into (ids never merged left out)."""
        out: dict[str, str] = {}
        for chunk in _chunks(ids):
            rows = self._db.execute(
                f"SELECT old_id, new_id FROM story_merges WHERE old_id IN ({_marks(chunk)})",
                chunk,
            )
            out.update((str(o), str(n)) for o, n in rows)
        return out

    def index_articles(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The story of each of these articles, if clustered."""
        out: dict[str, str] = {}
        for chunk in _chunks(article_ids):
            rows = self._db.execute(
                f"SELECT article_id, story_id FROM article_story WHERE article_id IN "
                f"({_marks(chunk)})",
                chunk,
            )
            out.update((str(a), str(s)) for a, s in rows)
        return out

    def copy_entries(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Copy-index rows of these articles (see ``newsfuse.stories.copies.state.entry_row``)."""
        out: list[dict[str, Any]] = []
        for chunk in _chunks(article_ids):
            rows = self._db.execute(
                f"SELECT * FROM copy_entries WHERE article_id IN ({_marks(chunk)})", chunk
            )
            out.extend(_entry(r) for r in rows)
        return out

    def copy_by_digest(self, digest: int) -> str | None:
        """The first indexed article whose normalised text has this digest."""
        row = self._db.execute(
            "SELECT article_id FROM copy_entries WHERE digest = ? ORDER BY pos LIMIT 1", (digest,)
        ).fetchone()
        return None if row is None else str(row[0])

    def copy_hashes(self, kind: int, keys: Sequence[int]) -> list[tuple[int, str]]:
        """``(hash, article id)`` rows of one kind (anchor or band) for these hashes."""
        out: list[tuple[int, str]] = []
        for chunk in _chunks([_signed(k) for k in keys]):
            rows = self._db.execute(
                f"SELECT hash, article_id FROM copy_hashes WHERE kind = ? AND hash IN "
                f"({_marks(chunk)})",
                [kind, *chunk],
            )
            out.extend((_unsigned(int(h)), str(a)) for h, a in rows)
        return out

    def copy_family(self, original: str) -> list[str]:
        """Articles whose original is ``original`` (itself included)."""
        rows = self._db.execute(
            "SELECT article_id FROM copy_entries WHERE original = ? ORDER BY pos", (original,)
        )
        return [r[0] for r in rows]


def _entry(row: Any) -> dict[str, Any]:
    import numpy as np

    return {
        "id": row["article_id"],
        "pos": row["pos"],
        "order": row["published"],
        "digest": row["digest"],
        "shingles": np.frombuffer(row["shingles"], dtype="<u4").astype(np.uint32),
        "anchors": np.frombuffer(row["anchors"], dtype="<u4").astype(np.uint32),
        "lineage": {
            "article_id": row["article_id"],
            "copy_of": row["copy_of"],
            "reuse": row["reuse"],
            "kind": row["kind"],
            "original": row["original"],
            "credit": row["credit"],
        },
    }


_TABLES = (
    "cluster_meta",
    "cluster_df",
    "cluster_postings",
    "cluster_stories",
    "copy_entries",
    "copy_hashes",
)


def write_index(db: Db, rows: IndexRows, replace: bool = False) -> None:
    """Write index rows inside the caller's transaction; ``replace`` empties the tables first."""
    if replace:
        for table in _TABLES:
            db.execute(f"DELETE FROM {table}")
    db.executemany("INSERT OR REPLACE INTO cluster_meta VALUES (?, ?)", rows.meta.items())
    db.executemany("INSERT OR REPLACE INTO cluster_df VALUES (?, ?, ?)", rows.doc_freq)
    db.executemany(
        "INSERT OR REPLACE INTO cluster_postings VALUES (?, ?, ?)",
        ((t, b, json.dumps(ids, separators=(",", ":"))) for t, b, ids in rows.postings),
    )
    db.executemany("DELETE FROM cluster_stories WHERE id = ?", ((sid,) for sid in rows.dropped))
    db.executemany(
        "INSERT OR REPLACE INTO cluster_stories VALUES (?, ?)",
        (
            (s["id"], zlib.compress(json.dumps(s, separators=(",", ":")).encode(), 3))
            for s in rows.stories
        ),
    )
    db.executemany(
        "INSERT OR REPLACE INTO copy_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                e["id"],
                e["pos"],
                e["order"],
                e["digest"],
                _blob(e["shingles"]),
                _blob(e["anchors"]),
                e["lineage"]["copy_of"],
                e["lineage"]["reuse"],
                e["lineage"]["kind"],
                e["lineage"]["original"],
                e["lineage"]["credit"],
            )
            for e in rows.copies
        ),
    )
    db.executemany(
        "INSERT OR IGNORE INTO copy_hashes VALUES (?, ?, ?)",
        ((kind, _signed(key), aid) for kind, key, aid in rows.hashes),
    )


def clustered_seq(db: Db) -> int:
    """The ingest position up to which every article is in a story (0 if none)."""
    row = db.execute("SELECT value FROM cluster_meta WHERE name = 'clustered_seq'").fetchone()
    return 0 if row is None else int(row[0])


def advance_clustered_seq(db: Db, from_start: bool = False) -> None:
    """Move the mark of :func:`clustered_seq` past the articles now in stories.

    Only articles after the old mark are looked at (all of them with ``from_start``), so a run
    pays for its own articles, not for the whole store.
    """
    mark = 0 if from_start else clustered_seq(db)
    first = db.execute(
        "SELECT min(a.seq) FROM articles a LEFT JOIN article_story s ON s.article_id = a.id "
        "WHERE a.seq > ? AND s.article_id IS NULL",
        (mark,),
    ).fetchone()[0]
    if first is None:
        first = 1 + (db.execute("SELECT max(seq) FROM articles").fetchone()[0] or 0)
    db.execute("INSERT OR REPLACE INTO cluster_meta VALUES ('clustered_seq', ?)", (first - 1,))


def index_from_blob(db: Db) -> None:
    """Migration: prepare a store whose story index was saved as one blob (``cluster_state``).

    Its articles are all in stories already. Rebuilding the index rows from the blob takes the
    story stage's code, which the store does not import: the blob is kept until the next
    clustering run converts it (:meth:`IndexMixin.replace_index`), and an empty one goes now.
    """
    advance_clustered_seq(db, from_start=True)
    if db.execute("SELECT 1 FROM cluster_state WHERE name = 'index'").fetchone() is None:
        db.execute("DROP TABLE cluster_state")

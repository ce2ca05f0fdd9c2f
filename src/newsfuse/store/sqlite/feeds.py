"""SQLite tables of live sources: followed feeds, the last fetch of every URL, revisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, fields
from datetime import UTC, datetime

from newsfuse.models import Feed, FetchRecord
from newsfuse.store.connection import Db

_FETCH_COLUMNS = tuple(f.name for f in fields(FetchRecord) if f.name != "previous_id")


class FeedsMixin:
    """Feeds, fetch state and revisions; mixed into
    :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db

    def add_feed(self, url: str, outlet: str | None = None) -> Feed:
        """Follow a feed (once per URL); a new ``outlet`` replaces the one recorded."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.execute(
            "INSERT INTO feeds (url, outlet, added_at) VALUES (?, ?, ?) ON CONFLICT(url) "
            "DO UPDATE SET outlet = coalesce(excluded.outlet, feeds.outlet)",
            (url, outlet, now),
        )
        return self.feeds([url])[0]

    def feeds(self, urls: Sequence[str] | None = None) -> list[Feed]:
        """The followed feeds (or those of ``urls``), in the order they were added."""
        rows = self._db.execute("SELECT * FROM feeds ORDER BY added_at, url").fetchall()
        keep = None if urls is None else set(urls)
        return [
            Feed(**{f.name: r[f.name] for f in fields(Feed)})
            for r in rows
            if keep is None or r["url"] in keep
        ]

    def remove_feed(self, url: str) -> bool:
        """Stop following a feed; False when it was not followed. Its articles stay."""
        return self._db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount == 1

    def feed_polled(self, feed: Feed) -> None:
        """Record how a poll of ``feed`` went (status, validators, entries, when)."""
        self._db.execute(
            "UPDATE feeds SET polled_at = ?, etag = ?, last_modified = ?, status = ?, "
            "message = ?, entries = ? WHERE url = ?",
            (
                feed.polled_at,
                feed.etag,
                feed.last_modified,
                feed.status,
                feed.message,
                feed.entries,
                feed.url,
            ),
        )

    def fetch_state(self, url: str) -> FetchRecord | None:
        """The last fetch of ``url`` (its normalised form), or None if never fetched."""
        row = self._db.execute("SELECT * FROM fetches WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        return FetchRecord(**{c: row[c] for c in _FETCH_COLUMNS})

    def record_fetch(self, record: FetchRecord) -> None:
        """Store the last fetch of a URL and, for a revision, its link to the text it
        replaces, in one transaction."""
        values = dict(zip((f.name for f in fields(FetchRecord)), astuple(record), strict=True))
        values.pop("previous_id")
        cols = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(f"INSERT OR REPLACE INTO fetches ({cols}) VALUES ({marks})", values)
            if record.previous_id and record.article_id:
                self._db.execute(
                    "INSERT OR IGNORE INTO revisions VALUES (?, ?, ?, ?)",
                    (record.article_id, record.previous_id, record.url, record.fetched_at),
                )

    def revisions(self, article_ids: Sequence[str]) -> dict[str, str]:
        """For those of ``article_ids`` that revise an earlier text: article -> previous."""
        ids = list(article_ids)
        out: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._db.execute(
                "SELECT article_id, previous_id FROM revisions "
                f"WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update({r[0]: r[1] for r in rows})
        return out

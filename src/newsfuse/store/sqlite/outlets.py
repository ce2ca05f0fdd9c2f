"""SQLite tables of outlets (name, country, language, kind) and the domains that name them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from newsfuse.errors import ConfigError
from newsfuse.models import Outlet
from newsfuse.outlets import seed_outlets
from newsfuse.store.connection import Db

_CHUNK = 500


def outlet_tables(db: Db) -> None:
    """Migration: the outlet tables, seeded with the outlets shipped in ``data/outlets.json``.

    Seeding is part of the migration, so it happens once per store: outlets the user removes
    later stay removed. Outlets added to the shipped list later come with a migration of
    their own.
    """
    db.execute(
        "CREATE TABLE outlets (name TEXT PRIMARY KEY COLLATE NOCASE, country TEXT, "
        "language TEXT, kind TEXT NOT NULL, added_at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE outlet_domains (domain TEXT PRIMARY KEY, outlet TEXT NOT NULL "
        "COLLATE NOCASE REFERENCES outlets(name) ON DELETE CASCADE)"
    )
    db.execute("CREATE INDEX outlet_domains_outlet ON outlet_domains(outlet)")
    _insert(db, seed_outlets())


def _insert(db: Db, outlets: Sequence[Outlet]) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for o in outlets:
        db.execute(
            "INSERT INTO outlets (name, country, language, kind, added_at) VALUES (?,?,?,?,?)",
            (o.name, o.country, o.language, o.kind, now),
        )
        db.executemany(
            "INSERT INTO outlet_domains (domain, outlet) VALUES (?, ?)",
            [(d, o.name) for d in o.domains],
        )


class OutletsMixin:
    """Outlet records; mixed into :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db

    def outlet_records(self) -> list[Outlet]:
        """Every outlet of the store with its domains, by name."""
        domains: dict[str, list[str]] = {}
        for outlet, domain in self._db.execute(
            "SELECT outlet, domain FROM outlet_domains ORDER BY domain"
        ):
            domains.setdefault(outlet.casefold(), []).append(domain)
        rows = self._db.execute("SELECT * FROM outlets ORDER BY name COLLATE NOCASE")
        return [
            Outlet(
                r["name"],
                tuple(domains.get(r["name"].casefold(), ())),
                r["country"],
                r["language"],
                r["kind"],
            )
            for r in rows
        ]

    def add_outlets(self, outlets: Sequence[Outlet], replace: bool = False) -> None:
        """Add outlets in one transaction: all of them, or none when one clashes.

        Raises:
            ConfigError: an outlet of the same name exists (and not ``replace``), or a domain
                belongs to another outlet.
        """
        db = self._db
        with db:
            db.execute("BEGIN IMMEDIATE")
            for o in outlets:
                if db.execute("SELECT 1 FROM outlets WHERE name = ?", (o.name,)).fetchone():
                    if not replace:
                        raise ConfigError(
                            f"outlet {o.name!r} exists; remove it first or replace it "
                            "('newsfuse outlets add --replace')"
                        )
                    db.execute("DELETE FROM outlets WHERE name = ?", (o.name,))
                for d in o.domains:
                    owner = db.execute(
                        "SELECT outlet FROM outlet_domains WHERE domain = ?", (d,)
                    ).fetchone()
                    if owner is not None:
                        raise ConfigError(
                            f"domain {d!r} of {o.name!r} belongs to outlet {owner[0]!r}; "
                            "remove it from that outlet first"
                        )
                _insert(db, [o])

    def remove_outlet(self, name: str) -> bool:
        """Remove an outlet (compared without case) and its domains; False if there is none.

        Articles keep the outlet name they carry.
        """
        with self._db:
            cur = self._db.execute("DELETE FROM outlets WHERE name = ?", (name,))
        return cur.rowcount > 0

    def coverage_rows(self, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Each story's members as the coverage strip needs them: id, outlet, url,
        published, copy_of (stories without members are left out)."""
        out: dict[str, list[dict[str, Any]]] = {}
        ids = list(story_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = self._db.execute(
                "SELECT s.story_id, a.id, a.outlet, a.url, a.published, s.copy_of "
                "FROM article_story s JOIN articles a ON a.id = s.article_id "
                f"WHERE s.story_id IN ({','.join('?' * len(chunk))}) ORDER BY a.seq",
                chunk,
            )
            for r in rows:
                out.setdefault(r["story_id"], []).append(
                    {k: r[k] for k in ("id", "outlet", "url", "published", "copy_of")}
                )
        return out

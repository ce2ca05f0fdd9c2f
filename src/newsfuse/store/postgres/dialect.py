"""SQLite's forms of the shared SQL in PostgreSQL's: placeholders, upserts, functions.

The queries both stores share (:mod:`newsfuse.store.connection`) are written once, with
``?`` and ``:name`` placeholders, ``INSERT OR IGNORE`` and ``INSERT OR REPLACE``. PostgreSQL
spells these ``%s``, ``%(name)s`` and ``INSERT ... ON CONFLICT``; an upsert there names the
key it replaces on, listed here per table (SQLite replaces on any unique key).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: The key each table's ``INSERT OR REPLACE`` replaces rows by (its primary key, but for
#: ``rejects``, whose primary key is the ingest position).
UPSERT_KEYS: Mapping[str, tuple[str, ...]] = {
    "rejects": ("key",),
    "analyses": ("article_id",),
    "analysis_failures": ("article_id",),
    "entity_mentions": ("article_id", "entity_id"),
    "stories": ("id",),
    "story_merges": ("old_id",),
    "article_story": ("article_id",),
    "story_events": ("story_id",),
    "story_dirty": ("story_id",),
    "cluster_meta": ("name",),
    "cluster_df": ("channel", "term"),
    "cluster_postings": ("term", "bucket"),
    "cluster_stories": ("id",),
    "copy_entries": ("article_id",),
    "fetches": ("url",),
    "story_comparisons": ("story_id",),
}

_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_REPLACE = re.compile(
    r"^\s*INSERT OR REPLACE INTO\s+(\w+)\s*(?:\(([^)]*)\))?", re.IGNORECASE | re.DOTALL
)
# A ':name' placeholder; not the '::' of a cast, nor a ':' inside a word or a quoted string.
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_QUOTED_OR_MARK = re.compile(r"'(?:[^']|'')*'|\?")


def translate(sql: str, columns: Mapping[str, Sequence[str]], params: bool = True) -> str:
    """The PostgreSQL form of one shared statement.

    Args:
        sql: The statement as the shared code writes it.
        columns: Each table's columns in order (for an upsert that lists none).
        params: Whether parameters are bound (then ``%`` is escaped and placeholders change).

    Raises:
        ValueError: for ``INSERT OR REPLACE`` into a table without a known key.
    """
    out = sql.strip().rstrip(";")
    suffix = ""
    if _IGNORE.match(out):
        out = _IGNORE.sub("INSERT INTO", out, count=1)
        suffix = " ON CONFLICT DO NOTHING"
    elif m := _REPLACE.match(out):
        table = m.group(1)
        if table not in UPSERT_KEYS:
            raise ValueError(f"no upsert key for table {table!r}")
        key = UPSERT_KEYS[table]
        listed = [c.strip() for c in m.group(2).split(",")] if m.group(2) else columns[table]
        rest = [c for c in listed if c not in key]
        action = (
            "DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            if rest
            else "DO NOTHING"
        )
        out = "INSERT INTO" + out[len(out) - len(out.lstrip()) + len("INSERT OR REPLACE INTO") :]
        suffix = f" ON CONFLICT ({', '.join(key)}) {action}"
    out = re.sub(r"\binstr\(", "strpos(", out)
    if params:
        out = out.replace("%", "%%")
        out = _QUOTED_OR_MARK.sub(lambda q: "%s" if q.group(0) == "?" else q.group(0), out)
        out = _NAMED.sub(r"%(\1)s", out)
    return out + suffix

"""Ids given as unique prefixes: one lookup for articles and stories, and its error messages."""

from __future__ import annotations

import sqlite3

from newsfuse.errors import NotFound

#: Candidates an ambiguous prefix lists: enough to pick from, short enough to read.
MAX_CANDIDATES = 10


def by_prefix(db: sqlite3.Connection, table: str, prefix: str, order: str = "id") -> str:
    """The one id of ``table`` that is ``prefix`` or starts with it.

    Args:
        db: The connection.
        table: ``articles`` or ``stories`` (a fixed name, never user input).
        prefix: What the user typed.
        order: Column the candidates of an ambiguous prefix are listed by.

    Raises:
        NotFound: when no id or several ids start with ``prefix``; several are listed.
    """
    kind = table.rstrip("s")
    if prefix and db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (prefix,)).fetchone():
        return prefix
    rows = db.execute(
        f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' ORDER BY {order} LIMIT ?",
        (_escape_like(prefix) + "%", MAX_CANDIDATES + 1),
    ).fetchall()
    if prefix and len(rows) == 1:
        return str(rows[0][0])
    listing = f"'newsfuse {table}'"
    if not rows or not prefix:
        raise NotFound(f"id {prefix!r} matches no {kind}; list ids with {listing}")
    shown = ", ".join(str(r[0]) for r in rows[:MAX_CANDIDATES])
    more = f" and more (first {MAX_CANDIDATES} shown)" if len(rows) > MAX_CANDIDATES else ""
    raise NotFound(
        f"id {prefix!r} matches several {table}: {shown}{more}; "
        "give more characters of the one you mean"
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

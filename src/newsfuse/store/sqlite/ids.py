"""Ids given as unique prefixes: one lookup for articles and stories, and its error messages."""

from __future__ import annotations

from newsfuse.errors import NotFound
from newsfuse.store.base import MAX_ID_LENGTH
from newsfuse.store.connection import Db

#: Candidates an ambiguous prefix lists: enough to pick from, short enough to read.
MAX_CANDIDATES = 10
#: Above every character an id can hold: ``prefix + _TOP`` bounds the ids starting with it.
_TOP = "\U0010ffff"


def by_prefix(db: Db, table: str, prefix: str, order: str = "id") -> str:
    """The one id of ``table`` that is ``prefix`` or starts with it.

    The prefix is matched as it is, case and all: ``%`` and ``_`` are characters, not
    wildcards (a range of the id index, not ``LIKE``).

    Args:
        db: The connection.
        table: ``articles`` or ``stories`` (a fixed name, never user input).
        prefix: What the user typed.
        order: Column the candidates of an ambiguous prefix are listed by.

    Raises:
        NotFound: when no id or several ids start with ``prefix``, or it is longer than
            :data:`~newsfuse.store.base.MAX_ID_LENGTH`; several are listed.
    """
    kind = table.rstrip("s")
    listing = f"'newsfuse {table}'"
    if len(prefix) > MAX_ID_LENGTH:
        raise NotFound(
            f"id {shown_id(prefix)} is {len(prefix):,} characters long and matches no {kind}: "
            f"ids are at most {MAX_ID_LENGTH}; list ids with {listing}"
        )
    if not prefix:
        raise NotFound(f"an empty id matches no {kind}; list ids with {listing}")
    if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (prefix,)).fetchone():
        return prefix
    rows = db.execute(
        f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY {order} LIMIT ?",
        (prefix, prefix + _TOP, MAX_CANDIDATES + 1),
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise NotFound(f"id {shown_id(prefix)} matches no {kind}; list ids with {listing}")
    shown = ", ".join(str(r[0]) for r in rows[:MAX_CANDIDATES])
    more = f" and more (first {MAX_CANDIDATES} shown)" if len(rows) > MAX_CANDIDATES else ""
    raise NotFound(
        f"id {shown_id(prefix)} matches several {table}: {shown}{more}; "
        "give more characters of the one you mean"
    )


def shown_id(text: str, limit: int = 40) -> str:
    """An id as an error message quotes it: ``repr`` (control characters escaped), cut short."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

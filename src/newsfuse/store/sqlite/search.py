"""SQLite queries behind the web pages: full-text search, filtered stories, an entity's articles."""

from __future__ import annotations

import json
import re
from typing import Any

from newsfuse.store.connection import Db

#: Most words of a search query that are used; the rest are ignored (a query is a few words,
#: and every word adds an FTS5 term to match).
MAX_QUERY_TERMS = 16
#: Words of context around the matches in a search snippet.
SNIPPET_WORDS = 16

_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\w+)')
_WORD = re.compile(r"\w+")
# FTS5 snippet markers: control characters that cannot occur in cleaned article text.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def fts_query(text: str) -> str | None:
    """Turn what a user typed into an FTS5 query that can never be a syntax error.

    Words are matched as words (all of them, in any order); text in double quotes is matched
    as a phrase. Everything but word characters is dropped, and every term is quoted, so
    FTS5 operators typed by a user (``AND``, ``NEAR``, ``*``, ``:``, ``^``) are plain words.

    Returns:
        The FTS5 query, or None when the text has no words.
    """
    terms: list[str] = []
    for phrase, word in _PHRASE_OR_WORD.findall(text):
        words = _WORD.findall(phrase) if phrase else [word]
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms[:MAX_QUERY_TERMS]) or None


def snippet_segments(snippet: str) -> list[dict[str, Any]]:
    """A marked FTS5 snippet as ``[{"text": str, "match": bool}]``, for escaping on output."""
    segments: list[dict[str, Any]] = []
    for i, part in enumerate(re.split(f"[{MARK_OPEN}{MARK_CLOSE}]", snippet)):
        if part:
            segments.append({"text": part, "match": i % 2 == 1})
    return segments


class SearchMixin:
    """Read queries for the web; mixed into :class:`newsfuse.store.sqlite.store.SqliteStore`."""

    _db: Db
    #: The ``seq`` of the articles that match a full-text query (bound as one parameter, the
    #: output of :func:`fts_query`): the one part of the stories filter each dialect words
    #: its own way, with the test that a story's outlets list holds a name.
    _MATCHING_SEQS = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
    _HAS_OUTLET = "EXISTS (SELECT 1 FROM json_each(stories.outlets_json) WHERE value = ?)"

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose headline or body match ``query``, best first (headline counts 5x).

        Each hit has the article's id, headline, outlet, published date, story id, and a
        snippet of ``{"text", "match"}`` segments around the matching words.
        """
        match = fts_query(query)
        if match is None:
            return []
        return [
            {
                "id": r["id"],
                "headline": r["headline"],
                "outlet": r["outlet"],
                "published": r["published"],
                "story_id": r["story_id"],
                "snippet": snippet_segments(r["snip"] or ""),
            }
            for r in self._search_rows(match, limit, offset)
        ]

    def _search_rows(self, match: str, limit: int, offset: int) -> Any:
        """Rows of the hits of an FTS5 query (:func:`fts_query`), best first, each with its
        marked snippet (``snip``): the dialect's part of :meth:`search`."""
        # The page of hits is ranked on the index alone, then joined: joining every match
        # before ranking took 0.2-0.3 s for a word in 12,000 of 100,000 articles (70 ms now).
        return self._db.execute(
            "WITH hits AS (SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS score "
            "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) "
            "SELECT a.id, a.headline, a.outlet, a.published, s.story_id, "
            f"snippet(articles_fts, -1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_WORDS}) "
            "AS snip "
            "FROM hits h JOIN articles_fts f ON f.rowid = h.rowid "
            "JOIN articles a ON a.seq = h.rowid "
            "LEFT JOIN article_story s ON s.article_id = a.id "
            "WHERE articles_fts MATCH ? ORDER BY h.score, h.rowid",
            (match, limit, offset, match),
        )

    def find_stories(
        self,
        query: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stories, newest first, narrowed by any of the filters.

        Args:
            query: Words one of the story's articles must contain (see :func:`fts_query`).
            since: ISO date; stories whose last day is on or after it.
            until: ISO date; stories whose first day is on or before it.
            outlet: An outlet that must have reported the story (exact name).
            entity: An entity id one of the story's articles must name.
            limit: At most this many stories.
            offset: Skip this many first.
        """
        sql = "SELECT * FROM stories WHERE 1=1"
        args: list[Any] = []
        if query is not None:
            match = fts_query(query)
            if match is None:
                return []
            sql += (
                " AND id IN (SELECT s.story_id FROM articles a "
                "JOIN article_story s ON s.article_id = a.id "
                f"WHERE a.seq IN ({self._MATCHING_SEQS}))"
            )
            args.append(match)
        if since is not None:
            sql += " AND last_day >= ?"
            args.append(since)
        if until is not None:
            sql += " AND first_day <= ?"
            args.append(until)
        if outlet is not None:
            sql += f" AND {self._HAS_OUTLET}"
            args.append(outlet)
        if entity is not None:
            sql += (
                " AND id IN (SELECT s.story_id FROM entity_mentions m "
                "JOIN article_story s ON s.article_id = m.article_id WHERE m.entity_id = ?)"
            )
            args.append(entity)
        sql += " ORDER BY last_day IS NULL, last_day DESC, articles DESC, id LIMIT ? OFFSET ?"
        rows = self._db.execute(sql, [*args, limit, offset])
        return [
            {
                "id": r["id"],
                "label": r["label"],
                "first_day": r["first_day"],
                "last_day": r["last_day"],
                "outlets": json.loads(r["outlets_json"]),
                "articles": r["articles"],
                "sources": r["sources"],
            }
            for r in rows
        ]

    def outlets(self) -> list[str]:
        """Every outlet name that has an article, alphabetically.

        One index seek per outlet (a loose index scan over ``articles(outlet)``: the next
        name after the last one found), not a read of every article's entry as ``SELECT
        DISTINCT`` does: a story list shows this on every page, and a store holds far fewer
        outlets than articles (8 against 100,000 in the bench store: 0.03 ms, against 6 ms warm
        and 50 ms cold).
        """
        rows = self._db.execute(
            "WITH RECURSIVE o(name) AS (SELECT min(outlet) FROM articles UNION ALL "
            "SELECT (SELECT min(outlet) FROM articles WHERE outlet > o.name) FROM o "
            "WHERE o.name IS NOT NULL) SELECT name FROM o WHERE name IS NOT NULL"
        )
        return [r[0] for r in rows]

    def entity_articles(self, entity_id: str, limit: int = 200) -> list[dict[str, Any]]:
        """The articles that name an entity, newest first, with the name each one uses."""
        rows = self._db.execute(
            "SELECT m.article_id, m.name, m.type, m.mentions, a.headline, a.outlet, "
            "a.published, s.story_id, st.label AS story_label "
            "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
            "LEFT JOIN article_story s ON s.article_id = m.article_id "
            "LEFT JOIN stories st ON st.id = s.story_id "
            "WHERE m.entity_id = ? ORDER BY a.published IS NULL, a.published DESC, a.seq "
            "LIMIT ?",
            (entity_id, limit),
        )
        return [dict(r) for r in rows]

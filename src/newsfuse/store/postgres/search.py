"""Full-text search on PostgreSQL: ``websearch_to_tsquery`` over the ``articles_fts`` vectors.

The query text is first made what SQLite's search makes of it (:func:`fts_query`: words,
and phrases in double quotes, every one of them required, no operators), so that both
back-ends find the same articles. The order differs a little: ``ts_rank`` (headline words
weigh 5 times body words, as in SQLite's ``bm25(5, 1)``) counts matches without bm25's
account of how rare a word is in the whole store, and the snippet is ``ts_headline``'s
choice of passage.
"""

from __future__ import annotations

from typing import Any

from newsfuse.store.sqlite.search import (
    MARK_CLOSE,
    MARK_OPEN,
    SNIPPET_WORDS,
    SearchMixin,
)

#: Weights of the D, C, B (body) and A (headline) labels in ``ts_rank``.
_WEIGHTS = "{0, 0, 0.2, 1.0}"
_HEADLINE_OPTIONS = (
    f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords=5, "
    "ShortWord=0, FragmentDelimiter=…, MaxFragments=1"
)


class PgSearchMixin(SearchMixin):
    """The web's read queries on PostgreSQL: SQLite's, with the text search swapped."""

    _MATCHING_SEQS = "SELECT seq FROM articles_fts WHERE doc @@ websearch_to_tsquery('newsfuse', ?)"
    _HAS_OUTLET = "CAST(stories.outlets_json AS jsonb) @> jsonb_build_array(CAST(? AS text))"

    def _search_rows(self, match: str, limit: int, offset: int) -> Any:
        """Rows of the hits of a query, best first (``ts_rank``, headline 5x), each with its
        snippet marked by ``ts_headline``."""
        return self._db.execute(
            "WITH q AS (SELECT websearch_to_tsquery('newsfuse', ?) AS q), "
            "hits AS (SELECT f.seq, ts_rank(CAST(? AS real[]), f.doc, q.q) AS rank "
            "FROM articles_fts f, q WHERE f.doc @@ q.q "
            "ORDER BY rank DESC, f.seq LIMIT ? OFFSET ?) "
            "SELECT a.id, a.headline, a.outlet, a.published, s.story_id, "
            "ts_headline('newsfuse', coalesce(a.headline, '') || E'\\n' || "
            "coalesce(newsfuse_body_text(a.body_json), ''), q.q, ?) AS snip "
            "FROM hits h JOIN articles a ON a.seq = h.seq CROSS JOIN q "
            "LEFT JOIN article_story s ON s.article_id = a.id ORDER BY h.rank DESC, h.seq",
            (match, _WEIGHTS, limit, offset, _HEADLINE_OPTIONS),
        )

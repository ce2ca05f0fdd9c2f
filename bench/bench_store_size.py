"""Store size per article: the SQLite file, each table with its indexes, the full-text index.

Usage: python bench/bench_store_size.py [--n 772] [--db STORE]

Ingests the first N ECB+ texts of ``shared/data/stories/docs.jsonl`` (repeated with a
numbered sentence past its 772) into a fresh SQLite store, one process, full ingest (clean,
stories, analysis, events), or measures the store ``--db`` names. Prints the bytes of each
part (SQLite's ``dbstat``: pages in use, a table counted with its indexes) per article, and
the reports' own text per article for scale.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

from bench_ingest_parse import _texts, _write

from newsfuse.models import Hints
from newsfuse.pipeline import ingest_paths
from newsfuse.settings import load_settings
from newsfuse.store import open_store

#: Parts of the store, by table name prefix (first match wins).
_PARTS = (
    ("full-text index (FTS5)", "articles_fts"),
    ("articles (text, metadata)", "articles"),
    ("analyses (entities, quotes, dates)", "analyses"),
    ("quotes, entity mentions", "quotes"),
    ("quotes, entity mentions", "entity_mentions"),
    ("story index (clustering, copies)", "cluster_"),
    ("story index (clustering, copies)", "copy_"),
    ("stories, events", "stor"),
    ("stories, events", "article_story"),
)


def _build(n: int, tmp: Path) -> Path:
    path, db = tmp / "docs.jsonl", tmp / "size.db"
    _write(_texts(n), path)
    store = open_store(str(db), create=True)
    ingest_paths([str(path)], Hints(), store, load_settings(env={}))
    store.close()
    return db


def _sizes(db: Path) -> tuple[int, int, Counter[str]]:
    """Articles, characters of their bodies, and bytes in use per part."""
    con = sqlite3.connect(db)
    con.execute("VACUUM")  # pages freed by the run's rewrites are not the store's size
    tables = dict(con.execute("SELECT name, tbl_name FROM sqlite_master"))
    parts: Counter[str] = Counter()
    for name, size in con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        table = tables.get(name, name)
        part = next((label for label, prefix in _PARTS if table.startswith(prefix)), "other")
        parts[part] += size
    (articles,) = con.execute("SELECT count(*) FROM articles").fetchone()
    (chars,) = con.execute("SELECT sum(length(body)) FROM articles_fts").fetchone()
    con.close()
    return articles, chars or 0, parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=772)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        db = args.db or _build(args.n, Path(d))
        articles, chars, parts = _sizes(db)
        total = db.stat().st_size
    print(f"articles: {articles}; body text {chars / articles:,.0f} characters per article")
    print(f"SQLite file after VACUUM: {total / articles:,.0f} bytes per article ({total:,} bytes)")
    for part, size in parts.most_common():
        print(f"  {part}: {size / articles:,.0f} bytes per article ({size / total:.0%})")


if __name__ == "__main__":
    main()

"""Articles to and from flat rows: the one mapping every back-end shares."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from newsfuse.models import Article, Block, ChromeLine, Metadata, Origin

META_COLUMNS: tuple[str, ...] = tuple(Metadata.__dataclass_fields__)


def article_row(article: Article) -> dict[str, Any]:
    """The columns of the ``articles`` table for one article."""
    row: dict[str, Any] = {
        "id": article.id,
        "content_key": article.content_key,
        "origin_path": article.origin.path,
        "origin_line": article.origin.line,
        "origin_record_id": article.origin.record_id,
        "format": article.format,
        "body_json": json.dumps([asdict(b) for b in article.body], ensure_ascii=False),
        "captions_json": json.dumps(list(article.captions), ensure_ascii=False),
        "chrome_json": json.dumps([asdict(c) for c in article.chrome], ensure_ascii=False),
        "extra_json": json.dumps(article.extra, ensure_ascii=False, default=str),
        "encoding_confidence": article.encoding_confidence,
    }
    row.update(asdict(article.meta))
    return row


def article_from_row(row: Any) -> Article:
    """Rebuild an article from a row mapping (sqlite3.Row or dict)."""
    return Article(
        id=row["id"],
        content_key=row["content_key"],
        origin=Origin(row["origin_path"], row["origin_line"], row["origin_record_id"]),
        format=row["format"],
        meta=Metadata(**{c: row[c] for c in META_COLUMNS}),
        body=tuple(Block(**b) for b in json.loads(row["body_json"])),
        captions=tuple(json.loads(row["captions_json"])),
        chrome=tuple(ChromeLine(**c) for c in json.loads(row["chrome_json"])),
        extra=json.loads(row["extra_json"]),
        encoding_confidence=row["encoding_confidence"],
    )

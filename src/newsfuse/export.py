"""Export records: one JSON object per line, each with a ``type`` (see docs/export.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from newsfuse.models import Article
from newsfuse.store.base import Store

#: Bumped when a field changes meaning or disappears; adding fields does not bump it.
SCHEMA_VERSION = 1


def article_record(article: Article) -> dict[str, Any]:
    """The export form of one article (``type: "article"``)."""
    meta = article.meta
    return {
        "type": "article",
        "schema": SCHEMA_VERSION,
        "id": article.id,
        "origin": asdict(article.origin),
        "format": article.format,
        "headline": meta.headline,
        "byline": meta.byline,
        "outlet": meta.outlet,
        "credit": meta.credit,
        "section": meta.section,
        "published": meta.published,
        "published_source": meta.published_source,
        "language": meta.language,
        "url": meta.url,
        "canonical_url": meta.canonical_url,
        "body": [{"text": b.text, "heading": b.kind == "heading"} for b in article.body],
        "captions": list(article.captions),
        "extra": article.extra,
    }


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every exportable record in the store, articles first."""
    for article in store.iter_articles():
        yield article_record(article)

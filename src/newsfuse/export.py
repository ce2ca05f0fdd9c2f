"""Export records: one JSON object per line, each with a ``type`` (see docs/export.md)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from newsfuse.brief.render import to_json as brief_json
from newsfuse.models import Article, MigrateSummary, StoryInput
from newsfuse.pipeline.comparisons import compared
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.store.stories import load_story
from newsfuse.store.transfer import copy_store
from newsfuse.views import comparison_rows, story_entity_rows, story_event_rows, story_quote_rows

_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Bumped when a field changes meaning or disappears; adding fields does not bump it.
SCHEMA_VERSION = 1


def json_line(rec: dict[str, Any]) -> str:
    """One record as a line of strict JSON: a float that is not a number (NaN, Infinity),
    which JSON cannot hold, is written as null; lone surrogates as U+FFFD."""
    text = json.dumps(_finite(rec), ensure_ascii=False, allow_nan=False, default=str)
    return _SURROGATE.sub("\ufffd", text) + "\n"


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def article_record(article: Article, story_id: str | None = None) -> dict[str, Any]:
    """The export form of one article (``type: "article"``)."""
    meta = article.meta
    return {
        "type": "article",
        "schema": SCHEMA_VERSION,
        "id": article.id,
        "story_id": story_id,
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
        "encoding_confidence": article.encoding_confidence,
    }


def article_facts(
    article_id: str, story_id: str | None, data: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    """Entity, quote and date records of one article's stored analysis."""
    base = {"schema": SCHEMA_VERSION, "article_id": article_id, "story_id": story_id}
    for e in data["entities"]:
        yield {
            "type": "entity",
            **base,
            "entity_id": e["id"],
            "name": e["name"],
            "entity_type": e["type"],
            "aliases": e["aliases"],
            "mentions": e["mentions"],
        }
    for i, q in enumerate(data["quotes"]):
        yield {"type": "quote", **base, "index": i, **q}
    for d in data["dates"]:
        yield {
            "type": "date",
            **base,
            "paragraph": d["paragraph"],
            "caption": d["caption"],
            **d["mention"],
        }


def story_record(full: dict[str, Any], story: StoryInput) -> dict[str, Any]:
    """The export form of one story, with its members' lineage, entities and matched quotes.

    Args:
        full: The story's row with its members (``Store.story_row``).
        story: Its comparable form, built from that row.
    """
    return {
        "type": "story",
        "schema": SCHEMA_VERSION,
        **{k: full[k] for k in ("id", "label", "first_day", "last_day", "outlets")},
        "article_count": full["articles"],
        "independent_sources": full["sources"],
        "members": [
            {
                k: m[k]
                for k in ("id", "outlet", "published", "copy_of", "reuse", "copy_kind", "original")
            }
            for m in full["members"]
        ],
        "entities": story_entity_rows(story),
        "quotes": story_quote_rows(story),
    }


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every story's events, one row each (the CSV export)."""
    for row in store.story_rows():
        yield from story_event_rows(store, row["id"])


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every exportable record: articles with their facts, then each story with its claim
    groups and its brief."""
    for article in store.iter_articles():
        story_id = store.story_of(article.id)
        yield article_record(article, story_id)
        data = store.analysis(article.id)
        if data is not None:
            yield from article_facts(article.id, story_id, data)
    for row in store.story_rows():
        full, story = load_story(store, row["id"])
        yield story_record(full, story)
        # The stored comparison when current; otherwise made now (an export writes nothing).
        made = compared(store, row["id"], story, save=False)
        for i, group in enumerate(comparison_rows(made.comparison)):
            yield {
                "type": "claim",
                "schema": SCHEMA_VERSION,
                "story_id": row["id"],
                "index": i,
                **group,
            }
        yield {
            "type": "brief",
            "schema": SCHEMA_VERSION,
            "story_id": row["id"],
            **brief_json(made.dossier),
        }
        for event in story_event_rows(store, row["id"]):
            yield {"type": "event", "schema": SCHEMA_VERSION, **event}


def migrate_store(source_url: str, target_url: str, sample: int = 50) -> MigrateSummary:
    """Copy a SQLite store into PostgreSQL and check the copy: every table's row count, and
    the export of ``sample`` articles and ``sample`` stories spread over the store.

    Raises:
        StoreError: when a store cannot be opened, or the target holds articles already.
    """
    counts = copy_store(source_url, target_url)
    differences = [f"table {t}: {a} rows, {b} copied" for t, (a, b) in counts.items() if a != b]
    source, target = open_store(source_url, create=False), open_store(target_url, create=False)
    try:
        total = source.count_articles()
        picks = sorted({i * total // sample for i in range(sample)}) if total else []
        articles = [a for i in picks for a in source.articles(limit=1, offset=i)]
        for art in articles:
            if _article_export(source, art) != _article_export(target, target.article(art.id)):
                differences.append(f"article {art.id} exports differently")
        rows = source.story_rows()
        stories = [rows[i * len(rows) // sample]["id"] for i in range(min(sample, len(rows)))]
        for sid in stories:
            if _story_export(source, sid) != _story_export(target, sid):
                differences.append(f"story {sid} exports differently")
    finally:
        source.close()
        target.close()
    return MigrateSummary(counts, len(articles), len(stories), tuple(differences))


def _article_export(store: Store, article: Article) -> list[dict[str, Any]]:
    story_id = store.story_of(article.id)
    data = store.analysis(article.id)
    facts = list(article_facts(article.id, story_id, data)) if data is not None else []
    return [article_record(article, story_id), *facts]


def _story_export(store: Store, story_id: str) -> dict[str, Any]:
    full, story = load_story(store, story_id)
    return {**story_record(full, story), "events": list(story_event_rows(store, story_id))}

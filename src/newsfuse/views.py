"""Plain dicts of stored things, shared by the CLI tables, JSON output and web pages.

Stage code (entities, quotes, events) is imported inside the functions that need it: listing
articles or stories from the command line must not pay for loading spaCy.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from newsfuse.settings import describe

if TYPE_CHECKING:
    from newsfuse.models import Analysis, Article, Comparison, Rejected, StoryInput
    from newsfuse.store.base import Store


#: Every column of an event row, in the order of the CSV export (docs/export.md).
EVENT_COLUMNS = (
    "event_id",
    "story_id",
    "date",
    "date_source",
    "plover_type",
    "polecat_type",
    "mode",
    "source_actor",
    "source_code",
    "target_actor",
    "target_code",
    "place",
    "place_country",
    "lat",
    "lon",
    "reports",
    "sources",
    "first_article",
    "first_origin",
    "first_url",
    "evidence",
    "confidence",
)
#: What a reader is shown of an event: the CLI's table and the story page's list.
EVENT_SUMMARY = (
    "date",
    "plover_type",
    "mode",
    "source_actor",
    "target_actor",
    "place",
    "reports",
    "sources",
    "evidence",
)


def article_row(article: Article) -> dict[str, Any]:
    """One line of an article listing."""
    m = article.meta
    return {
        "id": article.id,
        "published": m.published,
        "outlet": m.outlet,
        "credit": m.credit,
        "byline": m.byline,
        "paragraphs": sum(b.kind == "paragraph" for b in article.body),
        "headline": m.headline,
        "origin": article.origin.describe(),
    }


def article_dict(
    article: Article,
    chrome: bool = False,
    analysis: dict[str, Any] | None = None,
    failure: Rejected | None = None,
) -> dict[str, Any]:
    """An article in full, with what was read off it (or why its analysis failed); the
    removed chrome only when asked for."""
    data: dict[str, Any] = {
        "id": article.id,
        "headline": article.meta.headline,
        "meta": {k: v for k, v in asdict(article.meta).items() if k != "headline"},
        "origin": asdict(article.origin),
        "format": article.format,
        "body": [{"text": b.text, "heading": b.kind == "heading"} for b in article.body],
        "captions": list(article.captions),
        "analysis_failed": None if failure is None else failure.message,
    }
    if analysis is not None:
        data["entities"] = [
            {
                "id": e["id"],
                "name": e["name"],
                "type": e["type"],
                "aliases": e["aliases"],
                "mentions": len(e["mentions"]),
            }
            for e in analysis["entities"]
        ]
        data["quotes"] = analysis["quotes"]
        data["dates"] = [
            {"paragraph": d["paragraph"], "caption": d["caption"], **d["mention"]}
            for d in analysis["dates"]
        ]
        # Which readers ran, and why the others did not (an article in another language).
        data["reading"] = {
            "language": analysis.get("language"),
            "model": analysis.get("model"),
            "skipped": analysis.get("skipped", []),
            "reason": analysis.get("skip_reason", ""),
        }
    if chrome:
        data["chrome"] = [asdict(c) for c in article.chrome]
    return data


def stored_article(
    store: Store, id_or_prefix: str, chrome: bool = False
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The stored article with this id (or unique prefix) as ``article_dict`` gives it, with
    its analysis; raises NotFound."""
    art = store.article(id_or_prefix)
    analysis = store.analysis(art.id)
    failed = store.analysis_failures([art.id])
    return article_dict(art, chrome, analysis, failed[0] if failed else None), analysis


def setting_rows() -> list[dict[str, Any]]:
    """Every setting: its name, default and help."""
    return [{"name": n, "default": d, "help": h} for n, d, h in describe()]


def reject_row(rejected: Rejected) -> dict[str, Any]:
    """One line of the rejects listing."""
    return {
        "origin": rejected.origin.describe(),
        "reason": rejected.reason,
        "message": rejected.message,
    }


def _analysed(story: StoryInput) -> tuple[list[Analysis], dict[str, str | None]]:
    """The story's analyses in article-id order, and each article's outlet."""
    outlets = {a.id: a.meta.outlet for a in story.articles}
    return [story.analyses[aid] for aid in sorted(story.analyses)], outlets


def story_entity_rows(story: StoryInput) -> list[dict[str, Any]]:
    """A story's entities, one per actor, with resolved places."""
    from newsfuse.merge.entities import story_entities

    analyses, _ = _analysed(story)
    return story_entities(analyses)


def story_quote_rows(story: StoryInput, speaker: str | None = None) -> list[dict[str, Any]]:
    """A story's quotes grouped across reports; differing wordings are flagged."""
    from newsfuse.merge.quotes import quote_rows

    analyses, outlets = _analysed(story)
    return quote_rows(analyses, outlets, speaker)


def comparison_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One dict per claim group: status, sources, outlets, conflict, and the cited claims."""
    rows = []
    for group in comparison.groups:
        rows.append(
            {
                "status": group.status,
                "sources": group.sources,
                "outlets": list(group.outlets),
                "conflict": asdict(group.conflict) if group.conflict else None,
                "updates": [asdict(u) for u in group.updates],
                "claims": [
                    {
                        "id": c.id,
                        "article_id": c.article_id,
                        "outlet": c.outlet,
                        "paragraph": c.paragraph,
                        "sentence": c.sentence,
                        "start": c.start,
                        "end": c.end,
                        "text": c.text,
                    }
                    for c in group.claims
                ],
            }
        )
    return rows


def story_event_rows(
    store: Store, story_id: str, code_missing: bool = True
) -> list[dict[str, Any]]:
    """A story's events: the stored coding when it is current; otherwise coded now (not
    saved), or, with ``code_missing`` false (readers that must stay fast), the stale stored
    coding or none."""
    sid = store.resolve_story(story_id)
    stored = store.story_events(sid)
    if stored is not None and (stored[0] == store.story_basis(sid) or not code_missing):
        return stored[1]
    if not code_missing:
        return []
    # Imported here: event coding loads the parser, which plain listings should not pay for.
    from newsfuse.merge.events import code_story_events
    from newsfuse.store.stories import story_input

    return code_story_events(story_input(store, sid))


def event_rows(
    store: Store,
    story_id: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """Events of every story (or one), one row per real event, optionally of one type or actor.

    Args:
        store: The store.
        story_id: Only this story's events (old merged ids and unique prefixes resolve).
        event_type: Only events of this PLOVER type or its POLECAT name (any case).
        actor: Only events whose source or target actor's name contains this (any case).

    Raises:
        ConfigError: when ``event_type`` names no PLOVER or POLECAT type (they are listed).
    """
    from newsfuse.extract.events.lexicon import event_type as known_type

    wanted = known_type(event_type) if event_type else None
    ids = [story_id] if story_id else [r["id"] for r in store.story_rows()]
    rows = [r for sid in ids for r in story_event_rows(store, sid)]
    if wanted:
        rows = [r for r in rows if wanted in {r["plover_type"], r["polecat_type"]}]
    if actor:
        needle = actor.lower()
        rows = [r for r in rows if needle in f"{r['source_actor']} {r['target_actor']}".lower()]
    return rows

"""Who did what to whom, where and when: PLOVER events read off a story's reports and merged.

A sentence's trigger (a verb or nominal of the lexicon in ``plover_lexicon.json``) gives the
PLOVER type and mode; the dependency parse gives the source (subject, or the agent of a
passive), the target (object, "met with X", or the subject of a passive) and the place; the
report's time expressions give the date. Triggers inside quotation marks are skipped: a
quote's content is the speaker's, not the report's. Each report's mentions are read when it is
analysed (:mod:`newsfuse.extract.events.read`); mentions of one event across a story's reports
merge into one :class:`Event`, and copies of one original count as one source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.language import Language

from newsfuse.extract.entities.gazetteer import Place
from newsfuse.extract.entities.places import resolve_places
from newsfuse.extract.events.lexicon import iso3, polecat_type
from newsfuse.extract.events.read import article_drafts, story_mention
from newsfuse.extract.nlp import analysed_part, load_nlp, parse
from newsfuse.merge.entities import canonicalise_story
from newsfuse.merge.mentions import fill_codes, merge_mentions
from newsfuse.models import (
    Analysis,
    Article,
    Event,
    EventDraft,
    EventMention,
    EventPlace,
    PlaceName,
    StoryInput,
)

__all__ = ["PARSE_COMPONENTS", "event_row", "story_events"]

#: The event coder reads the parse, NER and lemmas.
PARSE_COMPONENTS = ("parser", "ner", "lemmatizer")


def story_events(story: StoryInput, nlp: Language | None = None) -> list[Event]:
    """The events of a story, each with the reports that state it.

    Each report's event mentions were read when it was analysed; only an analysis stored
    before they were kept is parsed again here.

    Args:
        story: The story's articles, analyses and lineages.
        nlp: A loaded pipeline for such older analyses; the shared one when None.

    Returns:
        Events in order of first mention.
    """
    # A report not analysed (yet, or its analysis failed) states no events.
    articles = [a for a in story.articles if a.id in story.analyses]
    analyses = [story.analyses[a.id] for a in articles]
    merged = canonicalise_story([a.entities for a in analyses])
    names = {e.id: e.name for e in merged.entities}
    drafts = _drafts(articles, analyses, nlp)
    mentions = [
        story_mention(draft, ids, names)
        for ids, mine in zip(merged.members, drafts, strict=True)
        for draft in mine
    ]
    uses = [draft.places for mine in drafts for draft in mine]
    places = resolve_places([n for names_ in uses for n in names_], merged.evidence)
    placed = [_placed(m, list(u), places) for m, u in zip(mentions, uses, strict=True)]
    return merge_mentions(fill_codes(placed), story)


def _drafts(
    articles: Sequence[Article], analyses: Sequence[Analysis], nlp: Language | None
) -> list[list[EventDraft]]:
    """Each report's event drafts: stored with its analysis, or read now from a fresh parse."""
    stale = [i for i, a in enumerate(analyses) if a.events is None]
    fresh: dict[int, list[EventDraft]] = {}
    if stale:
        model = nlp if nlp is not None else load_nlp()
        paragraphs = [[analysed_part(b.text, model) for b in articles[i].body] for i in stale]
        docs = parse([p for paras in paragraphs for p in paras], PARSE_COMPONENTS, model)
        at = 0
        for i, paras in zip(stale, paragraphs, strict=True):
            a = analyses[i]
            mine = docs[at : at + len(paras)]
            fresh[i] = article_drafts(articles[i], a.quotes, a.dates, a.entities.entities, mine)
            at += len(paras)
    return [fresh[i] if i in fresh else list(a.events or ()) for i, a in enumerate(analyses)]


def _placed(
    mention: EventMention, uses: list[PlaceName], places: dict[str, Place | None]
) -> EventMention:
    for use in uses:
        place = places.get(use.name)
        if place is not None:
            where = EventPlace(place.name, iso3(place.country_code), place.lat, place.lon)
            return replace(mention, place=where)
    return mention


def event_row(event: Event) -> dict[str, Any]:
    """One flat row per event for CSV or JSON export (layout in docs/bench/events.md)."""
    first = event.mentions[0]
    return {
        "event_id": event.id,
        "date": event.date,
        "date_source": "text"
        if any(m.date_source == "text" and m.date == event.date for m in event.mentions)
        else first.date_source,
        "plover_type": event.type,
        "polecat_type": polecat_type(event.type),
        "mode": event.mode,
        "source_actor": "; ".join(a.name for a in event.source),
        "source_code": "; ".join(a.code for a in event.source),
        "target_actor": "; ".join(a.name for a in event.target),
        "target_code": "; ".join(a.code for a in event.target),
        "place": event.place.name if event.place else None,
        "place_country": event.place.country if event.place else None,
        "lat": event.place.lat if event.place else None,
        "lon": event.place.lon if event.place else None,
        "reports": len(event.reports),
        "sources": event.sources,
        "first_article": first.article_id,
        "first_origin": f"{first.article_id}:{first.paragraph}:{first.start}",
        "evidence": first.sentence,
        "confidence": event.confidence,
    }


def code_story_events(story: StoryInput) -> list[dict[str, Any]]:
    """Code a story's events afresh (one row each, layout in docs/export.md)."""
    by_id = {a.id: a for a in story.articles}
    rows = []
    for event in story_events(story):
        row = {"story_id": story.story_id, **event_row(event)}
        first = by_id.get(row["first_article"])
        if first is not None:
            row["first_origin"] = first.origin.describe()
            row["first_url"] = first.meta.url
        row["mentions"] = [
            {
                "article_id": m.article_id,
                "paragraph": m.paragraph,
                "start": m.start,
                "end": m.end,
                "trigger": m.trigger,
            }
            for m in event.mentions
        ]
        rows.append(row)
    return rows

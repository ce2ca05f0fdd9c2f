"""Who did what to whom, where and when: PLOVER events read off a story's reports and merged.

A sentence's trigger (a verb or nominal of the lexicon in ``plover_lexicon.json``) gives the
PLOVER type and mode; the dependency parse gives the source (subject, or the agent of a
passive), the target (object, "met with X", or the subject of a passive) and the place; the
report's time expressions give the date. Triggers inside quotation marks are skipped: a
quote's content is the speaker's, not the report's. Mentions of one event across reports merge
into one :class:`Event`, and copies of one original count as one source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsfuse.compare_models import StoryInput
from newsfuse.extract.analyse import Analysis, publication_date
from newsfuse.extract.entities import canonicalise_story
from newsfuse.extract.event_actors import KnownMention, build_actor, known_mentions
from newsfuse.extract.event_lexicon import iso3, polecat_type
from newsfuse.extract.event_merge import date_range, fill_codes, merge_mentions
from newsfuse.extract.event_models import Actor, Event, EventMention, EventPlace
from newsfuse.extract.event_parse import sentence_mentions
from newsfuse.extract.event_roles import speaker_of
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.extract.places import Place, PlaceName, resolve_places
from newsfuse.models import Article

__all__ = [
    "Actor", "Event", "EventMention", "EventPlace", "article_mentions", "event_row",
    "story_events", "PARSE_COMPONENTS",
]  # fmt: skip

#: The event coder reads the parse, NER and lemmas.
PARSE_COMPONENTS = ("parser", "ner", "lemmatizer")
_PRONOUN_NAMES = {"he", "she", "it", "they", "his", "her", "its", "their", "we", "i"}


def story_events(story: StoryInput, nlp: Language | None = None) -> list[Event]:
    """The events of a story, each with the reports that state it.

    Args:
        story: The story's articles, analyses and lineages.
        nlp: A loaded pipeline; the shared one when None.

    Returns:
        Events in order of first mention.
    """
    model = nlp if nlp is not None else load_nlp()
    analyses = [story.analyses[a.id] for a in story.articles]
    merged = canonicalise_story([a.entities for a in analyses])
    names = {e.id: e.name for e in merged.entities}
    paragraphs = [[b.text for b in a.body] for a in story.articles]
    docs = parse([p for paras in paragraphs for p in paras], PARSE_COMPONENTS, model)
    drafts: list[tuple[EventMention, list[PlaceName]]] = []
    at = 0
    for article, analysis, ids, paras in zip(
        story.articles, analyses, merged.members, paragraphs, strict=True
    ):
        known = [
            KnownMention(
                k.paragraph,
                k.start,
                k.end,
                k.entity_id,
                names.get(k.entity_id, k.name),
                k.type,
                k.label,
            )
            for k in known_mentions(analysis.entities.entities, ids)
        ]
        drafts += article_mentions(article, analysis, docs[at : at + len(paras)], known)
        at += len(paras)
    places = resolve_places([n for _, uses in drafts for n in uses], merged.evidence)
    mentions = fill_codes([_placed(m, uses, places) for m, uses in drafts])
    return merge_mentions(mentions, story)


def article_mentions(
    article: Article, analysis: Analysis, docs: Sequence[Doc], known: Sequence[KnownMention]
) -> list[tuple[EventMention, list[PlaceName]]]:
    """Event mentions of one report, each with the place names it was placed by (unresolved).

    Args:
        article: The report.
        analysis: Its analysis (quotes and dates are read from it).
        docs: One parsed Doc per body paragraph.
        known: The report's entity mentions, with story ids.
    """
    published = publication_date(article.meta.published)
    out: list[tuple[EventMention, list[PlaceName]]] = []
    for p, doc in enumerate(docs):
        quoted = _quoted_spans(analysis, p, doc.text)
        for sent in doc.sents:
            skip = _skipper(quoted)
            for raw in sentence_mentions(sent, skip):
                speaker = speaker_of(raw.trigger)
                source = _actors(raw.source, p, known, speaker)
                target = _actors(raw.target, p, known, speaker)
                date, date_source = _date(analysis, p, sent, raw.trigger)
                if date is None and published is not None:
                    date, date_source = published.isoformat(), "published"
                uses = [
                    PlaceName(
                        t.text if t.ent_iob_ != "I" else _ent_text(t),
                        sent.text[: t.idx - sent.start_char],
                        "",
                    )
                    for t in raw.places
                ]
                mention = EventMention(
                    article.id,
                    p,
                    sent.start_char,
                    sent.end_char,
                    sent.text,
                    raw.words,
                    raw.type,
                    raw.mode,
                    source,
                    target,
                    None,
                    date,
                    date_source,
                    raw.confidence,
                )
                out.append((mention, uses))
    return out


def _ent_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _quoted_spans(analysis: Analysis, paragraph: int, text: str) -> list[tuple[int, int]]:
    """Character spans of a paragraph that give what someone said, quoted or reported: what a
    speaker says happened is the speaker's claim, not an event the report states."""
    spans: list[tuple[int, int]] = []
    for q in analysis.quotes:
        if not q.paragraph <= paragraph <= q.end_paragraph:
            continue
        start = q.start if q.paragraph == paragraph else 0
        end = q.end if q.end_paragraph == paragraph else len(text)
        spans.append((start, end))
    return spans


def _skipper(spans: list[tuple[int, int]]) -> Callable[[Token], bool]:
    def skip(token: Token) -> bool:
        return any(s <= token.idx < e for s, e in spans)

    return skip


def _actors(
    heads: Sequence[Token], paragraph: int, known: Sequence[KnownMention], speaker: Token | None
) -> tuple[Actor, ...]:
    found: dict[str, Actor] = {}
    for head in heads:
        actor = build_actor(head, paragraph, known, speaker)
        if actor.name.lower() in _PRONOUN_NAMES:
            continue
        found.setdefault(actor.entity_id or actor.name.lower(), actor)
    return tuple(found.values())


def _date(analysis: Analysis, paragraph: int, sent: Span, trigger: Token) -> tuple[str | None, str]:
    """The sentence's calendar date nearest the trigger (not a caption's, not a duration)."""
    best: tuple[int, str] | None = None
    for d in analysis.dates:
        m = d.mention
        if d.caption or d.paragraph != paragraph or date_range(m.value) is None:
            continue
        if not sent.start_char <= m.start < sent.end_char or m.status == "unresolved":
            continue
        distance = abs(m.start - trigger.idx)
        if best is None or distance < best[0]:
            best = (distance, m.value or "")
    return (best[1], "text") if best else (None, "none")


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

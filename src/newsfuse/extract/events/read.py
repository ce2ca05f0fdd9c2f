"""Event mentions read off one report's parse, kept with the analysis so stories never re-parse.

A report is parsed once, when it is analysed; what the event coder needs from that parse (the
trigger, its type and mode, the actors as the report names them, the place names it uses and
the date) is kept as :class:`EventDraft` rows. Coding a story's events later only renames the
actors to the story's entities, resolves the places and merges: its cost grows with its
drafts, not with parsing every member again each time one more report joins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsfuse.extract.dates.find import publication_date
from newsfuse.extract.events.actors import build_actor, known_mentions
from newsfuse.extract.events.parse import sentence_mentions
from newsfuse.extract.events.roles import speaker_of
from newsfuse.extract.nlp import doc_text
from newsfuse.models import (
    Actor,
    Article,
    DatedMention,
    Entity,
    EventDraft,
    EventMention,
    PlaceName,
    Quote,
)
from newsfuse.timestamps import date_range

__all__ = ["article_drafts", "story_mention"]

#: Names an actor may not have: a pronoun left unresolved names nobody.
_PRONOUN_NAMES = {"he", "she", "it", "they", "his", "her", "its", "their", "we", "i"}


def article_drafts(
    article: Article,
    quotes: Sequence[Quote],
    dates: Sequence[DatedMention],
    entities: Sequence[Entity],
    docs: Sequence[Doc],
) -> list[EventDraft]:
    """Event mentions of one report.

    Args:
        article: The report; its publication date dates a mention its sentence does not.
        quotes: Its quotes: a trigger inside one is the speaker's claim, not the report's.
        dates: Its time expressions, each with its paragraph (captions' are never used).
        entities: Its entities, with the report's own ids.
        docs: One parsed Doc per body paragraph (parser, NER and lemmas).
    """
    known = known_mentions(entities)
    published = publication_date(article.meta.published)
    out: list[EventDraft] = []
    for p, doc in enumerate(docs):
        skip = _skipper(_quoted_spans(quotes, p, doc_text(doc)))
        for sent in doc.sents:
            for raw in sentence_mentions(sent, skip):
                speaker = speaker_of(raw.trigger)
                source = tuple(build_actor(h, p, known, speaker) for h in raw.source)
                target = tuple(build_actor(h, p, known, speaker) for h in raw.target)
                date, date_source = _date(dates, p, sent, raw.trigger)
                if date is None and published is not None:
                    date, date_source = published.isoformat(), "published"
                uses = tuple(
                    PlaceName(
                        t.text if t.ent_iob_ != "I" else _ent_text(t),
                        sent.text[: t.idx - sent.start_char],
                        "",
                    )
                    for t in raw.places
                )
                mention = EventMention(
                    type=raw.type,
                    mode=raw.mode,
                    source=source,
                    target=target,
                    place=None,
                    date=date,
                    confidence=raw.confidence,
                    article_id=article.id,
                    paragraph=p,
                    start=sent.start_char,
                    end=sent.end_char,
                    sentence=sent.text,
                    trigger=raw.words,
                    date_source=date_source,
                )
                out.append(EventDraft(mention, uses))
    return out


def story_mention(
    draft: EventDraft, ids: Mapping[str, str], names: Mapping[str, str]
) -> EventMention:
    """A draft's mention with its actors named as the story names them.

    Args:
        draft: One report's draft.
        ids: The report's entity ids -> the story's entity ids.
        names: The story's entity ids -> canonical names.
    """
    m = draft.mention
    return replace(m, source=_renamed(m.source, ids, names), target=_renamed(m.target, ids, names))


def _renamed(
    actors: Sequence[Actor], ids: Mapping[str, str], names: Mapping[str, str]
) -> tuple[Actor, ...]:
    found: dict[str, Actor] = {}
    for actor in actors:
        if actor.entity_id is not None:
            sid = ids.get(actor.entity_id, actor.entity_id)
            actor = replace(actor, entity_id=sid, name=names.get(sid, actor.name))
        if actor.name.lower() in _PRONOUN_NAMES:
            continue
        found.setdefault(actor.entity_id or actor.name.lower(), actor)
    return tuple(found.values())


def _ent_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _quoted_spans(quotes: Sequence[Quote], paragraph: int, text: str) -> list[tuple[int, int]]:
    """Character spans of a paragraph that give what someone said, quoted or reported: what a
    speaker says happened is the speaker's claim, not an event the report states."""
    spans: list[tuple[int, int]] = []
    for q in quotes:
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


def _date(
    dates: Sequence[DatedMention], paragraph: int, sent: Span, trigger: Token
) -> tuple[str | None, str]:
    """The sentence's calendar date nearest the trigger (not a caption's, not a duration)."""
    best: tuple[int, str] | None = None
    for d in dates:
        m = d.mention
        if d.caption or d.paragraph != paragraph or date_range(m.value) is None:
            continue
        if not sent.start_char <= m.start < sent.end_char or m.status == "unresolved":
            continue
        distance = abs(m.start - trigger.idx)
        if best is None or distance < best[0]:
            best = (distance, m.value or "")
    return (best[1], "text") if best else (None, "none")

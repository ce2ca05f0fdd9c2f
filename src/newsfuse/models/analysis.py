"""What is read off one article: entities, quotes, dates and event drafts, and its JSON form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsfuse.models.event import Actor, EventMention, EventPlace

#: The kinds of attributed statement (see :class:`Quote`).
QuoteKind = Literal["direct", "partial", "indirect", "mixed"]


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: ``paragraph[start:end] == text``.

    Attributes:
        text: The words as written, without a leading "the" or a trailing possessive.
        paragraph: Paragraph index in the article.
        start: Offset of the first character in the paragraph.
        end: Offset after the last character.
        label: PERSON, ORG, GPE, LOC, FAC, NORP, or TITLE (a role standing for a person).
    """

    text: str
    paragraph: int
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Entity:
    """A real-world entity with every mention of it.

    Attributes:
        id: Stable id derived from the canonical name ("antony-blinken").
        name: Canonical name ("Antony Blinken").
        type: "person", "org", "place" or "group".
        mentions: Mentions in reading order (for a story: article after article).
        aliases: The other surface forms used for it, sorted.
    """

    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleEntities:
    """The entities of one article and the countries its demonyms point to ("Iraqi" -> IQ)."""

    entities: tuple[Entity, ...]
    evidence: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StoryEntities:
    """The entities of a story, one per real-world entity.

    Attributes:
        entities: Story-level entities; mentions of all articles, article after article.
        members: Per article, its entity ids -> the story entity id they were merged into.
        evidence: Country codes the story's demonyms point to.
    """

    entities: tuple[Entity, ...]
    members: tuple[dict[str, str], ...] = ()
    evidence: frozenset[str] = field(default_factory=frozenset)

    def by_id(self) -> dict[str, Entity]:
        """Entities keyed by id."""
        return {e.id: e for e in self.entities}


EntityType = Literal["person", "org", "place", "group"]


@dataclass(frozen=True)
class Quote:
    """One attributed statement found in an article.

    Attributes:
        text: The quoted or reported content, without the outer quotation marks; the
            pieces of a quotation interrupted by its attribution ('"A," he said. "B."') are
            joined with a space, and their span runs from A's start to B's end.
        kind: "direct" (a whole quoted sentence), "partial" (a quoted phrase inside the
            writer's sentence), "indirect" (reported speech) or "mixed" (a reported clause
            that contains a quotation, or what a quoted name is given to: 'called the plan
            "a disgrace"'; its text keeps the inner marks).
        paragraph: Index of the paragraph where the content starts.
        start: Offset of the content in ``paragraph``.
        end: End offset of the content in ``end_paragraph``.
        end_paragraph: Paragraph where the content ends (equal to ``paragraph`` unless the
            quote runs over several paragraphs).
        cue: Lemma of the cue ("say", "tell", "according to"; "label" for a speaker label
            such as "RAMOS:"), or None for an unattributed quotation (whose speaker, if any,
            is the last person named as a subject shortly before it).
        speaker: The speaker mention as written ("he", "the State Department"), or None.
        speaker_span: (paragraph, start, end) of the speaker mention, or None.
        speaker_name: The resolved speaker ("Antony Blinken"), or None.
    """

    text: str
    kind: QuoteKind
    paragraph: int
    start: int
    end: int
    end_paragraph: int
    cue: str | None
    speaker: str | None
    speaker_span: tuple[int, int, int] | None
    speaker_name: str | None


@dataclass(frozen=True)
class DateMention:
    """One time expression of a text.

    Attributes:
        text: Surface string, ``text[start:end]`` of the input.
        start: Offset of the first character.
        end: Offset after the last character.
        value: TimeML-like value (``2024-12-13``, ``2024-W50``, ``P3D``, ``PRESENT_REF``),
            or None when it cannot be placed. A named part of a day keeps its TIMEX3 code
            (``2024-12-10TMO`` for "Tuesday morning", granularity ``part_of_day``): the
            TimeML guidelines ask for it, and so does most of the TimeBank / AQUAINT gold.
        granularity: ``day``, ``week``, ``weekend``, ``month``, ``quarter``, ``half``,
            ``season``, ``year``, ``decade``, ``century``, ``part_of_day``, ``time``,
            ``duration``, ``set`` or ``vague``.
        status: ``exact``, ``approximate`` or ``unresolved``.
        reason: Why the value is approximate or unresolved; empty when exact.
        kind: ``date``, ``time``, ``duration`` or ``set`` (the TimeML TIMEX3 type).
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str
    status: str
    reason: str
    kind: str


@dataclass(frozen=True)
class DatedMention:
    """A time expression with where it stands: a body paragraph, or a photo caption."""

    paragraph: int
    caption: bool
    mention: DateMention


@dataclass(frozen=True)
class PlaceName:
    """A place name as written, with the text on either side of it in its sentence."""

    name: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Analysis:
    """Everything read off one article's text."""

    article_id: str
    entities: ArticleEntities
    quotes: tuple[Quote, ...]
    dates: tuple[DatedMention, ...]
    #: Event mentions read off the same parse; None for an analysis stored before they were.
    events: tuple[EventDraft, ...] | None = None
    #: Per body block, the ``(start, end)`` of each sentence, from the same parse (see
    #: :mod:`newsfuse.text`); empty for an analysis stored before they were kept.
    sentences: tuple[tuple[tuple[int, int], ...], ...] = ()
    #: The language the article was read as, and the spaCy pipeline package that parsed it.
    language: str | None = None
    model: str | None = None
    #: Readers that did not run on this article ("entities", "quotes", "dates", "events"),
    #: and why: they are written for English and the article is in another language.
    skipped: tuple[str, ...] = ()
    skip_reason: str = ""


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    """Rebuild an analysis stored with :func:`to_json`."""
    entities = tuple(
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=tuple(Mention(**m) for m in e["mentions"]),
            aliases=tuple(e["aliases"]),
        )
        for e in data["entities"]
    )
    quotes = tuple(
        Quote(**{**q, "speaker_span": tuple(q["speaker_span"]) if q["speaker_span"] else None})
        for q in data["quotes"]
    )
    dates = tuple(
        DatedMention(d["paragraph"], d["caption"], DateMention(**d["mention"]))
        for d in data["dates"]
    )
    events = data.get("events")
    return Analysis(
        data["article_id"],
        ArticleEntities(entities, frozenset(data["evidence"])),
        quotes,
        dates,
        None if events is None else tuple(draft_from_json(e) for e in events),
        tuple(tuple((int(s), int(e)) for s, e in para) for para in data.get("sentences", ())),
        data.get("language"),
        data.get("model"),
        tuple(data.get("skipped", ())),
        data.get("skip_reason", ""),
    )


@dataclass(frozen=True)
class EventDraft:
    """One report's event mention before the story names its actors and places.

    Attributes:
        mention: The mention; its actors carry the report's own entity ids and names, in the
            order the parse found them (unfiltered: the story's names decide which to keep).
        places: The place names the sentence places it by, unresolved.
    """

    mention: EventMention
    places: tuple[PlaceName, ...]


def draft_from_json(data: Mapping[str, Any]) -> EventDraft:
    """Rebuild a draft stored as ``dataclasses.asdict``."""
    m = dict(data["mention"])
    m["source"] = tuple(Actor(**a) for a in m["source"])
    m["target"] = tuple(Actor(**a) for a in m["target"])
    m["place"] = EventPlace(**m["place"]) if m["place"] else None
    return EventDraft(EventMention(**m), tuple(PlaceName(**p) for p in data["places"]))

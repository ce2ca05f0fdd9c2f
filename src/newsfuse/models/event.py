"""The event vocabulary: actors, event mentions in sentences, and events merged across reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """Who acted or was acted on.

    Attributes:
        name: Canonical entity name when the words name a known entity, else the words.
        entity_id: The story's entity id, or None for an unnamed actor ("rebels").
        country: ISO alpha-3 country code ("IRQ"), or None when unknown.
        sector: Sector code ("GOV", "MIL", "REB"...), or None.
    """

    name: str
    entity_id: str | None
    country: str | None
    sector: str | None

    @property
    def code(self) -> str:
        """Country and sector as one code ("USA GOV"); "" when neither is known."""
        return " ".join(part for part in (self.country, self.sector) if part)


@dataclass(frozen=True)
class EventPlace:
    """Where an event happened: a resolved place."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class EventCoding:
    """What is coded of an event, by one report or merged across a story's reports.

    Attributes:
        type: PLOVER event type.
        mode: PLOVER mode, or "".
        source: The actors who acted.
        target: The actors acted on.
        place: Where, when known.
        date: ISO date (or coarser) of the event.
        confidence: 0-1, how sure the coding is.
    """

    type: str
    mode: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    place: EventPlace | None
    date: str | None
    confidence: float


@dataclass(frozen=True)
class EventMention(EventCoding):
    """One report's sentence stating an event: its coding, and where the report states it.

    Attributes:
        article_id: The report.
        paragraph: Paragraph index in the report.
        start: Offset of the evidence sentence in the paragraph.
        end: Offset after it.
        sentence: The evidence sentence.
        trigger: The trigger words ("held talks").
        date_source: "text" when the sentence dates it, "published" for the report's date.
    """

    article_id: str
    paragraph: int
    start: int
    end: int
    sentence: str
    trigger: str
    date_source: str


@dataclass(frozen=True)
class Event(EventCoding):
    """One real event with every report that states it, its coding merged from theirs.

    Attributes:
        id: Stable id from type, actors, date and the first mention.
        mentions: The reports' mentions, in reading order.
        reports: The ids of the reports that state it.
        outlets: Their outlets.
        sources: Independent sources (copies of one original count once).
    """

    id: str
    mentions: tuple[EventMention, ...]
    reports: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: int

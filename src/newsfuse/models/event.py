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
class EventMention:
    """One report's sentence stating an event.

    Attributes:
        article_id: The report.
        paragraph: Paragraph index in the report.
        start: Offset of the evidence sentence in the paragraph.
        end: Offset after it.
        sentence: The evidence sentence.
        trigger: The trigger words ("held talks").
        type: PLOVER event type.
        mode: PLOVER mode, or "".
        source: The actors who acted.
        target: The actors acted on.
        place: Where, when the sentence says.
        date: ISO date (or coarser) of the event.
        date_source: "text" when the sentence dates it, "published" for the report's date.
        confidence: 0-1, how sure the coding is.
    """

    article_id: str
    paragraph: int
    start: int
    end: int
    sentence: str
    trigger: str
    type: str
    mode: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    place: EventPlace | None
    date: str | None
    date_source: str
    confidence: float


@dataclass(frozen=True)
class Event:
    """One real event with every report that states it.

    Attributes:
        id: Stable id from type, actors, date and the first mention.
        sources: Independent sources (copies of one original count once).
    """

    id: str
    type: str
    mode: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    place: EventPlace | None
    date: str | None
    mentions: tuple[EventMention, ...]
    reports: tuple[str, ...]
    outlets: tuple[str, ...]
    sources: int
    confidence: float

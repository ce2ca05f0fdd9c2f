"""A story's cited brief: sections of sentences taken from its reports, each cited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsfuse.models.comparison import Comparison


@dataclass(frozen=True)
class Citation:
    """Where a brief sentence comes from: an outlet's article, paragraph and sentence."""

    article_id: str
    outlet: str
    paragraph: int
    sentence: int

    def label(self) -> str:
        """Short human form, e.g. ``Meridian Post ¶2 s1`` (both counted from 1)."""
        return f"{self.outlet} ¶{self.paragraph + 1} s{self.sentence + 1}"


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of the brief, taken from an article, with what it rests on.

    Attributes:
        text: The sentence, as an article wrote it (a leading dateline trimmed).
        citations: The article sentences it rests on; never empty.
        note: What the brief says about it: source count, conflict side, date, speaker.
    """

    text: str
    citations: tuple[Citation, ...]
    note: str = ""


@dataclass(frozen=True)
class Section:
    """A titled part of the brief; ``key`` is stable for programs, ``title`` for people."""

    key: str
    title: str
    sentences: tuple[BriefSentence, ...]


@dataclass(frozen=True)
class Brief:
    """A story's brief: sections in reading order."""

    story_id: str
    sources: int
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class ComparedStory:
    """What is read across a story's reports, as stored when its members change.

    Attributes:
        comparison: Its claims grouped into facts.
        brief: The short brief (a lead and key points).
        dossier: The long brief (every section).
        entities: Its entities, one row per actor, places resolved (``story_entities``).
        quotes: Its quotes, grouped across reports, as rows (``quote_rows``).
    """

    comparison: Comparison
    brief: Brief
    dossier: Brief
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


def brief_from_json(data: dict[str, Any]) -> Brief:
    """Rebuild a brief from its JSON form (``dataclasses.asdict`` of a :class:`Brief`)."""
    sections = tuple(
        Section(
            s["key"],
            s["title"],
            tuple(
                BriefSentence(b["text"], tuple(Citation(**c) for c in b["citations"]), b["note"])
                for b in s["sentences"]
            ),
        )
        for s in data["sections"]
    )
    return Brief(data["story_id"], data["sources"], sections)

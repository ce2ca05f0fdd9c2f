"""Shapes of the REST API's responses, for validation and the OpenAPI schema.

They describe the very dicts the pages are rendered from, so ``/api/...`` answers equal the
pages' ``.json`` twins. A shape carrying a dataclass of :mod:`newsfuse.models` is named after
it with ``Schema`` added (``QuoteGroupSchema`` for ``QuoteGroup``): one name, one class.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from newsfuse.web.coverage import Coverage
from newsfuse.web.entity_schemas import EntityPage as EntityPage  # the routes name it here


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every 4xx/5xx answer of the API and the ``.json`` twins."""

    error: ErrorDetail


class StorySummary(BaseModel):
    id: str
    label: str | None
    first_day: str | None
    last_day: str | None
    outlets: list[str]
    articles: int
    sources: int


class Segment(BaseModel):
    """A piece of a search snippet; ``match`` marks the words that matched."""

    text: str
    match: bool


class SearchHit(BaseModel):
    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    story_id: str | None
    snippet: list[Segment]


class StoryFilters(BaseModel):
    q: str | None
    since: str | None
    until: str | None
    outlet: str | None
    entity: str | None
    limit: int
    offset: int


class StoriesPage(BaseModel):
    filters: StoryFilters
    stories: list[StorySummary]
    matches: list[SearchHit]
    outlets: list[str]


class SearchPage(BaseModel):
    query: str
    limit: int
    offset: int
    results: list[SearchHit]


class Sentence(BaseModel):
    id: str
    start: int
    end: int
    text: str
    #: On story pages: the status of the claims the sentence states, from comparing the
    #: story's sources (corroborated, single-source, conflicting), or None.
    status: str | None = None
    #: On story pages: the fact (``f<n>``) a corroborated or conflicting sentence states, shared
    #: by the sentences of the other reports that state it, or None.
    fact: str | None = None
    #: On story pages: the outlets that state that fact.
    backing: list[str] = []


class Paragraph(BaseModel):
    id: str
    heading: bool
    sentences: list[Sentence]


class StoryArticle(BaseModel):
    id: str
    headline: str | None
    outlet: str | None
    byline: str | None
    published: str | None
    credit: str | None
    copy_of: str | None
    copy_kind: str
    reuse: float
    original: str
    revision_of: str | None
    paragraphs: list[Paragraph]


class QuoteVersionSchema(BaseModel):
    article_id: str
    index: int
    outlet: str | None
    text: str
    anchor: str | None


class QuoteGroupSchema(BaseModel):
    speaker_name: str | None
    kind: str
    cue: str | None
    wording: str | None
    reports: int
    text: str
    versions: list[QuoteVersionSchema]


class StoryEntity(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: int
    country: str | None
    lat: float | None
    lon: float | None
    geoname_id: int | None


class DateMentionSchema(BaseModel):
    text: str
    status: str
    granularity: str
    article_id: str
    outlet: str | None
    anchor: str | None


class TimelineEntry(BaseModel):
    value: str
    #: The value as a reader says it ("weekend of 7–8 Dec 2024", "Sept 2025").
    label: str
    mentions: list[DateMentionSchema]


class CitationSchema(BaseModel):
    """Where a brief sentence comes from; ``anchor`` is the cited sentence's element id."""

    anchor: str
    article_id: str
    outlet: str
    label: str


class BriefSentenceSchema(BaseModel):
    text: str
    note: str
    citations: list[CitationSchema]


class BriefSection(BaseModel):
    key: str
    title: str
    sentences: list[BriefSentenceSchema]


class BriefSchema(BaseModel):
    """The cited brief of the story, and the claim status of each sentence it compared."""

    sources: int
    sections: list[BriefSection]
    #: Sentence element id -> claim status (corroborated, single-source, conflicting).
    claims: dict[str, str]


class StoryEvent(BaseModel):
    """One coded event (PLOVER), with the sentence anchors of the reports that state it."""

    event_id: str
    date: str | None
    plover_type: str
    polecat_type: str
    mode: str
    source_actor: str
    target_actor: str
    place: str | None
    reports: int
    sources: int
    evidence: str
    anchors: list[str]


class StoryPage(BaseModel):
    story: StorySummary
    revisions: int  # reports fetched again with new text; each names it in revision_of
    coverage: Coverage
    articles: list[StoryArticle]
    quotes: list[QuoteGroupSchema]
    entities: list[StoryEntity]
    timeline: list[TimelineEntry]
    events: list[StoryEvent]
    brief: BriefSchema | None


class OriginSchema(BaseModel):
    path: str | None
    line: int | None
    record_id: str | None


class BlockSchema(BaseModel):
    text: str
    heading: bool


class ChromeLineSchema(BaseModel):
    text: str
    label: str
    line: int


class ArticlePage(BaseModel):
    id: str
    headline: str | None
    meta: dict[str, str | None]
    origin: OriginSchema
    format: str
    body: list[BlockSchema]
    captions: list[str]
    analysis_failed: str | None
    story_id: str | None
    paragraphs: list[Paragraph]
    entities: list[dict[str, Any]] | None
    quotes: list[dict[str, Any]] | None
    dates: list[dict[str, Any]] | None
    reading: dict[str, Any] | None
    chrome: list[ChromeLineSchema] | None


class RejectRow(BaseModel):
    origin: str
    reason: str
    message: str


class RejectsPage(BaseModel):
    rejects: list[RejectRow]

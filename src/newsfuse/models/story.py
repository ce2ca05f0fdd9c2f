"""Stories: what readers see of one, where a report went, copy lineage, what comparing needs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsfuse.models.analysis import Analysis
from newsfuse.models.article import Article


@dataclass(frozen=True)
class StoryAssignment:
    """Where one article went.

    Attributes:
        article_id: The article.
        story_id: The story it joined or started (after any merge).
        new_story: Whether it started the story.
        merges: ``(old id, new id)`` pairs of stories merged because of this article.
        changed: Other stories whose members changed because of this article (a regrouping
            moved reports between them, or cut one off into a new story).
    """

    article_id: str
    story_id: str
    new_story: bool
    merges: tuple[tuple[str, str], ...] = ()
    changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    """A story as readers see it."""

    id: str
    label: str | None
    first_day: int | None
    last_day: int | None
    outlets: tuple[str, ...]
    article_count: int
    independent_sources: int
    article_ids: tuple[str, ...]


CopyKind = Literal["independent", "exact", "near", "partial"]


@dataclass(frozen=True, slots=True)
class Lineage:
    """Where an article's text comes from.

    Attributes:
        article_id: The article described.
        copy_of: The article whose text it reuses most, or ``None`` when independent.
        reuse: Share of its shingles found in ``copy_of`` (0.0 when independent).
        kind: ``independent``, ``exact``, ``near`` or ``partial``.
        original: The earliest article of its family (itself when it is the original).
        credit: The wire service the article credits, normalised, if any.
    """

    article_id: str
    copy_of: str | None
    reuse: float
    kind: CopyKind
    original: str
    credit: str | None = None


@dataclass
class IndexRows:
    """Rows of the persisted index to write: all of them, or those a run changed.

    Attributes:
        meta: ``n`` (documents counted in the frequencies) and ``frozen`` (0 or 1); ``copies``
            is the number of articles in the copy index.
        doc_freq: ``(channel, term, document frequency)``.
        postings: ``(term, day bucket, story ids oldest first)``, at most the ids a query reads.
        stories: :meth:`StoryState.to_dict` of each new or changed story.
        dropped: Ids of stories merged away (their state rows go).
        copies: One row per new or changed article of the copy index (see
            :func:`newsfuse.copy_state.entry_row`).
        hashes: New ``(kind, 64-bit hash, article id)`` rows of the copy index's anchors and
            LSH bands (an iterable: a first run over a large corpus yields millions).
    """

    meta: dict[str, int]
    doc_freq: list[tuple[str, str, int]] = field(default_factory=list)
    postings: list[tuple[str, int, list[str]]] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)
    hashes: Iterable[tuple[int, int, str]] = ()


@dataclass
class IndexRemoval:
    """What deleting articles takes out of the store, its stories and their index, in one go.

    The stories that held the deleted articles (and any story whose articles share a copy
    family with them) are taken out whole; their other articles wait to be clustered again.

    Attributes:
        articles: Ids of the articles deleted; every row hanging off them goes too.
        unassigned: Ids of the other articles of the stories taken out: they leave their story
            (and the copy index) and wait to be clustered again.
        stories: Ids of the stories taken out (their rows, index state and coded events).
        meta: New counters of the index (``n``, the documents counted in the frequencies).
        doc_freq: ``(channel, term, document frequency)`` lowered by the articles taken out of
            the index; a row that falls to 0 goes.
        postings: ``(term, day bucket, story ids)`` without the stories taken out; an empty
            list's row goes.
        hashes: ``(kind, 64-bit hash, article id)`` copy-index rows of the articles taken out.
    """

    articles: list[str]
    unassigned: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    meta: dict[str, int] = field(default_factory=dict)
    doc_freq: list[tuple[str, str, int]] = field(default_factory=list)
    postings: list[tuple[str, int, list[str]]] = field(default_factory=list)
    hashes: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class QuoteVersion:
    """One outlet's wording of a quote."""

    article_id: str
    index: int
    outlet: str | None
    text: str


@dataclass(frozen=True)
class QuoteGroup:
    """A statement quoted by one or more of a story's reports.

    ``wording`` is ``same`` when every version has the same words (or quotes part of the same
    words), ``differs`` when the speaker's words differ between reports.
    """

    speaker: str | None
    versions: tuple[QuoteVersion, ...]
    wording: str


@dataclass(frozen=True)
class StoryInput:
    """What comparing a story needs, as plain data the store can build.

    Attributes:
        story_id: The story's id.
        articles: Its articles; ``article.meta.outlet`` names each outlet.
        analyses: Article id -> its stored analysis (entities, quotes, dates).
        lineages: Article id -> its lineage; copies of one text count as one source. An
            article without one counts as its own origin.
    """

    story_id: str
    articles: list[Article]
    analyses: Mapping[str, Analysis]
    lineages: Mapping[str, Lineage] = field(default_factory=dict)

"""The shared vocabulary: frozen dataclasses that flow between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: How a line of a page that is not body text was classified.
ChromeLabel = Literal[
    "navigation",
    "reading_time",
    "caption",
    "credit",
    "byline",
    "dateline",
    "section",
    "related",
    "newsletter",
    "cookie",
    "share",
    "advert",
    "footer",
    "repeated_lead",
    "teaser_repeat",
    "headline",
    "boilerplate",
]

BlockKind = Literal["paragraph", "heading"]
SourceFormat = Literal["text", "html", "jsonl"]


@dataclass(frozen=True)
class Origin:
    """Where an input came from: a file, a line of a JSONL file, a record id.

    For a record of a web archive, ``line`` is the byte offset where the record starts.
    """

    path: str | None = None
    line: int | None = None
    record_id: str | None = None

    def describe(self) -> str:
        """Short human-readable form, e.g. ``feed.jsonl:12 (id=abc)``."""
        out = self.path or "<stdin>"
        if self.line is not None:
            out += f":{self.line}"
        if self.record_id is not None:
            out += f" (id={self.record_id})"
        return out


@dataclass(frozen=True)
class Hints:
    """What the caller already knows about a report (CLI flags, JSONL fields).

    Hints override what is read off the page itself.
    """

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RawDocument:
    """One decoded input, ready to clean: text of a page dump or HTML source."""

    origin: Origin
    format: Literal["text", "html"]
    text: str
    hints: Hints = field(default_factory=Hints)
    encoding: str = "utf-8"
    via_jsonl: bool = False
    #: How sure ``encoding`` is, 0 to 1 (1 for UTF-8 and byte order marks; less for a guess).
    encoding_confidence: float = 1.0


@dataclass(frozen=True)
class Block:
    """One unit of clean body text: a paragraph or a subhead."""

    text: str
    kind: BlockKind = "paragraph"


@dataclass(frozen=True)
class ChromeLine:
    """A line removed from the body, with why it was removed."""

    text: str
    label: ChromeLabel
    line: int  # 0-based line number in the cleaned input (dump) or -1 (HTML)


@dataclass(frozen=True)
class CleanPage:
    """What a cleaner makes of one page: headline, body, and everything else labelled."""

    headline: str | None
    body: tuple[Block, ...]
    captions: tuple[str, ...] = ()
    chrome: tuple[ChromeLine, ...] = ()
    #: Metadata the page states outright (HTML meta tags, JSON-LD): author, date, sitename, url.
    page_meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Metadata:
    """Descriptive fields of an article, from the page and from hints."""

    headline: str | None = None
    byline: str | None = None
    outlet: str | None = None
    credit: str | None = None
    section: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_source: str | None = None  # "hint", "page", "text", "crawl"
    language: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None


@dataclass(frozen=True)
class Article:
    """A clean, described news report: the unit every later stage builds on."""

    id: str
    content_key: str
    origin: Origin
    format: SourceFormat
    meta: Metadata
    body: tuple[Block, ...]
    captions: tuple[str, ...] = ()
    chrome: tuple[ChromeLine, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    #: How sure the input's encoding (``extra["encoding"]``) is, 0 to 1; None when not known
    #: (articles stored before it was recorded).
    encoding_confidence: float | None = None

    @property
    def headline(self) -> str | None:
        return self.meta.headline

    def text(self) -> str:
        """The clean body as plain text, blocks separated by blank lines."""
        return "\n\n".join(b.text for b in self.body)


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article, and why."""

    origin: Origin
    reason: str  # a short code, e.g. "empty", "binary", "too_large"
    message: str  # what was wrong and how to fix it
    content_key: str | None = None


@dataclass(frozen=True)
class IngestSummary:
    """Counts from one ingest run.

    Attributes:
        skipped: Files a folder or glob reached that are no news inputs by their name (not
            rejects: nothing was wrong with them).
        clustered: Articles put into stories; ``analysed``: articles analysed; ``coded``:
            stories whose events were coded (each 0 when the run did not get that far).
        warnings: Articles stored with a doubt, in the form of a rejection (origin, a reason
            code such as ``encoding_uncertain``, a message) though they were not rejected.
        passed_over: Records of web archives that hold no report, counted by what they are
            (``request``, ``revisit``, ``not_html``, ``status_404``, ``truncated``...).
        failed: Articles stored whose analysis failed (see :class:`AnalysisRun`).
    """

    ingested: int = 0
    present: int = 0
    rejected: int = 0
    article_ids: tuple[str, ...] = ()
    rejects: tuple[Rejected, ...] = ()
    skipped: tuple[str, ...] = ()
    clustered: int = 0
    analysed: int = 0
    coded: int = 0
    warnings: tuple[Rejected, ...] = ()
    passed_over: tuple[tuple[str, int], ...] = ()
    failed: tuple[Rejected, ...] = ()


@dataclass(frozen=True)
class AnalysisRun:
    """What one analysis run did.

    Attributes:
        analysed: Articles analysed.
        failed: Articles whose analysis raised, as rejects with reason ``analysis_failed``
            (recorded in the store; later runs leave them out until retried).
    """

    analysed: int = 0
    failed: tuple[Rejected, ...] = ()


@dataclass(frozen=True)
class DeleteSummary:
    """What deleting articles did.

    Attributes:
        deleted: Ids of the articles deleted.
        stories: Current ids of the stories their story mates are in now.
        removed: Ids of stories that no longer exist (all their articles were deleted).
    """

    deleted: tuple[str, ...]
    stories: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class MigrateSummary:
    """What copying a store into another did, and how the copy was checked.

    Attributes:
        counts: Per table, its rows in the source and in the target.
        articles_checked: Articles whose export was compared in both stores.
        stories_checked: Stories whose export was compared in both stores.
        differences: What differs (a table's count, an article's or story's export).
    """

    counts: dict[str, tuple[int, int]]
    articles_checked: int
    stories_checked: int
    differences: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether the target holds what the source holds."""
        return not self.differences

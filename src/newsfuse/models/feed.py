"""Live sources: feeds followed, pages fetched over HTTP, what a poll of them did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: What a fetch of one URL came to: a stored article (``ok``), the same text as before
#: (``unchanged``, or ``not_modified`` when the server said 304), or ``rejected`` with a reason.
FetchStatus = Literal["ok", "unchanged", "not_modified", "rejected"]


@dataclass(frozen=True)
class Feed:
    """A feed or news sitemap followed by ``newsfuse watch``, and how its last poll went."""

    url: str
    outlet: str | None = None
    added_at: str | None = None
    polled_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    #: ``ok``, ``not_modified`` or the reason of the last failure (``http_500``, ``not_a_feed``).
    status: str | None = None
    message: str | None = None
    entries: int = 0


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed or sitemap: where the report is and what the feed says of it.

    The title, publication time and outlet become the report's hints; ``stamp`` (the
    entry's update time, else its publication time) tells a revised entry from one seen.
    """

    url: str
    title: str | None = None
    published: str | None = None
    stamp: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class FetchedPage:
    """One HTTP answer, read within the limits: the body decompressed, the hops recorded.

    ``status`` is 200 with a body, or 304 (not modified: no body).
    """

    url: str
    final_url: str
    status: int
    fetched_at: str
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()


@dataclass(frozen=True)
class FetchRecord:
    """The stored state of one URL: what was fetched last, and what it became.

    Written after the article it names is stored, so a fetch interrupted before it is
    redone, and ingest's content keys make the redo add nothing twice.
    """

    url: str
    status: FetchStatus
    fetched_at: str
    final_url: str | None = None
    article_id: str | None = None
    #: The article this one revises: the text fetched before from the same URL.
    previous_id: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    feed_url: str | None = None
    #: The feed entry's ``stamp`` and title when it was fetched (see :class:`FeedEntry`).
    entry_stamp: str | None = None
    reason: str | None = None
    message: str | None = None
    attempts: int = 1


@dataclass(frozen=True)
class FetchSummary:
    """Counts of fetching pages: stored (new reports), revised (stored as a new revision),
    unchanged, rejected; ``records`` holds what every URL came to, in order; ``clustered``
    and ``analysed`` count the articles then put into stories and analysed."""

    stored: int = 0
    revised: int = 0
    unchanged: int = 0
    rejected: int = 0
    records: tuple[FetchRecord, ...] = ()
    clustered: int = 0
    analysed: int = 0
    interrupted: bool = False


@dataclass(frozen=True)
class PollSummary:
    """What one poll of the followed feeds did: feeds read and failed, entries listed and
    already seen, and the fetches of the others (with the clustering after them)."""

    feeds: int = 0
    failed_feeds: tuple[Feed, ...] = ()
    entries: int = 0
    seen: int = 0
    fetched: FetchSummary = FetchSummary()

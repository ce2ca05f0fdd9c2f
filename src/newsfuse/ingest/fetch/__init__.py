"""Fetch pages, feeds and sitemaps over HTTP, politely, into raw documents and feed entries.

This package and its parent are the only parts of newsfuse that read the network.
"""

from __future__ import annotations

from newsfuse.ingest.decode import decode
from newsfuse.ingest.fetch.client import Fetcher, transient
from newsfuse.ingest.fetch.feeds import FeedReading, read_feed
from newsfuse.ingest.fetch.urls import clean_url, host_of
from newsfuse.models import FeedEntry, FetchedPage, Hints, Origin, RawDocument

__all__ = [
    "FeedReading",
    "Fetcher",
    "clean_url",
    "host_of",
    "page_document",
    "read_feed",
    "transient",
]


def page_document(page: FetchedPage, entry: FeedEntry | None, max_bytes: int) -> RawDocument:
    """A fetched page as a raw document: HTML (or text), with its URL and fetch time.

    The URL after redirects is the report's URL hint (the page's own canonical link is read
    by the cleaner); the feed entry's title, publication time and outlet are hints too. The
    fetch is kept in the article's extra fields: when, from which URL, through which hops.

    Raises:
        RejectedInput: when the body is empty, binary or cannot be decoded (see ``decode``).
    """
    decoded = decode(page.body, page.final_url.rsplit("/", 1)[-1], max_bytes, page.content_type)
    media = page.content_type.split(";", 1)[0].strip().lower()
    fmt = "text" if media == "text/plain" or decoded.format == "jsonl" else decoded.format
    if media in ("text/html", "application/xhtml+xml"):
        fmt = "html"
    extra: dict[str, object] = {"fetched_at": page.fetched_at, "fetched_from": page.url}
    if page.redirects:
        extra["redirects"] = list(page.redirects)
    hints = Hints(
        title=entry.title if entry else None,
        published=entry.published if entry else None,
        # Where the outlet of a fetched page is set: the feed's hint. A lookup of outlets by
        # URL (an outlets table) would fill it here for pages fetched without one.
        outlet=entry.outlet if entry else None,
        url=page.final_url,
        extra=extra,
    )
    return RawDocument(
        Origin(path=page.final_url),
        fmt,
        decoded.text,
        hints,
        decoded.encoding,
        encoding_confidence=decoded.confidence,
    )

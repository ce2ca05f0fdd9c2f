"""Follow feeds: add them (finding a site's feeds on its home page), and poll them once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from newsfuse.errors import RejectedInput
from newsfuse.ingest.fetch import FeedReading, Fetcher, clean_url, read_feed, transient
from newsfuse.live.fetching import Stop, entry_mark, fetch_page, finish, never
from newsfuse.models import Feed, FeedEntry, FetchRecord, PollSummary
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store

#: Child sitemaps of a sitemap index read in one poll: a news site's index names a few
#: (one per day or section); the rest are its archive.
MAX_CHILD_SITEMAPS = 10


def add_feed(url: str, store: Store, fetcher: Fetcher, outlet: str | None = None) -> list[Feed]:
    """Follow the feed or sitemap at ``url``; a site's home page stands for the feeds it
    links to (``<link rel="alternate">``), which are followed instead.

    Raises:
        RejectedInput: when ``url`` cannot be fetched, or is no feed and links to none.
    """
    url = clean_url(url)
    page = fetcher.get(url, kind="feed")
    reading = read_feed(page, outlet)
    urls = reading.links if reading.kind == "html" else (page.final_url,)
    return [store.add_feed(u, outlet) for u in urls]


def poll_feeds(
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    analyse: bool = True,
    progress: Progress = unwatched,
    stop: Stop = never,
) -> PollSummary:
    """Read every followed feed, fetch and ingest its entries that are new or changed, then
    put the new articles into stories.

    An entry is fetched when its URL was never fetched, when the feed gives it a new update
    time (or title), or when its last fetch failed for a passing reason (fewer than
    ``fetch_attempts`` times). A feed that fails is recorded with its reason and the others
    go on. A feed's validators (ETag, Last-Modified) are saved only once all its entries are
    done, so an interrupted poll lists them again next time.
    """
    feeds = store.feeds()
    records: list[FetchRecord] = []
    failed: list[Feed] = []
    listed = seen = 0
    progress("polling", 0, len(feeds))
    for done, feed in enumerate(feeds, 1):
        if stop():
            break
        try:
            listing, entries = _list(feed, fetcher)
        except Exception as exc:  # a broken feed is recorded; the others go on
            reason = exc.reason if isinstance(exc, RejectedInput) else "failed"
            message = exc.message if isinstance(exc, RejectedInput) else repr(exc)[:500]
            failed.append(_polled(store, feed, reason, message, feed.entries))
            continue
        listed += len(entries)
        for entry in entries:
            if stop():
                break
            if not _due(store.fetch_state(entry.url), entry, settings):
                seen += 1
                continue
            records.append(fetch_page(entry.url, store, settings, fetcher, entry, feed.url))
        if not stop():
            _polled(store, listing, listing.status or "ok", None, listing.entries)
        progress("polling", done, len(feeds))
    summary = finish(records, store, analyse, progress, stop(), settings.compares_at_ingest)
    return PollSummary(len(feeds), tuple(failed), listed, seen, summary)


def _list(feed: Feed, fetcher: Fetcher) -> tuple[Feed, list[FeedEntry]]:
    """The feed with the new validators and status of its answer, and its entries (none
    when it is not modified)."""
    page = fetcher.get(feed.url, "feed", feed.etag, feed.last_modified)
    if page.status == 304:
        return replace(feed, status="not_modified"), []
    reading = read_feed(page, feed.outlet)
    entries = list(reading.entries)
    # One level down: the feed a home page links to, or the sitemaps an index names.
    for link in reading.links[:MAX_CHILD_SITEMAPS]:
        entries.extend(_entries_of(link, feed.outlet, fetcher))
    unique = list({e.url: e for e in entries}.values())
    listing = replace(feed, etag=page.etag, last_modified=page.last_modified)
    return replace(listing, status="ok", entries=len(unique)), unique


def _entries_of(url: str, outlet: str | None, fetcher: Fetcher) -> tuple[FeedEntry, ...]:
    reading: FeedReading = read_feed(fetcher.get(url, "feed"), outlet)
    return reading.entries


def _due(before: FetchRecord | None, entry: FeedEntry, settings: Settings) -> bool:
    if before is None:
        return True
    if entry_mark(entry) != before.entry_stamp:
        return True  # the feed says the report was updated: ask for it again
    return (
        before.status == "rejected"
        and before.reason is not None
        and transient(before.reason)
        and before.attempts < settings.fetch_attempts
    )


def _polled(store: Store, feed: Feed, status: str, message: str | None, entries: int) -> Feed:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    polled = replace(feed, polled_at=now, status=status, message=message, entries=entries)
    store.feed_polled(polled)
    return polled

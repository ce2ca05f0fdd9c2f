"""Read a fetched feed into entries: RSS 0.9x/1.0/2.0 and Atom (feedparser), news sitemaps,
or, for an HTML page, the feeds it links to (trafilatura's feed discovery)."""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
from trafilatura.feeds import FeedParameters, determine_feed

from newsfuse.errors import RejectedInput
from newsfuse.ingest.fetch.sitemaps import is_sitemap, read_sitemap
from newsfuse.ingest.fetch.urls import clean_url
from newsfuse.models import FeedEntry, FetchedPage

#: Entries read from one feed: a news sitemap lists at most 1,000 (Google's limit), and
#: feeds list far fewer; more is a site map of the whole archive, not news.
MAX_ENTRIES = 1000


@dataclass(frozen=True)
class FeedReading:
    """What a feed gave: its entries, and further feeds or sitemaps to read (the children
    of a sitemap index, or the feeds an HTML page links to)."""

    entries: tuple[FeedEntry, ...] = ()
    links: tuple[str, ...] = ()
    kind: str = "feed"


def read_feed(page: FetchedPage, outlet: str | None = None) -> FeedReading:
    """The entries of a fetched feed, sitemap, or the feeds an HTML page links to.

    Args:
        page: the fetched answer (its body and final URL).
        outlet: the outlet of every entry, when the feed was added with one.

    Raises:
        RejectedInput: ``not_a_feed`` when the answer is none of these (an HTML page that
            links to no feed, a feed that is broken past reading, an empty answer).
    """
    if not page.body.strip():
        raise RejectedInput("not_a_feed", f"{page.final_url} answered with no content")
    if is_sitemap(page.body):
        found, children = read_sitemap(page.body, page.final_url, outlet)
        return FeedReading(found[:MAX_ENTRIES], children, "sitemap")
    parsed = feedparser.parse(page.body, response_headers={"content-location": page.final_url})
    if parsed.get("version"):
        entries = [e for e in map(_entry, parsed.entries[:MAX_ENTRIES]) if e is not None]
        return FeedReading(tuple(e if outlet is None else _with(e, outlet) for e in entries))
    links = _discover(page)
    if links:
        return FeedReading(links=links, kind="html")
    raise RejectedInput(
        "not_a_feed",
        f"{page.final_url} is not an RSS or Atom feed nor a sitemap, and links to no feed"
        + (f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""),
    )


def _entry(item: feedparser.FeedParserDict) -> FeedEntry | None:
    link = item.get("link") or _guid_link(item)
    if not link:
        return None
    try:
        url = clean_url(link)
    except RejectedInput:
        return None
    # dict.get: feedparser's own get maps a missing "updated" to "published", with a warning.
    published = _iso(item.get("published_parsed")) or _iso(dict.get(item, "updated_parsed"))
    stamp = dict.get(item, "updated") or item.get("published")
    title = (item.get("title") or "").strip() or None
    return FeedEntry(url=url, title=title, published=published, stamp=stamp or None)


def _guid_link(item: feedparser.FeedParserDict) -> str | None:
    # An RSS guid with isPermaLink (the default) is the item's URL when <link> is missing.
    guid = item.get("id") or ""
    return guid if guid.startswith(("http://", "https://")) and item.get("guidislink") else None


def _with(entry: FeedEntry, outlet: str) -> FeedEntry:
    return FeedEntry(entry.url, entry.title, entry.published, entry.stamp, outlet)


def _iso(parsed: time.struct_time | None) -> str | None:
    # feedparser gives every date it can read as a UTC struct_time, whatever the feed's format.
    if not parsed:
        return None
    stamp = time.gmtime(calendar.timegm(parsed))
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", stamp)


def _discover(page: FetchedPage) -> tuple[str, ...]:
    text = page.body.decode("utf-8", "replace")
    if "<" not in text[:2000]:
        return ()
    parts = urlsplit(page.final_url)
    base = f"{parts.scheme}://{parts.netloc}"
    params = FeedParameters(base, parts.hostname or "", page.final_url)
    found = []
    for link in determine_feed(text, params):
        try:
            found.append(clean_url(link))
        except RejectedInput:
            continue
    return tuple(dict.fromkeys(u for u in found if u != page.final_url))

"""Live sources: fetch pages by URL, follow feeds and sitemaps, and watch them on a schedule.

Fetching is :mod:`newsfuse.ingest.fetch`; this package puts what it fetches through the
pipeline (ingest, stories, analysis) and keeps the fetch state in the store.
"""

from __future__ import annotations

from newsfuse.live.fetching import fetch_page, fetch_urls
from newsfuse.live.polling import add_feed, poll_feeds
from newsfuse.live.watch import parse_interval, watch

__all__ = ["add_feed", "fetch_page", "fetch_urls", "parse_interval", "poll_feeds", "watch"]

"""Follow the news: poll the feeds on a schedule until told to stop."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from newsfuse.errors import ConfigError
from newsfuse.ingest.fetch import Fetcher
from newsfuse.live.polling import poll_feeds
from newsfuse.models import PollSummary
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``5m``, ``1h`` or a bare number of seconds.

    Raises:
        ConfigError: for anything else, or an interval under one second.
    """
    match = _INTERVAL.match(text.lower())
    if not match or float(match[1]) * _UNITS[match[2]] < 1:
        raise ConfigError(f"cannot read {text!r} as an interval; use e.g. 30s, 5m or 1h")
    return float(match[1]) * _UNITS[match[2]]


def watch(
    store: Store,
    settings: Settings,
    every: float,
    stop: threading.Event,
    report: Callable[[int, PollSummary], None],
    rounds: int | None = None,
    analyse: bool = True,
    progress: Progress = unwatched,
) -> int:
    """Poll the followed feeds every ``every`` seconds, ingest and cluster what is new, and
    tell ``report`` what each poll did; return the number of polls.

    Network errors, bad feeds and bad pages are recorded with their reason and the loop goes
    on. Setting ``stop`` (a signal handler does) ends it after the current article; waits
    (between polls, between requests, before a retry) end at once. Everything fetched is in
    the store as it is fetched, so a run killed outright loses nothing: the next one goes on.
    """
    done = 0
    with Fetcher(settings, sleep=stop.wait) as fetcher:
        while not stop.is_set():
            summary = poll_feeds(store, settings, fetcher, analyse, progress, stop.is_set)
            done += 1
            report(done, summary)
            if rounds is not None and done >= rounds:
                break
            stop.wait(every)
    return done

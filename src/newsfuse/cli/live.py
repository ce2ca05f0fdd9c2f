"""Commands about live sources: fetch pages by URL, follow feeds, watch them."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import err, json_lines, out, show, table

if TYPE_CHECKING:
    from newsfuse.models import FetchSummary, PollSummary

_NO_ANALYSE = click.option(
    "--no-analyse", is_flag=True, help="Skip entities, quotes, dates and events."
)


@click.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--from",
    "from_file",
    type=click.File("r"),
    help="Read URLs from this file (- is stdin), one a line.",
)
@_NO_ANALYSE
@click.pass_obj
def fetch(obj: Context, urls: tuple[str, ...], from_file: TextIO | None, no_analyse: bool) -> None:
    """Download pages and ingest them, politely (robots.txt, a rate per host, retries).

    Exit status: 0 when every page was stored or unchanged, 1 when any was rejected.
    """
    listed = (
        [u.strip() for u in from_file if u.strip() and not u.startswith("#")] if from_file else []
    )
    if not urls and not listed:
        raise click.UsageError("give URLs, or --from FILE")
    from newsfuse.cli.progress import stage_progress
    from newsfuse.ingest.fetch import Fetcher
    from newsfuse.live import fetch_urls

    store = obj.store(create=True)
    with stage_progress(err) as progress, Fetcher(obj.settings) as fetcher:
        summary = fetch_urls(
            [*urls, *listed], store, obj.settings, fetcher, not no_analyse, progress
        )
    _report(summary)
    sys.exit(1 if summary.rejected else 0)


def _report(s: FetchSummary) -> None:
    for rec in s.records:
        if rec.status == "rejected":
            show(f"rejected {rec.url}: {rec.reason}: {rec.message}", to=err)
    out.print(
        f"stored {s.stored}, revised {s.revised}, unchanged {s.unchanged}, "
        f"rejected {s.rejected}, into stories {s.clustered}, analysed {s.analysed}"
    )


@click.group()
def feeds() -> None:
    """Follow feeds and news sitemaps (RSS, Atom): add, list, remove, poll."""


@feeds.command(name="add")
@click.argument("url")
@click.option("--outlet", help="Outlet name of the feed's reports.")
@click.pass_obj
def feeds_add(obj: Context, url: str, outlet: str | None) -> None:
    """Follow a feed or sitemap; a site's home page adds the feeds it links to."""
    from newsfuse.ingest.fetch import Fetcher
    from newsfuse.live import add_feed

    store = obj.store(create=True)
    with Fetcher(obj.settings) as fetcher:
        added = add_feed(url, store, fetcher, outlet)
    for feed in added:
        show(f"following {feed.url}" + (f" ({feed.outlet})" if feed.outlet else ""))


@feeds.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed.")
@click.pass_obj
def feeds_list(obj: Context, as_json: bool) -> None:
    """List the followed feeds and how their last poll went."""
    from dataclasses import asdict

    rows = [asdict(f) for f in obj.store().feeds()]
    if as_json:
        json_lines(rows)
        return
    table(rows, ["url", "outlet", "polled_at", "status", "entries", "message"])


@feeds.command(name="remove")
@click.argument("urls", nargs=-1, required=True)
@click.pass_obj
def feeds_remove(obj: Context, urls: tuple[str, ...]) -> None:
    """Stop following feeds; the articles fetched from them stay."""
    store = obj.store()
    for url in urls:
        if not store.remove_feed(url):
            raise click.BadParameter(f"{url} is not followed; see 'newsfuse feeds list'")
        show(f"stopped following {url}")


@feeds.command(name="poll")
@_NO_ANALYSE
@click.pass_obj
def feeds_poll(obj: Context, no_analyse: bool) -> None:
    """Poll every followed feed once: fetch and ingest what is new or changed."""
    from newsfuse.cli.progress import stage_progress
    from newsfuse.ingest.fetch import Fetcher
    from newsfuse.live import poll_feeds

    store = obj.store()
    with stage_progress(err) as progress, Fetcher(obj.settings) as fetcher:
        summary = poll_feeds(store, obj.settings, fetcher, not no_analyse, progress)
    out.print(poll_line(1, summary))
    for feed in summary.failed_feeds:
        show(f"feed failed {feed.url}: {feed.status}: {feed.message}", to=err)


@click.command()
@click.option("--every", default="5m", show_default=True, help="Time between polls: 30s, 5m, 1h.")
@click.option(
    "--rounds", type=click.IntRange(min=1), default=None, help="Stop after this many polls."
)
@_NO_ANALYSE
@click.pass_obj
def watch(obj: Context, every: str, rounds: int | None, no_analyse: bool) -> None:
    """Poll the followed feeds on a schedule, ingest and cluster what is new; a line per poll.

    Errors are recorded and the loop goes on; Ctrl-C (or SIGTERM) ends it after the current
    article. Runs beside 'newsfuse serve' on the same store.
    """
    from newsfuse.cli.progress import stage_progress
    from newsfuse.live import parse_interval
    from newsfuse.live import watch as watching

    seconds = parse_interval(every)
    store = obj.store()
    if not store.feeds():
        raise click.UsageError("no feeds are followed; add one with 'newsfuse feeds add URL'")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    with stage_progress(err) as progress:
        polls = watching(store, obj.settings, seconds, stop, _say, rounds, not no_analyse, progress)
    show(f"stopped after {polls} polls", to=err)


def _say(number: int, summary: PollSummary) -> None:
    out.print(poll_line(number, summary))
    for feed in summary.failed_feeds:
        show(f"  feed failed {feed.url}: {feed.status}: {feed.message}", to=err)
    for rec in summary.fetched.records:
        if rec.status == "rejected":
            show(f"  rejected {rec.url}: {rec.reason}: {rec.message}", to=err)


def poll_line(number: int, s: PollSummary) -> str:
    """The one-line status of a poll."""
    f = s.fetched
    return (
        f"poll {number} {datetime.now().strftime('%H:%M:%S')}: {s.feeds} feeds"
        f" ({len(s.failed_feeds)} failed), {s.entries} entries ({s.seen} seen): stored {f.stored},"
        f" revised {f.revised}, unchanged {f.unchanged}, rejected {f.rejected},"
        f" into stories {f.clustered}" + (" (interrupted)" if f.interrupted else "")
    )

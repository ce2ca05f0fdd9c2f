"""The Python API: a store opened for use from code, with what the CLI and the web show.

Every method returns the same objects the command line and the web pages are built from: the
dataclasses of :mod:`newsfuse.models` (articles, comparisons, briefs) and the plain dicts of
:mod:`newsfuse.views` (story rows, entities, quotes, events). Stage code loads on first use,
so opening a store and listing stories stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any

from newsfuse.models import (
    Article,
    Brief,
    Comparison,
    DeleteSummary,
    Feed,
    FetchSummary,
    Hints,
    IngestSummary,
    PollSummary,
    Rejected,
    StoryInput,
)
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings, load_settings
from newsfuse.store import open_store
from newsfuse.store.base import Store

__all__ = ["News", "open_news"]


def open_news(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> News:
    """Open (creating and migrating if needed) a newsfuse store.

    Args:
        db: A SQLite file path or a store URL; ``NEWSFUSE_DB`` or ``./newsfuse.db`` when None.
        create: Create the store when it does not exist; when False a missing store raises
            :class:`~newsfuse.errors.MissingStore`.

    Returns:
        The store, ready for ingest and reading; use it as a context manager to close it.
    """
    settings = load_settings(db=None if db is None else os.fspath(db))
    store = open_store(settings.db, create=create, lock_timeout=settings.lock_timeout)
    return News(store, settings)


class News:
    """A newsfuse store and what can be asked of it. Build one with :func:`open_news`."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def __enter__(self) -> News:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    # -- adding and removing reports ------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        outlet: str | None = None,
        published: str | None = None,
        url: str | None = None,
        analyse: bool = True,
        progress: Progress = unwatched,
    ) -> IngestSummary:
        """Ingest files, folders or globs (page dumps, HTML, gzip, JSONL), as
        ``newsfuse ingest`` does: stored, put into stories and, with ``analyse``, read.

        ``outlet``, ``published`` and ``url`` override what the inputs say. Rejected inputs
        are recorded and listed in the summary; they never stop the batch.
        """
        from newsfuse.pipeline import ingest_paths

        hints = Hints(published=published, outlet=outlet, url=url)
        names = [os.fspath(p) for p in paths]
        return ingest_paths(names, hints, self.store, self.settings, analyse, progress)

    def add(
        self,
        records: Iterable[Mapping[str, Any]],
        *,
        analyse: bool = True,
        progress: Progress = unwatched,
    ) -> IngestSummary:
        """Ingest reports given as records with the fields of a JSONL feed line: ``text`` or
        ``html``, and optionally ``id``, ``title``, ``published``, ``outlet``, ``url``."""
        from newsfuse.ingest import read_records
        from newsfuse.pipeline import ingest_items

        items = read_records(records, Hints())
        return ingest_items(items, self.store, self.settings, analyse, progress)

    def fetch(self, urls: Iterable[str], *, analyse: bool = True) -> FetchSummary:
        """Download pages (politely: see ``newsfuse settings``) and ingest them."""
        from newsfuse.ingest.fetch import Fetcher
        from newsfuse.live import fetch_urls

        with Fetcher(self.settings) as fetcher:
            return fetch_urls(urls, self.store, self.settings, fetcher, analyse)

    def follow(self, url: str, outlet: str | None = None) -> list[Feed]:
        """Follow a feed or news sitemap (a home page: the feeds it links to)."""
        from newsfuse.ingest.fetch import Fetcher
        from newsfuse.live import add_feed

        with Fetcher(self.settings) as fetcher:
            return add_feed(url, self.store, fetcher, outlet)

    def poll(self, *, analyse: bool = True) -> PollSummary:
        """Poll the followed feeds once: fetch and ingest what is new or revised."""
        from newsfuse.ingest.fetch import Fetcher
        from newsfuse.live import poll_feeds

        with Fetcher(self.settings) as fetcher:
            return poll_feeds(self.store, self.settings, fetcher, analyse)

    def delete(self, article_ids: Iterable[str]) -> DeleteSummary:
        """Remove articles (ids or unique prefixes) and everything read off them; the stories
        that held them are rebuilt."""
        from newsfuse.delete import delete_articles

        return delete_articles(self.store, list(article_ids))

    # -- articles ---------------------------------------------------------------------------

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles, oldest ingest first."""
        return self.store.articles(limit=limit, offset=offset)

    def article(self, article_id: str) -> Article:
        """One article by id or unique prefix; raises :class:`~newsfuse.errors.NotFound`."""
        return self.store.article(article_id)

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """What was read off one article (entities, quotes, dates), as stored."""
        return self.store.analysis(self.store.article(article_id).id)

    def rejects(self) -> list[Rejected]:
        """Inputs that did not become articles, with the reason."""
        return self.store.rejects()

    # -- stories ----------------------------------------------------------------------------

    def stories(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories, most recent first: id, label, dates, articles, sources, outlets."""
        return self.store.story_rows(limit=limit)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose headline or body hold the words, best first, with their story."""
        return self.store.search(query, limit=limit, offset=offset)

    def story(self, story_id: str) -> dict[str, Any]:
        """One story's row with its members (old merged ids and unique prefixes resolve)."""
        return self.store.story_row(story_id)

    def story_input(self, story_id: str) -> StoryInput:
        """A story's articles, their analyses and copy lineage: what the readers below take."""
        from newsfuse.store.stories import story_input

        return story_input(self.store, story_id)

    def entities(self, story_id: str) -> list[dict[str, Any]]:
        """A story's entities, one per real-world actor, places resolved."""
        from newsfuse.views import story_entity_rows

        return story_entity_rows(self.story_input(story_id))

    def quotes(self, story_id: str, speaker: str | None = None) -> list[dict[str, Any]]:
        """A story's quotes matched across its reports (a differing wording is flagged)."""
        from newsfuse.views import story_quote_rows

        return story_quote_rows(self.story_input(story_id), speaker)

    def events(self, story_id: str) -> list[dict[str, Any]]:
        """A story's PLOVER events, one row per real event, with the reports stating it."""
        from newsfuse.views import story_event_rows

        return story_event_rows(self.store, story_id)

    def compare(self, story_id: str) -> Comparison:
        """A story's claims grouped into facts: corroborated, single-source or conflicting."""
        from newsfuse.pipeline import compared

        return compared(self.store, story_id).comparison

    def brief(self, story_id: str, long: bool = False) -> Brief:
        """A story's cited brief, built from its reports' own sentences: a lead and key points
        (at most 250 words), or with ``long`` the full dossier."""
        from newsfuse.pipeline import compared

        made = compared(self.store, story_id)
        return made.dossier if long else made.brief

    def export(self) -> Iterator[dict[str, Any]]:
        """Every record of ``newsfuse export`` (schema in docs/export.md)."""
        from newsfuse.export import records

        return records(self.store)

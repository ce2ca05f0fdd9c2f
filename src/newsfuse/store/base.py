"""The store interface every back-end implements (SQLite now, PostgreSQL behind the same)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from newsfuse.models import (
    Article,
    Feed,
    FetchRecord,
    IndexRemoval,
    IndexRows,
    Lineage,
    Outlet,
    Rejected,
    Story,
)

#: The longest id (or id prefix) a lookup accepts. The ids newsfuse makes are far shorter
#: (articles 16 characters, stories 13, entities at most 69); a longer one names nothing, and
#: is refused before it reaches a query (SQLite refuses LIKE patterns over 50,000 bytes).
MAX_ID_LENGTH = 128
#: What the ids newsfuse makes are made of; the web answers only ids of this form.
ID_PATTERN = r"^[A-Za-z0-9_-]+$"


class Store(Protocol):
    """Where ingest writes and every reader (CLI, export, web) reads."""

    def claim(self, name: str) -> AbstractContextManager[None]:
        """Hold the claim ``name`` for a ``with`` block: one process at a time does the work
        it names (``stories``: the story index; ``analysis``; ``events``), others wait."""
        ...

    def has_content(self, content_key: str) -> bool:
        """Whether an article with this content key is stored already."""
        ...

    def add_article(self, article: Article) -> bool:
        """Store one article in one transaction; False when its content is already present."""
        ...

    def add_reject(self, rejected: Rejected) -> None:
        """Record a rejected input (once per origin and reason)."""
        ...

    def article(self, id_or_prefix: str) -> Article:
        """The article with this id (or a unique id prefix); raises NotFound."""
        ...

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles, oldest ingest first."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest ingest first, without loading all at once."""
        ...

    def count_articles(self) -> int: ...

    def rejects(self) -> list[Rejected]:
        """Every recorded rejection, oldest first, then every recorded analysis failure."""
        ...

    def add_analysis(self, data: dict[str, Any]) -> None:
        """Store one article's analysis (JSON form), replacing an older one."""
        ...

    def analysis(self, article_id: str) -> dict[str, Any] | None: ...

    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def unanalysed(self, version: int, limit: int) -> list[Article]:
        """Articles with no analysis of this version, oldest ingest first."""
        ...

    def unanalysed_ids(self, version: int) -> list[str]:
        """Ids of every article :meth:`unanalysed` has to give, in its order."""
        ...

    def count_unanalysed(self, version: int) -> int:
        """How many articles have no analysis of this version."""
        ...

    def add_analysis_failure(
        self, article_id: str, version: int, reason: str, message: str
    ) -> None:
        """Record that analysing an article failed: later runs leave it out (of this version)."""
        ...

    def analysis_failures(self, article_ids: Sequence[str] | None = None) -> list[Rejected]:
        """Recorded analysis failures as rejects with reason ``analysis_failed``."""
        ...

    def retry_analyses(self) -> int:
        """Forget recorded analysis failures so they are tried again; returns how many."""
        ...

    def quote_rows(
        self, speaker: str | None = None, article_ids: Sequence[str] | None = None
    ) -> list[dict[str, Any]]: ...

    def entity_rows(self, article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]: ...

    def unassigned_ids(self) -> list[str]: ...

    def count_in_stories(self) -> int:
        """How many articles belong to a story."""
        ...

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]: ...

    def save_stories(
        self,
        stories: Sequence[Story],
        lineages: Sequence[Lineage],
        merges: Sequence[tuple[str, str]],
        index: IndexRows | None = None,
        replace_all: bool = False,
    ) -> None:
        """Write stories, lineages, merges and index rows in one transaction."""
        ...

    # The story index, read row by row by newsfuse.stories.cluster.stored and
    # newsfuse.stories.copies.stored.

    def index_meta(self) -> dict[str, int]: ...

    def legacy_index(self) -> dict[str, Any] | None:
        """An index an older store saved as one blob, until :meth:`replace_index` converts it."""
        ...

    def replace_index(self, rows: IndexRows, aliases: Mapping[str, str]) -> None:
        """Replace the whole index and record ``aliases`` (old story id -> new) as merges."""
        ...

    def index_doc_freq(self, channel: str, terms: Sequence[str]) -> dict[str, int]: ...

    def index_postings(
        self, terms: Sequence[str], buckets: Sequence[int]
    ) -> dict[tuple[str, int], list[str]]: ...

    def index_latest_postings(self, term: str, count: int) -> dict[int, list[str]]: ...

    def index_stories(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def index_story_ids(self) -> list[str]: ...

    def index_aliases(self, ids: Sequence[str]) -> dict[str, str]: ...

    def index_articles(self, article_ids: Sequence[str]) -> dict[str, str]: ...

    def copy_entries(self, article_ids: Sequence[str]) -> list[dict[str, Any]]: ...

    def copy_by_digest(self, digest: int) -> str | None: ...

    def copy_hashes(self, kind: int, keys: Sequence[int]) -> list[tuple[int, str]]: ...

    def copy_family(self, original: str) -> list[str]: ...

    def copy_referrers(self, article_ids: Sequence[str]) -> list[str]:
        """Articles whose copy lineage names one of these as what they copy or their original."""
        ...

    def remove_articles(self, removal: IndexRemoval) -> None:
        """Delete articles and take the stories that held them out, in one transaction."""
        ...

    def pending_story_ids(self) -> list[str]:
        """Stories whose members or analyses changed since their facts were last checked."""
        ...

    def story_checked(self, story_id: str, basis: str | None = None) -> None:
        """Unmark a story whose facts are current (made from ``basis``, if still its basis)."""
        ...

    def story_of(self, article_id: str) -> str | None: ...

    def resolve_story(self, story_id: str) -> str: ...

    def story_rows(self, limit: int | None = None) -> list[dict[str, Any]]: ...

    def story_row(self, story_id: str) -> dict[str, Any]: ...

    def story_article_ids(self, story_id: str) -> list[str]: ...

    def story_events(self, story_id: str) -> tuple[str, list[dict[str, Any]]] | None: ...

    def save_story_events(
        self, story_id: str, basis: str, rows: list[dict[str, Any]], unmark: bool = True
    ) -> None:
        """Store a story's coded events, made from ``basis``; with ``unmark``, and if that is
        still its basis, the story is no longer pending (``pending_story_ids``)."""
        ...

    def story_basis(self, story_id: str) -> str:
        """What a story's derived facts depend on: its members and their analysis versions."""
        ...

    def story_comparison(self, story_id: str) -> tuple[str, dict[str, Any]] | None:
        """A story's stored comparison and briefs (JSON form) and the key they were made
        under (see :mod:`newsfuse.pipeline.comparisons`), if stored."""
        ...

    def save_story_comparison(self, story_id: str, key: str, data: dict[str, Any]) -> None:
        """Replace a story's stored comparison and briefs, made under ``key``."""
        ...

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose headline or body hold the words, best match first, with their story."""
        ...

    def find_stories(
        self,
        query: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stories, newest first, narrowed by any of the filters."""
        ...

    def outlets(self) -> list[str]:
        """Every outlet name that has an article, alphabetically."""
        ...

    def entity_articles(self, entity_id: str, limit: int = 200) -> list[dict[str, Any]]:
        """The articles that name an entity, newest first, with the name each one uses."""
        ...

    def integrity_check(self) -> str:
        """``ok`` when the database is consistent, else what is wrong."""
        ...

    # Live sources (newsfuse.live): followed feeds, the last fetch of every URL, revisions.

    def add_feed(self, url: str, outlet: str | None = None) -> Feed:
        """Follow a feed (once per URL); a new ``outlet`` replaces the one recorded."""
        ...

    def feeds(self, urls: Sequence[str] | None = None) -> list[Feed]: ...

    def remove_feed(self, url: str) -> bool: ...

    def feed_polled(self, feed: Feed) -> None:
        """Record how a poll of the feed went."""
        ...

    def fetch_state(self, url: str) -> FetchRecord | None: ...

    def record_fetch(self, record: FetchRecord) -> None:
        """Store the last fetch of a URL and, for a revision, its link, in one transaction."""
        ...

    def revisions(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Article -> the article it revises, for those of ``article_ids`` that revise one."""
        ...

    # Outlets as records (newsfuse.store.sqlite.outlets).

    def outlet_records(self) -> list[Outlet]:
        """Every outlet of the store with its domains, by name."""
        ...

    def add_outlets(self, outlets: Sequence[Outlet], replace: bool = False) -> None:
        """Add outlets in one transaction; raises ConfigError on a name or domain clash."""
        ...

    def remove_outlet(self, name: str) -> bool: ...

    def coverage_rows(self, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Each story's members: id, outlet, url, published, copy_of."""
        ...

    def close(self) -> None: ...

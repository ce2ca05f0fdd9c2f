"""The store interface every back-end implements (SQLite now, PostgreSQL behind the same)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from newsfuse.cluster import Story
from newsfuse.dedupe import Lineage
from newsfuse.models import Article, Rejected


class Store(Protocol):
    """Where ingest writes and every reader (CLI, export, web) reads."""

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
        """Every recorded rejection, oldest first."""
        ...

    def add_analysis(self, data: dict[str, Any]) -> None:
        """Store one article's analysis (JSON form), replacing an older one."""
        ...

    def analysis(self, article_id: str) -> dict[str, Any] | None: ...

    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def unanalysed(self, version: int, limit: int) -> list[Article]:
        """Articles with no analysis of this version, oldest ingest first."""
        ...

    def quote_rows(
        self, speaker: str | None = None, article_ids: Sequence[str] | None = None
    ) -> list[dict[str, Any]]: ...

    def entity_rows(self, article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]: ...

    def unassigned_ids(self) -> list[str]: ...

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]: ...

    def cluster_state(self) -> dict[str, Any] | None: ...

    def save_stories(
        self,
        stories: Sequence[Story],
        lineages: Sequence[Lineage],
        merges: Sequence[tuple[str, str]],
        state: dict[str, Any],
        replace_all: bool = False,
    ) -> None: ...

    def story_of(self, article_id: str) -> str | None: ...

    def resolve_story(self, story_id: str) -> str: ...

    def story_rows(self, limit: int | None = None) -> list[dict[str, Any]]: ...

    def story_row(self, story_id: str) -> dict[str, Any]: ...

    def story_article_ids(self, story_id: str) -> list[str]: ...

    def story_events(self, story_id: str) -> tuple[str, list[dict[str, Any]]] | None: ...

    def save_story_events(self, story_id: str, basis: str, rows: list[dict[str, Any]]) -> None:
        ...

    def story_basis(self, story_id: str) -> str: ...

    def close(self) -> None: ...

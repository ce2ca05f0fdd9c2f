"""The store interface every back-end implements (SQLite now, PostgreSQL behind the same)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

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

    def close(self) -> None: ...

"""What every command gets: the resolved settings and a way to open the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.settings import Settings

if TYPE_CHECKING:
    from newsfuse.models import StoryInput
    from newsfuse.store.base import Store


class Context:
    """The CLI's shared state, built once by the top-level group."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None

    def store(self, create: bool = False) -> Store:
        """The store, opened on first use; only commands that add to it (ingest) may create it.

        Raises:
            MissingStore: when there is no database at ``--db`` and ``create`` is false.
        """
        if self._store is None:
            # Imported here: the store is not needed by --help or a usage error.
            from newsfuse.store import open_store

            settings = self.settings
            self._store = open_store(settings.db, create=create, lock_timeout=settings.lock_timeout)
        return self._store

    def story(self, story_id: str) -> StoryInput:
        """A story as comparing and merging take it: articles, analyses, copy lineage.

        Raises:
            NotFound: when the id (or unique prefix) matches no story, or several.
        """
        from newsfuse.store.stories import story_input

        return story_input(self.store(), story_id)

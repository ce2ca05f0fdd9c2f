"""What every command gets: the resolved settings and a way to open the store."""

from __future__ import annotations

from newsfuse.settings import Settings
from newsfuse.store import open_store
from newsfuse.store.sqlite.store import SqliteStore


class Context:
    """The CLI's shared state, built once by the top-level group."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def store(self, create: bool = False) -> SqliteStore:
        """Open the store; only commands that add to it (ingest) may create a new one.

        Raises:
            MissingStore: when there is no database at ``--db`` and ``create`` is false.
        """
        return open_store(self.settings.db, create=create)

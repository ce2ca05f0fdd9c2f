"""The exception tree of newsfuse.

::

    NewsfuseError                 base of everything newsfuse raises on purpose
    ├── RejectedInput             an input cannot become an article (recorded, batch goes on)
    ├── ConfigError               a setting or flag has a value newsfuse cannot use
    ├── StoreError                the store cannot be opened, migrated or written
    │   ├── UnsupportedStore      the --db URL names a back-end that is not available
    │   ├── MissingStore          the --db file does not exist (only ingest creates a store)
    │   └── InconsistentStore     the story index lacks a row its stories need
    └── NotFound                  an id asked for does not exist in the store

Messages say what was wrong and how to fix it.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""


class RejectedInput(NewsfuseError):
    """An input that cannot become an article.

    Attributes:
        reason: a short stable code (``empty``, ``binary``, ``too_large`` ...).
        message: what was wrong and how to fix it.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


class ConfigError(NewsfuseError):
    """A setting, flag or environment variable has an unusable value."""


class StoreError(NewsfuseError):
    """The store cannot be opened, migrated or written."""


class UnsupportedStore(StoreError):
    """The database URL names a back-end that is not available."""


class MissingStore(StoreError):
    """The database file named by ``--db`` does not exist, and the command does not create one."""


class NotFound(NewsfuseError):
    """An article, story or other id does not exist in the store."""


class InconsistentStore(StoreError):
    """The story index lacks a row that its stories need (an article's copy entry, a story's
    state): left by runs of older versions that wrote one store at once. Grouping into
    stories repairs it by rebuilding the index, as ``newsfuse recluster`` does."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}; run 'newsfuse recluster' to rebuild the story index")

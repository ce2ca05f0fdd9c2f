"""How slow stages report how far they got: a callback the caller renders (library never prints)."""

from __future__ import annotations

from collections.abc import Callable

#: Told how far a slow stage has got: ``(stage, done, total)``, ``total`` None when unknown.
#: The stages of an ingest, in order: reading (files), cleaning (documents), clustering
#: (articles), analysing (articles), comparing (stories), events (stories).
Progress = Callable[[str, int, int | None], None]


def unwatched(stage: str, done: int, total: int | None) -> None:
    """The default :data:`Progress`: nobody is watching."""

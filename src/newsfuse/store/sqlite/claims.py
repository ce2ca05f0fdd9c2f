"""Claims on a store's shared work, so that any number of processes can write to one store.

Grouping into stories reads the story index, changes it in memory and writes it back; two
processes doing that at once both take the same new articles and one overwrites the other's
index rows. So each such step runs under a claim: an exclusive lock on a file beside the
database (``news.db-claim-stories``), taken with ``flock``. The operating system drops the
lock when its process ends, however it ends (a ``kill -9`` included), so a crashed writer
never leaves a stale claim behind, and no SQLite write lock is held while the work is done:
other processes go on storing articles and analyses meanwhile.

A claim is re-entrant within one store object (deleting articles re-clusters under the claim
it already holds). An in-memory database has one connection and needs none.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from newsfuse.errors import StoreError

#: How often a waiting process tries the lock again, in seconds.
_POLL = 0.05


#: What releases a claim taken by :meth:`Claims._acquire`.
Release = Callable[[], None]


class Claims:
    """The claims one store object holds, by name: re-entrant, waiting at most ``timeout``.

    How a claim is taken between processes is :meth:`_acquire`'s: a file lock here, an
    advisory lock in :class:`newsfuse.store.postgres.claims.PgClaims`.
    """

    def __init__(self, db_path: str, timeout: float) -> None:
        """Claims on the store in ``db_path``; waiting at most ``timeout`` seconds (0: as long
        as the holder runs)."""
        self._base = None if db_path in ("", ":memory:") else db_path
        self._timeout = timeout
        self._held: dict[str, tuple[Release | None, int]] = {}

    @contextmanager
    def claim(self, name: str) -> Iterator[None]:
        """Hold the claim ``name`` for the ``with`` block, waiting for another process's.

        Raises:
            StoreError: when another process has held it for longer than the timeout.
        """
        release, depth = self._held.get(name, (None, 0))
        if depth == 0 and self._base is not None:
            release = self._acquire(name)
        self._held[name] = (release, depth + 1)
        try:
            yield
        finally:
            release, depth = self._held.pop(name)
            if depth > 1:
                self._held[name] = (release, depth - 1)
            elif release is not None:
                release()

    def _acquire(self, name: str) -> Release:
        path = f"{self._base}-claim-{name}"
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - closed when released
        try:
            self._wait(name, lambda: _try_lock(handle), lambda: _holder(handle), repr(self._base))
        except StoreError:
            handle.close()
            raise
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        return handle.close  # closing the file releases the lock

    def _wait(
        self, name: str, try_lock: Callable[[], bool], holder: Callable[[], str], where: str
    ) -> None:
        """Poll ``try_lock`` until it takes the claim ``name``.

        Raises:
            StoreError: past the timeout, naming the ``holder`` and the store (``where``).
        """
        deadline = time.monotonic() + self._timeout
        while not try_lock():
            if self._timeout > 0 and time.monotonic() > deadline:
                raise StoreError(
                    f"{holder()} has held the '{name}' claim on {where} for over "
                    f"{self._timeout:g} s; wait for it to finish, or raise "
                    "NEWSFUSE_LOCK_TIMEOUT"
                )
            time.sleep(_POLL)


def _holder(handle: IO[str]) -> str:
    """Who holds a claim file's lock, as the holder wrote it there."""
    handle.seek(0)
    return handle.read().strip() or "another process"


def _try_lock(handle: IO[str]) -> bool:
    """Take an exclusive lock on the file without waiting; whether it was free."""
    try:
        if sys.platform == "win32":  # pragma: no cover - no flock; a byte-range lock instead
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True

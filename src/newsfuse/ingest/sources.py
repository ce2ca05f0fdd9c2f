"""Expand the paths a user names (files, folders, globs, ``-``) into inputs to read."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfuse.ingest.decode import format_by_name
from newsfuse.ingest.warc import WARC_SUFFIXES
from newsfuse.models import Origin, Rejected


@dataclass(frozen=True)
class Source:
    """One input file, or standard input when ``path`` is None."""

    path: Path | None

    @property
    def origin(self) -> Origin:
        return Origin(path=shown(self.path) if self.path is not None else None)

    def read(self, max_bytes: int) -> bytes:
        """Read at most ``max_bytes + 1`` bytes, so that an oversized input can be told apart."""
        if self.path is None:
            return sys.stdin.buffer.read(max_bytes + 1)
        with self.path.open("rb") as fh:
            return fh.read(max_bytes + 1)

    def size(self) -> int | None:
        return None if self.path is None else self.path.stat().st_size


@dataclass(frozen=True)
class Skipped:
    """A file a folder or glob reached whose name says it is no news input (``README.md``)."""

    path: str


def shown(path: str | Path) -> str:
    """``path`` as text that can be stored and printed: bytes of a file name that are not
    UTF-8 (Python keeps them as lone surrogates) are written as ``\\xe9``."""
    text = str(path)
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def expand(args: list[str]) -> Iterator[Source | Rejected | Skipped]:
    """Yield each input named by ``args`` once, in a stable order.

    A name that exists is taken as it is, even with ``[``, ``*`` or ``?`` in it; only a name
    that does not is read as a glob pattern. Folders are walked recursively in sorted order;
    a folder reached twice through links (a loop) is reported once as rejected and not walked
    again. Names that match nothing are rejected with a reason, and the rest go on. A file a
    folder or glob reaches is read only when its name is that of a news input
    (:data:`~newsfuse.ingest.decode.NAME_FORMATS`: text dumps, HTML, JSONL, and their gzip
    forms) or of a web archive (``.warc``, ``.warc.gz``); the others are yielded as
    :class:`Skipped`. A file named on its own is read whatever its name: its content decides.
    """
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    for arg in args:
        if arg == "-":
            yield Source(None)
            continue
        named = os.path.lexists(arg) or not glob.has_magic(arg)
        matches = [arg] if named else sorted(glob.glob(arg, recursive=True))
        if not matches or not any(os.path.lexists(m) for m in matches):
            yield Rejected(
                Origin(path=shown(arg)), "not_found", f"no file or folder matches {shown(arg)!r}"
            )
            continue
        for match in matches:
            yield from _walk(Path(match), seen_files, seen_dirs, named)


def _walk(
    path: Path, seen_files: set[str], seen_dirs: set[str], named: bool
) -> Iterator[Source | Rejected | Skipped]:
    origin = Origin(path=shown(path))
    try:
        real = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError) as exc:
        yield Rejected(
            origin, "unreadable", f"cannot resolve {origin.path}: {shown(str(exc))}; check the link"
        )
        return
    if os.path.isdir(real):
        if real in seen_dirs:
            yield Rejected(
                origin, "directory_loop", f"{origin.path} leads back to {shown(real)}, skipped"
            )
            return
        seen_dirs.add(real)
        try:
            children = sorted(path.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            yield Rejected(origin, "unreadable", f"cannot list {origin.path}: {shown(str(exc))}")
            return
        for child in children:
            if child.name.startswith("."):
                continue  # hidden files (editor swap files, .DS_Store) are never reports
            yield from _walk(child, seen_files, seen_dirs, named=False)
    elif not named and format_by_name(path.name) is None and not _is_warc_name(path.name):
        yield Skipped(shown(path))
    elif os.path.isfile(real):
        if real not in seen_files:
            seen_files.add(real)
            yield Source(path)
    else:
        yield Rejected(
            origin, "not_a_file", f"{origin.path} is not a regular file (device or socket?)"
        )


def _is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)

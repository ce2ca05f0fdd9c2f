"""Read inputs (files, folders, globs, stdin; text dumps, HTML, JSONL) into raw documents.

This package is the only part of newsfuse that reads files.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.errors import RejectedInput
from newsfuse.ingest.decode import decode
from newsfuse.ingest.jsonl import records
from newsfuse.ingest.sources import Skipped, Source, expand
from newsfuse.models import Hints, RawDocument, Rejected

__all__ = ["Skipped", "Source", "expand", "read", "read_source"]


def read(
    args: list[str], hints: Hints, max_bytes: int
) -> Iterator[RawDocument | Rejected | Skipped]:
    """Yield a raw document or a rejection for every input ``args`` name, and the files a
    folder or glob reached that are no news inputs by their name (see
    :func:`~newsfuse.ingest.sources.expand`)."""
    for item in expand(args):
        if isinstance(item, Source):
            yield from read_source(item, hints, max_bytes)
        else:
            yield item


def read_source(source: Source, hints: Hints, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Read one file (or stdin) into raw documents; a JSONL file gives one per line."""
    origin = source.origin
    try:
        size = source.size()
        if size is not None and size > max_bytes:
            raise RejectedInput(
                "too_large",
                f"{size} bytes exceeds the limit of {max_bytes}; raise NEWSFUSE_MAX_BYTES",
            )
        decoded = decode(source.read(max_bytes), origin.path, max_bytes)
    except RejectedInput as exc:
        yield Rejected(origin, exc.reason, exc.message)
        return
    except OSError as exc:
        yield Rejected(origin, "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return
    if decoded.format == "jsonl":
        yield from records(decoded.text, origin.path, hints)
    else:
        yield RawDocument(origin, decoded.format, decoded.text, hints, decoded.encoding)

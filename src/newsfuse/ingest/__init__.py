"""Read inputs (files, folders, globs, stdin; text dumps, HTML, JSONL, WARC) into raw documents.

This package is the only part of newsfuse that reads files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsfuse.errors import RejectedInput
from newsfuse.ingest.decode import decode
from newsfuse.ingest.jsonl import record, records
from newsfuse.ingest.sources import Skipped, Source, expand
from newsfuse.ingest.warc import PassedOver, is_warc, read_warc
from newsfuse.models import Hints, Origin, RawDocument, Rejected
from newsfuse.progress import Progress, unwatched

__all__ = ["PassedOver", "Skipped", "Source", "expand", "read", "read_records", "read_source"]


def read(
    args: list[str], hints: Hints, max_bytes: int, progress: Progress = unwatched
) -> Iterator[RawDocument | Rejected | Skipped | PassedOver]:
    """Yield a raw document or a rejection for every input ``args`` name, the files a
    folder or glob reached that are no news inputs by their name (see
    :func:`~newsfuse.ingest.sources.expand`) and the records of web archives that hold no
    report; ``progress`` is told of every file read."""
    items = list(expand(args))
    total = sum(isinstance(item, Source) for item in items)
    done = 0
    progress("reading", done, total)
    for item in items:
        if isinstance(item, Source):
            yield from read_source(item, hints, max_bytes)
            done += 1
            progress("reading", done, total)
        else:
            yield item


def read_source(
    source: Source, hints: Hints, max_bytes: int
) -> Iterator[RawDocument | Rejected | PassedOver]:
    """Read one file (or stdin) into raw documents; a JSONL file gives one per line, a web
    archive one per page (its size limit is that of each record, not of the file)."""
    if source.path is not None and is_warc(source.path):
        yield from read_warc(source.path, hints, max_bytes)
        return
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


def read_records(
    items: Iterable[object], hints: Hints, name: str = "<records>"
) -> Iterator[RawDocument | Rejected]:
    """Records given as Python objects (the fields of a JSONL feed's lines: ``text`` or
    ``html``, ``id``, ``title``, ``published``, ``outlet``...), each a raw document or a
    rejection; ``name`` stands in for the file name in their origin, numbered from 1."""
    for number, item in enumerate(items, start=1):
        yield record(item, Origin(path=name, line=number), hints)

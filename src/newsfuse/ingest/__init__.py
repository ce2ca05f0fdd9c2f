"""Read inputs (files, folders, globs, stdin; text dumps, HTML, JSONL, WARC) into raw documents.

This package is the only part of newsfuse that reads files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsfuse.errors import RejectedInput
from newsfuse.ingest.decode import decode
from newsfuse.ingest.jsonl import record, records
from newsfuse.ingest.sources import Skipped, Source, expand, shown
from newsfuse.ingest.warc import PassedOver, is_warc, read_warc
from newsfuse.models import Hints, Origin, RawDocument, Rejected
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings

__all__ = [
    "Limits",
    "PassedOver",
    "Skipped",
    "Source",
    "encoding_warning",
    "expand",
    "read",
    "read_records",
    "read_source",
]


@dataclass(frozen=True)
class Limits:
    """How much one input may hold (see :class:`~newsfuse.settings.Settings`)."""

    max_records: int = Settings.max_records
    max_field_chars: int = Settings.max_field_chars
    #: A JSONL record with fewer words in all is rejected before cleaning (0: never).
    min_words: int = 0

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.max_records, settings.max_field_chars, settings.min_body_words)


def read(
    args: list[str],
    hints: Hints,
    max_bytes: int,
    progress: Progress = unwatched,
    limits: Limits = Limits(),
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
            yield from read_source(item, hints, max_bytes, limits)
            done += 1
            progress("reading", done, total)
        else:
            yield item


def read_source(
    source: Source, hints: Hints, max_bytes: int, limits: Limits = Limits()
) -> Iterator[RawDocument | Rejected | PassedOver]:
    """Read one file (or stdin) into raw documents; a JSONL file gives one per line, a web
    archive one per page (its size limit is that of each record, not of the file).

    Whatever the bytes, this yields (an input that breaks the reader in a way not foreseen
    is rejected as ``unreadable`` with the error, and the batch goes on).
    """
    if source.path is not None and is_warc(source.path):
        try:
            yield from read_warc(source.path, hints, max_bytes)
        except Exception as exc:  # noqa: BLE001 - one archive must not stop the batch
            yield Rejected(source.origin, "unreadable", f"cannot read the archive ({_named(exc)})")
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
        yield Rejected(
            origin, "unreadable", f"cannot read the file: {shown(str(exc.strerror or exc))}"
        )
        return
    except Exception as exc:  # noqa: BLE001 - one input must not stop the batch
        yield Rejected(origin, "unreadable", f"cannot decode the input ({_named(exc)})")
        return
    if decoded.format == "jsonl":
        yield from records(
            decoded.text,
            origin.path,
            hints,
            decoded.encoding,
            decoded.confidence,
            limits.max_records,
            limits.max_field_chars,
            limits.min_words,
        )
    else:
        yield RawDocument(
            origin,
            decoded.format,
            decoded.text,
            hints,
            decoded.encoding,
            encoding_confidence=decoded.confidence,
        )


def read_records(
    items: Iterable[object], hints: Hints, name: str = "<records>"
) -> Iterator[RawDocument | Rejected]:
    """Records given as Python objects (the fields of a JSONL feed's lines: ``text`` or
    ``html``, ``id``, ``title``, ``published``, ``outlet``...), each a raw document or a
    rejection; ``name`` stands in for the file name in their origin, numbered from 1."""
    for number, item in enumerate(items, start=1):
        yield record(item, Origin(path=name, line=number), hints)


def encoding_warning(raw: RawDocument, article_id: str) -> Rejected:
    """The warning that ``raw``, stored as ``article_id``, was read in a guessed encoding."""
    return Rejected(
        raw.origin,
        "encoding_uncertain",
        f"stored as article {article_id}, but its encoding was guessed as {raw.encoding} with "
        f"confidence {raw.encoding_confidence:.2f}; check its text, or convert the file to "
        "UTF-8 and ingest it again",
    )


def _named(exc: BaseException) -> str:
    return shown(f"{type(exc).__name__}: {exc}"[:300])

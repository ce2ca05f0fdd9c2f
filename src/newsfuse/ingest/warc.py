"""Read web archives (WARC files, CC-NEWS layout) record by record into raw documents.

Reading streams: a record's payload is read only when it is an HTML page of an HTTP 200
response no larger than the size limit, so memory follows the largest accepted page, not the
size of the archive. fastwarc reads the records: on the archives of ``bench/bench_warc.py`` it
iterates 6-10 times faster than warcio (``docs/benchmarks.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsfuse.errors import RejectedInput
from newsfuse.ingest.decode import decode
from newsfuse.models import Hints, Origin, RawDocument, Rejected

#: File name endings of web archives; a file named on its own is also read as one when its
#: first bytes say so.
WARC_SUFFIXES = (".warc", ".warc.gz")

#: Media types of the pages that can hold a news report; every other payload is passed over.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class PassedOver:
    """A WARC record that holds no report, and what it is.

    Not a rejection: a request, a revisit, an image or a 404 page is what archives are made
    of. ``reason`` is the record type (``request``, ``revisit``...), ``not_html``,
    ``status_<code>``, or ``truncated`` (the crawler cut the payload, or the file ends early).
    """

    origin: Origin
    reason: str


def is_warc(path: Path) -> bool:
    """Whether ``path`` is a web archive: named so, or an uncompressed file that starts so."""
    if path.name.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"WARC/"
    except OSError:
        return False


def read_warc(
    path: Path, hints: Hints, max_bytes: int
) -> Iterator[RawDocument | Rejected | PassedOver]:
    """Yield one raw document for each HTML page of an HTTP 200 response in the archive.

    Each record's origin is the file, the byte offset where the record starts (as ``line``:
    where a JSONL record has its line number) and its ``WARC-Record-ID``, so a rejection is
    recorded once however often the archive is read. The target URI becomes the URL hint
    (``hints`` from the command line win) and the WARC date the crawl date, the publication
    date of last resort (see :func:`newsfuse.clean.metadata.describe`).

    A payload over ``max_bytes`` is rejected unread; other records are passed over.
    """
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh, parse_http=True, auto_decode="none")
            for record in records:
                yield _document(record, str(path), hints, max_bytes)
    except OSError as exc:
        # fastwarc raises OSError for a stream that is not (or no longer) a WARC.
        message = f"cannot read the web archive: {exc}; is it a WARC file?"
        yield Rejected(Origin(path=str(path)), "corrupt_warc", message)


def _document(
    record: Any, path: str, base: Hints, max_bytes: int
) -> RawDocument | Rejected | PassedOver:
    headers = record.headers
    origin = Origin(path=path, line=record.stream_pos, record_id=headers.get("WARC-Record-ID"))
    kind = record.record_type
    if kind != WarcRecordType.response:
        return PassedOver(origin, str(kind))  # "request", "revisit", "warcinfo"...
    if not record.is_http:
        return PassedOver(origin, "not_http")
    status = record.http_headers.status_code
    if status != 200:
        return PassedOver(origin, f"status_{status}")
    media = (record.http_content_type or "").split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        return PassedOver(origin, "not_html")
    if headers.get("WARC-Truncated"):
        return PassedOver(origin, "truncated")
    size = record.content_length
    if size > max_bytes:
        message = (
            f"the page is {size} bytes, over the limit of {max_bytes}; raise NEWSFUSE_MAX_BYTES"
        )
        return Rejected(origin, "too_large", message)
    data = record.reader.read(size)
    if len(data) < size:
        return PassedOver(origin, "truncated")
    try:
        declared = record.http_headers.get("Content-Type")
        decoded = decode(data, "page.html", max_bytes, declared)
    except RejectedInput as exc:
        return Rejected(origin, exc.reason, exc.message)
    uri, crawled = headers.get("WARC-Target-URI"), headers.get("WARC-Date")
    hints = Hints(
        title=base.title,
        published=base.published,
        outlet=base.outlet,
        url=base.url or uri,
        byline=base.byline,
        language=base.language,
        extra={**({"crawled": crawled} if crawled else {}), **base.extra},
    )
    return RawDocument(
        origin,
        "html",
        decoded.text,
        hints,
        decoded.encoding,
        encoding_confidence=decoded.confidence,
    )

"""Web archive speed: WARC records per second through ingest, against the WARC library's own.

Usage: python bench/bench_warc.py [--pages 1000]

Writes a gzipped WARC laid out as CC-NEWS lays its archives (a request and a response per
page; among every 8 pages one image, one 404 page and one revisit), whose pages are the HTML
samples made distinct, and reads it:

* fastwarc and warcio iterating over every record and reading each payload (how fast a WARC
  library alone goes; newsfuse reads with fastwarc, the faster);
* newsfuse's reader (``newsfuse.ingest.read``: records to raw documents, nothing cleaned);
* the whole ingest without analysis (read, clean, describe, store in SQLite).

Each is printed in records per second and as a ratio to fastwarc's own iteration.
"""

from __future__ import annotations

import argparse
import io
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastwarc.warc import ArchiveIterator as FastIterator
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse import pipeline
from newsfuse.ingest import read
from newsfuse.models import Hints
from newsfuse.settings import load_settings
from newsfuse.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _record(writer: WARCWriter, uri: str, kind: str, body: bytes, status: str, media: str) -> None:
    if kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    else:
        http = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def write_archive(path: Path, pages: int) -> int:
    """Write the archive; return how many records it holds."""
    html = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.html"))]
    count = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            uri = f"https://www.example-news.com/world/{i}"
            marker = f"Reference number {i} was assigned to this report by the desk."
            body = html[i % len(html)].replace("</p>", f" {marker}</p>", 1).encode()
            _record(writer, uri, "request", b"", "", "")
            _record(writer, uri, "response", body, "200 OK", "text/html; charset=utf-8")
            count += 2
            if i % 8 == 0:
                _record(
                    writer, uri + ".jpg", "response", b"\xff\xd8\xff" * 2000, "200 OK", "image/jpeg"
                )
                _record(writer, uri + "/old", "response", body, "404 Not Found", "text/html")
                _record(writer, uri, "revisit", b"", "200 OK", "text/html")
                count += 3
    return count


def _fastwarc(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(len(r.reader.read()) >= 0 for r in FastIterator(fh, parse_http=True))


def _warcio(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(len(r.content_stream().read()) >= 0 for r in WarcioIterator(fh))


def _reader(path: Path) -> int:
    return sum(1 for _ in read([str(path)], Hints(), load_settings(env={}).max_bytes))


def _timed(run: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` wall times: the machine is shared, the best is the least noisy."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    settings = load_settings(env={})
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        archive = tmp / "cc-news.warc.gz"
        records = write_archive(archive, args.pages)
        size = archive.stat().st_size
        fast = _timed(lambda: _fastwarc(archive))
        slow = _timed(lambda: _warcio(archive))
        reader = _timed(lambda: _reader(archive))
        store = open_store(str(tmp / "bench.db"))
        start = time.perf_counter()
        items = read([str(archive)], Hints(), settings.max_bytes)
        summary = pipeline.ingest(items, store, settings)
        whole = time.perf_counter() - start
        store.close()
    print(f"machine: {platform.machine()} {platform.python_version()}, 1 process")
    print(f"archive: {records} records, {args.pages} pages, {size:,} bytes gzipped")
    print(f"ingested: {summary.ingested}  passed over: {dict(summary.passed_over)}")
    for name, seconds in (
        ("fastwarc iteration", fast),
        ("warcio iteration", slow),
        ("newsfuse reader (records to documents)", reader),
        ("whole ingest, no analysis", whole),
    ):
        print(
            f"{name}: {records / seconds:,.0f} records/s (ratio to fastwarc {fast / seconds:.3f})"
        )
    print(f"fastwarc / warcio iteration speed: {slow / fast:.1f}x")


if __name__ == "__main__":
    main()

"""Fetch speed: pages fetched over local HTTP and ingested per second, then clustered.

Usage: python bench/bench_fetch.py [--n 200]

Serves N distinct news pages (and a robots.txt) from a threaded standard-library HTTP server
on 127.0.0.1, fetches them with ``newsfuse.live.fetch_urls`` into a fresh SQLite store with
no delay between requests (politeness off: one host, this machine), and prints pages per
second for fetching + ingesting, and for the whole run with clustering. No analysis (spaCy).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsfuse.ingest.fetch import Fetcher
from newsfuse.live import fetch_urls
from newsfuse.settings import load_settings
from newsfuse.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from newsroom import article_html  # noqa: E402  (the tests' newsroom pages)


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        else:
            body, kind = article_html(int(self.path.rsplit("/", 1)[1])).encode(), "text/html"
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/news/{i}" for i in range(args.n)]
    settings = load_settings(env={}, fetch_delay=0.0)
    timings: dict[str, float] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "clustering" and "fetched" not in timings:
            timings["fetched"] = time.perf_counter()

    with tempfile.TemporaryDirectory() as tmp, Fetcher(settings) as fetcher:
        store = open_store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        summary = fetch_urls(urls, store, settings, fetcher, analyse=False, progress=progress)
        end = time.perf_counter()
        store.close()
    server.shutdown()
    fetched = timings.get("fetched", end) - start
    print(f"machine: {platform.machine()} {platform.python_version()}, 1 process")
    print(f"pages: {args.n}  stored: {summary.stored}  rejected: {summary.rejected}")
    print(f"fetch + ingest: {summary.stored / fetched:.1f} pages/s ({fetched:.2f} s)")
    print(f"with clustering: {summary.stored / (end - start):.1f} pages/s ({end - start:.2f} s)")


if __name__ == "__main__":
    main()

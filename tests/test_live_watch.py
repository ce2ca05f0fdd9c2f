"""The watch loop as a user runs it: two polls, a revision, SIGTERM, and kill -9 mid-poll."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO
from newsroom import Item, article_html, rss2
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

HTML = "text/html; charset=utf-8"
ENV = {
    **os.environ,
    "PYTHONPATH": str(REPO / "src"),
    "NEWSFUSE_FETCH_DELAY": "0",
    "NEWSFUSE_FETCH_BACKOFF": "0.01",
    "NEWSFUSE_FETCH_TIMEOUT": "5",
}


class Newsroom:
    """A feed of ``n`` reports served slowly (``delay`` seconds a page), changeable."""

    def __init__(self, server: HTTPServer, n: int, delay: float = 0.0) -> None:
        self.server, self.delay = server, delay
        self.items = [Item(server.url_for(f"/a/{i}"), f"Report {i}") for i in range(n)]
        self.texts = {f"/a/{i}": article_html(40 + i) for i in range(n)}
        server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
        server.expect_request("/feed").respond_with_handler(self._feed)
        server.expect_request(path_or_regex_handler()).respond_with_handler(self._page)

    def _feed(self, _: Request) -> Response:
        return Response(rss2(self.items), content_type="application/rss+xml")

    def _page(self, request: Request) -> Response:
        time.sleep(self.delay)
        return Response(self.texts[request.path], content_type=HTML)

    def add(self, i: int) -> None:
        self.items.append(Item(self.server.url_for(f"/a/{i}"), f"Report {i}"))
        self.texts[f"/a/{i}"] = article_html(40 + i)

    def revise(self, i: int) -> None:
        self.items[i] = Item(
            self.items[i].url, self.items[i].title, updated="2026-12-02T08:00:00+00:00"
        )
        self.texts[f"/a/{i}"] = article_html(40 + i, "Update: the minister resigned on Wednesday.")


def path_or_regex_handler():  # type: ignore[no-untyped-def]
    import re

    return re.compile(r"^/a/\d+$")


def newsfuse(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "--db", str(db), *args],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(db: Path, *args: str) -> tuple[int, str, str]:
    proc = newsfuse(db, *args)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute(sql).fetchone()[0])


def test_fetch_and_feeds_commands(httpserver: HTTPServer, tmp_path: Path):
    room = Newsroom(httpserver, 2)
    db = tmp_path / "n.db"
    code, out, _ = run(db, "fetch", "--no-analyse", room.items[0].url)
    assert code == 0 and "stored 1" in out
    code, out, _ = run(db, "feeds", "add", httpserver.url_for("/feed"), "--outlet", "Courier")
    assert code == 0 and "following" in out
    code, out, _ = run(db, "feeds", "list", "--json")
    assert '"outlet": "Courier"' in out
    code, out, _ = run(db, "feeds", "poll", "--no-analyse")
    assert code == 0 and "stored 1" in out and "unchanged 1" in out, out
    code, out, err = run(db, "fetch", "--no-analyse", httpserver.url_for("/nothing.pdf"))
    assert code == 1 and "bad_url" in err
    code, out, _ = run(db, "feeds", "remove", httpserver.url_for("/feed"))
    assert code == 0 and count(db, "SELECT count(*) FROM feeds") == 0


@pytest.mark.slow
def test_watch_two_polls_then_kill_9_and_resume(httpserver: HTTPServer, tmp_path: Path):
    room = Newsroom(httpserver, 3)
    db = tmp_path / "w.db"
    assert run(db, "feeds", "add", httpserver.url_for("/feed"))[0] == 0
    proc = newsfuse(db, "watch", "--every", "1s", "--rounds", "2", "--no-analyse")
    # Change the feed while the first poll's wait runs: one new entry, one revised article.
    deadline = time.monotonic() + 60
    while count(db, "SELECT count(*) FROM fetches") < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    room.add(3)
    room.revise(1)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    lines = [ln for ln in out.splitlines() if ln.startswith("poll")]
    assert len(lines) == 2 and "revised 1" in lines[1] and "stored 1" in lines[1], out
    assert count(db, "SELECT count(*) FROM articles") == 5
    assert count(db, "SELECT count(*) FROM revisions") == 1

    # Eight more reports, served slowly; kill -9 in the middle of the poll.
    room.delay = 0.3
    for i in range(4, 12):
        room.add(i)
    proc = newsfuse(db, "watch", "--every", "1s", "--no-analyse")
    while count(db, "SELECT count(*) FROM articles") < 7 and time.monotonic() < deadline + 60:
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    assert count(db, "SELECT count(*) FROM articles") < 13
    code, out, err = run(db, "watch", "--rounds", "1", "--no-analyse")
    assert code == 0, err
    assert count(db, "SELECT count(*) FROM articles") == 13  # 12 reports and one revision
    assert count(db, "SELECT count(*) FROM fetches WHERE status = 'ok'") == 12
    assert count(db, "SELECT count(*) FROM revisions") == 1
    assert count(db, "SELECT count(*) FROM article_story") == 13
    assert count(db, "SELECT count(DISTINCT url) FROM articles") == 12


@pytest.mark.slow
def test_watch_stops_cleanly_on_sigterm(httpserver: HTTPServer, tmp_path: Path):
    Newsroom(httpserver, 2)
    db = tmp_path / "s.db"
    assert run(db, "feeds", "add", httpserver.url_for("/feed"))[0] == 0
    proc = newsfuse(db, "watch", "--every", "1h", "--no-analyse")
    deadline = time.monotonic() + 60
    while count(db, "SELECT count(*) FROM fetches") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "poll 1" in out and "stopped after 1 polls" in err

"""Fetching over real HTTP from a local server: politeness, limits, redirects, feeds."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator

import pytest
from newsroom import Item, article_html, atom, news_sitemap, rss1, rss2
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsfuse.errors import RejectedInput
from newsfuse.ingest.fetch import Fetcher, clean_url, page_document, read_feed
from newsfuse.settings import Settings, load_settings

HTML = "text/html; charset=utf-8"


def fast_settings(**overrides: object) -> Settings:
    """Settings for a local server: no delay between requests, short timeouts and waits."""
    base = {"fetch_delay": 0.0, "fetch_backoff": 0.01, "fetch_timeout": 1.0, "fetch_retries": 1}
    return load_settings(env={}, **{**base, **overrides})


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    return httpserver


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast_settings()) as f:
        yield f


def requests_to(server: HTTPServer, path: str) -> int:
    return sum(req.path == path for req, _ in server.log)


def test_a_page_is_fetched_with_its_url_time_and_agent(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/news/1").respond_with_data(article_html(1), content_type=HTML)
    page = fetcher.get(server.url_for("/news/1"))
    assert page.status == 200 and page.final_url == server.url_for("/news/1")
    raw = page_document(page, None, 10**6)
    assert raw.format == "html" and raw.hints.url == page.final_url
    assert raw.hints.extra["fetched_at"] == page.fetched_at
    agent = next(req.headers["User-Agent"] for req, _ in server.log if req.path == "/news/1")
    assert agent.startswith("newsfuse/")


def test_redirects_are_followed_and_recorded(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/mid"})
    server.expect_request("/mid").respond_with_data("", status=302, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(article_html(2), content_type=HTML)
    page = fetcher.get(server.url_for("/old"))
    assert page.final_url == server.url_for("/new")
    assert page.redirects == (server.url_for("/mid"), server.url_for("/new"))
    assert page_document(page, None, 10**6).hints.extra["redirects"] == list(page.redirects)


def test_a_redirect_loop_is_rejected(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(RejectedInput) as exc:
        fetcher.get(server.url_for("/loop"))
    assert exc.value.reason == "too_many_redirects"


def test_robots_txt_is_honoured_and_read_once(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/private/a").respond_with_data(article_html(3), content_type=HTML)
    server.expect_request("/news/3").respond_with_data(article_html(3), content_type=HTML)
    with pytest.raises(RejectedInput) as exc:
        fetcher.get(server.url_for("/private/a"))
    assert exc.value.reason == "robots_disallowed"
    fetcher.get(server.url_for("/news/3"))
    assert requests_to(server, "/private/a") == 0
    assert requests_to(server, "/robots.txt") == 1


def test_an_unreachable_robots_txt_disallows_and_a_missing_one_allows(httpserver: HTTPServer):
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    with Fetcher(fast_settings()) as f, pytest.raises(RejectedInput) as exc:
        f.get(httpserver.url_for("/a"))
    assert exc.value.reason == "robots_unreachable"
    httpserver.clear()
    httpserver.expect_request("/robots.txt").respond_with_data("no", status=404)
    httpserver.expect_request("/a").respond_with_data(article_html(4), content_type=HTML)
    with Fetcher(fast_settings()) as f:
        assert f.get(httpserver.url_for("/a")).status == 200


@pytest.mark.parametrize(
    ("status", "reason", "tries"),
    [(404, "http_404", 1), (500, "http_500", 2), (503, "http_503", 2)],
)
def test_errors_are_rejected_and_5xx_retried(
    server: HTTPServer, fetcher: Fetcher, status: int, reason: str, tries: int
):
    server.expect_request("/e").respond_with_data("err", status=status, content_type=HTML)
    with pytest.raises(RejectedInput) as exc:
        fetcher.get(server.url_for("/e"))
    assert exc.value.reason == reason
    assert requests_to(server, "/e") == tries


def test_a_retry_that_passes_gives_the_page(server: HTTPServer, fetcher: Fetcher):
    server.expect_oneshot_request("/flaky").respond_with_data("busy", status=503)
    server.expect_request("/flaky").respond_with_data(article_html(5), content_type=HTML)
    assert fetcher.get(server.url_for("/flaky")).status == 200


def test_a_silent_server_times_out(server: HTTPServer):
    def slow(_: Request) -> Response:
        time.sleep(0.8)
        return Response(article_html(6), content_type=HTML)

    server.expect_request("/slow").respond_with_handler(slow)
    settings = fast_settings(fetch_timeout=0.3, fetch_retries=0)
    with Fetcher(settings) as f, pytest.raises(RejectedInput) as exc:
        f.get(server.url_for("/slow"))
    assert exc.value.reason == "timeout"


def test_a_dripping_answer_is_cut_off_at_the_deadline(server: HTTPServer):
    def drip(_: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(40):
                time.sleep(0.05)
                yield b"<p>still going</p>"

        return Response(body(), content_type=HTML)

    server.expect_request("/drip").respond_with_handler(drip)
    start = time.monotonic()
    settings = fast_settings(fetch_timeout=0.5, fetch_retries=0)
    with Fetcher(settings) as f, pytest.raises(RejectedInput) as exc:
        f.get(server.url_for("/drip"))
    assert exc.value.reason == "timeout"
    assert time.monotonic() - start < 1.8


@pytest.mark.parametrize("declared", [True, False])
def test_an_oversized_answer_is_rejected(server: HTTPServer, declared: bool):
    big = b"<p>" + b"x" * 300_000 + b"</p>"
    if declared:
        server.expect_request("/big").respond_with_data(big, content_type=HTML)
    else:
        server.expect_request("/big").respond_with_handler(
            lambda _: Response(iter([big[:100_000], big[100_000:]]), content_type=HTML)
        )
    with Fetcher(fast_settings(max_bytes=100_000)) as f, pytest.raises(RejectedInput) as exc:
        f.get(server.url_for("/big"))
    assert exc.value.reason == "too_large"


def test_a_gzip_bomb_is_stopped_at_the_limit(server: HTTPServer):
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000)
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    with Fetcher(fast_settings(max_bytes=1_000_000)) as f, pytest.raises(RejectedInput) as exc:
        f.get(server.url_for("/bomb"))
    assert exc.value.reason == "too_large"


def test_a_gzipped_page_is_decompressed(server: HTTPServer, fetcher: Fetcher):
    body = article_html(7).encode()
    server.expect_request("/gz").respond_with_data(
        gzip.compress(body), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    assert fetcher.get(server.url_for("/gz")).body == body


@pytest.mark.parametrize("media", ["application/pdf", "image/png", "application/octet-stream"])
def test_a_wrong_content_type_is_rejected_unread(server: HTTPServer, fetcher: Fetcher, media: str):
    server.expect_request("/file").respond_with_data(b"%PDF-1.4", content_type=media)
    with pytest.raises(RejectedInput) as exc:
        fetcher.get(server.url_for("/file"))
    assert exc.value.reason == "wrong_content_type"


def test_conditional_requests_get_not_modified(server: HTTPServer, fetcher: Fetcher):
    def cached(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(article_html(8), content_type=HTML, headers={"ETag": '"v1"'})

    server.expect_request("/c").respond_with_handler(cached)
    first = fetcher.get(server.url_for("/c"))
    assert first.etag == '"v1"'
    again = fetcher.get(server.url_for("/c"), etag=first.etag)
    assert again.status == 304 and again.body == b""


def test_requests_to_one_host_are_spaced(server: HTTPServer):
    server.expect_request("/p").respond_with_data(article_html(9), content_type=HTML)
    with Fetcher(fast_settings(fetch_delay=0.2)) as f:
        start = time.monotonic()
        for _ in range(3):
            f.get(server.url_for("/p"))
    # robots.txt, then three pages: three waits of 0.2 s.
    assert time.monotonic() - start >= 0.6


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("http://Example.com/a?b=2&a=1&utm_source=x#top", "http://example.com/a?a=1&b=2"),
        ("http://127.0.0.1:8000/news/1", "http://127.0.0.1:8000/news/1"),
    ],
)
def test_urls_are_normalised(url: str, clean: str):
    assert clean_url(url) == clean


@pytest.mark.parametrize("url", ["ftp://example.com/a", "example.com", "http://x.org/photo.jpg"])
def test_urls_that_are_no_pages_are_refused(url: str):
    with pytest.raises(RejectedInput) as exc:
        clean_url(url)
    assert exc.value.reason == "bad_url"


ITEMS = [Item("http://news.test/a", "First report"), Item("http://news.test/b", "Second one")]


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (rss2(ITEMS), "application/rss+xml"),
        (rss1(ITEMS), "application/rdf+xml"),
        (atom(ITEMS), "application/atom+xml"),
        (rss2(ITEMS), "text/html"),  # a feed served as HTML is still read as a feed
    ],
)
def test_feeds_give_entries_with_their_hints(
    server: HTTPServer, fetcher: Fetcher, body: str, media: str
):
    server.expect_request("/feed").respond_with_data(body, content_type=media)
    reading = read_feed(fetcher.get(server.url_for("/feed"), "feed"), outlet="Courier")
    assert [(e.url, e.title, e.outlet) for e in reading.entries] == [
        ("http://news.test/a", "First report", "Courier"),
        ("http://news.test/b", "Second one", "Courier"),
    ]
    assert reading.entries[0].published == "2026-12-01T09:00:00+00:00"


def test_a_news_sitemap_names_outlet_title_and_date(server: HTTPServer, fetcher: Fetcher):
    server.expect_request("/news.xml").respond_with_data(
        news_sitemap(ITEMS), content_type="text/xml"
    )
    entries = read_feed(fetcher.get(server.url_for("/news.xml"), "feed")).entries
    assert entries[1].title == "Second one" and entries[1].outlet == "Local Courier"
    assert entries[1].published == "2026-12-01T09:00:00+00:00"


def test_a_home_page_leads_to_its_feeds(server: HTTPServer, fetcher: Fetcher):
    home = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        "</head><body><p>Front page</p></body></html>"
    )
    server.expect_request("/").respond_with_data(home, content_type=HTML)
    reading = read_feed(fetcher.get(server.url_for("/"), "feed"))
    assert reading.kind == "html" and reading.links == (server.url_for("/rss.xml"),)


@pytest.mark.parametrize(
    ("body", "media"),
    [
        ("<html><body><p>No feed here</p></body></html>", HTML),
        ("<html><body><p>I claim to be a feed</p></body></html>", "application/rss+xml"),
        ("<rss version='2.0'><channel><item><title>broken", "application/rss+xml"),
        ("   ", "application/rss+xml"),
    ],
)
def test_what_is_no_feed_is_rejected(server: HTTPServer, fetcher: Fetcher, body: str, media: str):
    server.expect_request("/feed").respond_with_data(body, content_type=media)
    try:
        reading = read_feed(fetcher.get(server.url_for("/feed"), "feed"))
    except RejectedInput as exc:
        assert exc.reason == "not_a_feed"
    else:  # a truncated feed is read as far as it goes, by feedparser's lenient parser
        assert all(e.url for e in reading.entries)


def test_an_unreachable_robots_txt_is_asked_for_again_after_a_while(httpserver: HTTPServer):
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("down", status=503)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/a").respond_with_data(article_html(4), content_type=HTML)
    now = [0.0]
    with Fetcher(fast_settings(), clock=lambda: now[0]) as f:
        with pytest.raises(RejectedInput):
            f.get(httpserver.url_for("/a"))
        now[0] += 601.0
        assert f.get(httpserver.url_for("/a")).status == 200


def test_a_page_is_read_in_the_charset_its_server_declares(server: HTTPServer, fetcher: Fetcher):
    czech = "Starosta řekl, že most bude otevřen v úterý a lodě připluly do přístavu."
    body = f"<html><body><article><p>{czech}</p></article></body></html>".encode("cp1250")
    server.expect_request("/cz/1").respond_with_data(
        body, content_type="text/html; charset=windows-1250"
    )
    raw = page_document(fetcher.get(server.url_for("/cz/1")), None, 10**6)
    assert czech in raw.text and raw.encoding == "cp1250" and raw.encoding_confidence == 0.95

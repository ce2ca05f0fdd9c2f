"""Fetching and following feeds end to end: local server, real store, stories, revisions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from newsroom import Item, article_html, atom, news_sitemap, rss2
from pytest_httpserver import HTTPServer
from test_ingest_fetch import HTML, fast_settings
from werkzeug import Request, Response

from newsfuse.errors import ConfigError
from newsfuse.ingest.fetch import Fetcher
from newsfuse.live import add_feed, fetch_urls, parse_interval, poll_feeds
from newsfuse.store.sqlite.store import SqliteStore


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    return httpserver


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast_settings()) as f:
        yield f


def hits(server: HTTPServer, path: str) -> int:
    return sum(req.path == path for req, _ in server.log)


def test_fetch_stores_pages_with_url_and_time_and_asks_conditionally(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    def page(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"a1"':
            return Response(status=304)
        return Response(article_html(1), content_type=HTML, headers={"ETag": '"a1"'})

    site.expect_request("/news/1").respond_with_handler(page)
    site.expect_request("/gone").respond_with_data("no", status=404)
    urls = [site.url_for("/news/1"), site.url_for("/gone"), "mailto:desk@example.com"]
    summary = fetch_urls(urls, store, fast_settings(), fetcher, analyse=False)
    assert (summary.stored, summary.rejected, summary.clustered) == (1, 2, 1)
    [art] = store.articles()
    assert art.meta.url == site.url_for("/news/1") and "fetched_at" in art.extra
    assert {r.reason for r in store.rejects()} == {"http_404", "bad_url"}
    again = fetch_urls(urls[:1], store, fast_settings(), fetcher, analyse=False)
    assert again.unchanged == 1 and store.count_articles() == 1
    assert again.records[0].status == "not_modified"


def test_a_changed_page_is_a_revision_and_markup_noise_is_not(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    versions = [
        article_html(2),
        article_html(2).replace("Home", "Home page"),
        article_html(2, "Update: the mayor resigned later on Tuesday, her office said."),
    ]
    site.expect_request("/news/2").respond_with_handler(
        lambda _: Response(versions[0], content_type=HTML)
    )
    settings = fast_settings()
    first = fetch_urls([site.url_for("/news/2")], store, settings, fetcher, analyse=False)
    versions.pop(0)
    noise = fetch_urls([site.url_for("/news/2")], store, settings, fetcher, analyse=False)
    assert noise.unchanged == 1 and store.count_articles() == 1
    versions.pop(0)
    revised = fetch_urls([site.url_for("/news/2")], store, settings, fetcher, analyse=False)
    assert revised.revised == 1 and store.count_articles() == 2
    old, new = first.records[0].article_id, revised.records[0].article_id
    assert store.revisions([new]) == {new: old}
    story = store.story_row(store.story_of(new) or "")
    assert story["revisions"] == 1
    assert {m["id"]: m["revision_of"] for m in story["members"]}[new] == old


def feed_of(items: list[Item]) -> str:
    return rss2(items)


def test_poll_fetches_new_entries_once_and_revised_ones_again(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    items = [Item(site.url_for(f"/a/{n}"), f"Report {n}") for n in range(3)]
    texts = {f"/a/{n}": article_html(10 + n) for n in range(5)}
    feed = {"body": feed_of(items)}
    site.expect_request("/feed").respond_with_handler(
        lambda _: Response(feed["body"], content_type="application/rss+xml")
    )
    for path in texts:
        site.expect_request(path).respond_with_handler(
            lambda r: Response(texts[r.path], content_type=HTML)
        )
    settings = fast_settings()
    [followed] = add_feed(site.url_for("/feed"), store, fetcher, outlet="Local Courier")
    assert followed.outlet == "Local Courier"
    one = poll_feeds(store, settings, fetcher, analyse=False)
    assert (one.entries, one.fetched.stored, one.seen) == (3, 3, 0)
    assert {a.meta.outlet for a in store.articles()} == {"Local Courier"}
    # Between polls: one new entry, one article revised (the feed gives it a new date).
    items.append(Item(site.url_for("/a/3"), "Report 3"))
    items[1] = Item(items[1].url, items[1].title, updated="2026-12-01T11:30:00+00:00")
    texts["/a/1"] = article_html(11, "Update: the council voted to open an inquiry on Tuesday.")
    feed["body"] = feed_of(items)
    two = poll_feeds(store, settings, fetcher, analyse=False)
    assert (two.fetched.stored, two.fetched.revised, two.seen) == (1, 1, 2)
    assert hits(site, "/a/0") == 1 and hits(site, "/a/1") == 2
    assert store.count_articles() == 5
    [(new, old)] = store.revisions([a.id for a in store.articles()]).items()
    assert store.article(old).meta.url == store.article(new).meta.url == items[1].url


def test_broken_feeds_and_pages_are_recorded_and_the_poll_goes_on(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    good = [Item(site.url_for("/ok"), "Fine"), Item(site.url_for("/missing"), "Gone")]
    site.expect_request("/good").respond_with_data(atom(good), content_type="application/atom+xml")
    site.expect_request("/html").respond_with_data("<html><p>hi</p></html>", content_type=HTML)
    site.expect_request("/down").respond_with_data("down", status=500)
    site.expect_request("/ok").respond_with_data(article_html(30), content_type=HTML)
    site.expect_request("/missing").respond_with_data("no", status=404)
    for path in ("/down", "/html", "/good"):
        store.add_feed(site.url_for(path))
    summary = poll_feeds(store, fast_settings(), fetcher, analyse=False)
    assert {f.status for f in summary.failed_feeds} == {"http_500", "not_a_feed"}
    assert (summary.fetched.stored, summary.fetched.rejected) == (1, 1)
    statuses = {f.url.rsplit("/", 1)[1]: f.status for f in store.feeds()}
    assert statuses == {"down": "http_500", "html": "not_a_feed", "good": "ok"}


def test_a_home_page_adds_the_feeds_it_links_to(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    home = '<html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head>'
    site.expect_request("/").respond_with_data(
        home + "<body>Front</body></html>", content_type=HTML
    )
    added = add_feed(site.url_for("/"), store, fetcher)
    assert [f.url for f in added] == [site.url_for("/atom")]


def test_a_sitemap_index_leads_to_its_news_sitemaps(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url_for('/news.xml')}</loc></sitemap></sitemapindex>"
    )
    items = [Item(site.url_for("/s/1"), "Sitemap report")]
    site.expect_request("/index.xml").respond_with_data(index, content_type="application/xml")
    site.expect_request("/news.xml").respond_with_data(news_sitemap(items), content_type="text/xml")
    site.expect_request("/s/1").respond_with_data(article_html(50), content_type=HTML)
    store.add_feed(site.url_for("/index.xml"))
    summary = poll_feeds(store, fast_settings(), fetcher, analyse=False)
    assert summary.fetched.stored == 1
    [art] = store.articles()
    assert (art.meta.outlet, art.meta.headline) == ("Local Courier", "Sitemap report")


def test_an_entry_that_failed_for_a_passing_reason_is_tried_again(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    items = [Item(site.url_for("/busy"), "Busy")]
    site.expect_request("/feed").respond_with_data(rss2(items), content_type="application/rss+xml")
    state = {"up": False}
    site.expect_request("/busy").respond_with_handler(
        lambda _: (
            Response(article_html(60), content_type=HTML)
            if state["up"]
            else Response("busy", status=503)
        )
    )
    store.add_feed(site.url_for("/feed"))
    first = poll_feeds(store, fast_settings(), fetcher, analyse=False)
    assert first.fetched.records[0].reason == "http_503"
    state["up"] = True
    second = poll_feeds(store, fast_settings(), fetcher, analyse=False)
    assert second.fetched.stored == 1 and store.count_articles() == 1


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30.0), ("5m", 300.0), ("1h", 3600.0), ("90", 90.0)]
)
def test_intervals_are_read(text: str, seconds: float):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "5 minutes", "0s", "-1m"])
def test_bad_intervals_are_refused(text: str):
    with pytest.raises(ConfigError):
        parse_interval(text)


def test_the_python_api_follows_and_polls(
    site: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import newsfuse

    for name, value in {"FETCH_DELAY": "0", "FETCH_BACKOFF": "0.01"}.items():
        monkeypatch.setenv(f"NEWSFUSE_{name}", value)
    items = [Item(site.url_for("/p/1"), "Via the API")]
    site.expect_request("/feed").respond_with_data(atom(items), content_type="application/atom+xml")
    site.expect_request("/p/1").respond_with_data(article_html(70), content_type=HTML)
    with newsfuse.open_news(tmp_path / "api.db") as news:
        assert [f.url for f in news.follow(site.url_for("/feed"))] == [site.url_for("/feed")]
        assert news.poll(analyse=False).fetched.stored == 1
        assert news.fetch([site.url_for("/p/1")], analyse=False).unchanged == 1


def test_fetched_pages_are_analysed_and_their_stories_coded(
    site: HTTPServer, store: SqliteStore, fetcher: Fetcher
):
    site.expect_request("/news/7").respond_with_data(article_html(7), content_type=HTML)
    summary = fetch_urls([site.url_for("/news/7")], store, fast_settings(), fetcher)
    assert summary.stored == summary.analysed == 1
    [row] = store.story_rows()
    assert store.story_events(row["id"]) is not None  # coded, not left pending

"""Read XML sitemaps: news sitemaps (title, publication, date of each URL) and indexes."""

from __future__ import annotations

from lxml import etree

from newsfuse.errors import RejectedInput
from newsfuse.ingest.fetch.urls import clean_url
from newsfuse.models import FeedEntry

_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# No entities, no network, no huge trees: a sitemap is data from a stranger.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


def is_sitemap(body: bytes) -> bool:
    """Whether ``body`` looks like an XML sitemap or sitemap index (by its root element)."""
    head = body[:2000]
    return b"<urlset" in head or b"<sitemapindex" in head


def read_sitemap(
    body: bytes, base: str, outlet: str | None = None
) -> tuple[tuple[FeedEntry, ...], tuple[str, ...]]:
    """Entries of a sitemap and the child sitemaps of an index.

    A news sitemap's ``<news:title>``, ``<news:publication_date>`` and
    ``<news:publication><news:name>`` become the entry's title, publication time and outlet
    (``outlet``, when given, wins); a plain sitemap gives URLs and ``<lastmod>`` only.

    Raises:
        RejectedInput: ``not_a_feed`` when the XML cannot be read at all.
    """
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise RejectedInput("not_a_feed", f"the sitemap at {base} is not XML ({exc})") from exc
    if root is None:
        raise RejectedInput("not_a_feed", f"the sitemap at {base} is not XML")
    if etree.QName(root).localname == "sitemapindex":
        children = [_clean(_text(s, f"{_SM}loc")) for s in root.iter(f"{_SM}sitemap")]
        return (), tuple(dict.fromkeys(c for c in children if c))
    entries = []
    for node in root.iter(f"{_SM}url"):
        url = _clean(_text(node, f"{_SM}loc"))
        if not url:
            continue
        news = node.find(f"{_NEWS}news")
        lastmod = _text(node, f"{_SM}lastmod")
        if news is None:
            entries.append(FeedEntry(url=url, published=lastmod, stamp=lastmod, outlet=outlet))
            continue
        published = _text(news, f"{_NEWS}publication_date") or lastmod
        entries.append(
            FeedEntry(
                url=url,
                title=_text(news, f"{_NEWS}title"),
                published=published,
                stamp=lastmod or published,
                # The feed's hint names the outlet; with none, the sitemap's publication name.
                outlet=outlet or _text(news, f"{_NEWS}publication/{_NEWS}name"),
            )
        )
    return tuple(entries), ()


def _text(node: etree._Element, path: str) -> str | None:
    found = node.find(path)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def _clean(url: str | None) -> str | None:
    try:
        return clean_url(url) if url else None
    except RejectedInput:
        return None

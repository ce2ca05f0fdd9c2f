"""Headline, captions and page metadata (author, date, site, URL, section) of an HTML page."""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    Document,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)

# htmldate settings: the original publication date, markup only. The extensive text search
# guesses from any date in the page (comments, related links) and is slower.
_DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%d",
}

# Where pages state a publication timestamp with its time of day, most trusted first.
_DATETIME_XPATHS = (
    '//meta[@property="article:published_time" or @itemprop="datePublished"]/@content',
    '//meta[@name="pubdate" or @name="publishdate" or @name="dc.date.issued"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_HAS_TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")

# ":" is not among them: "Analysis: Headline" and "Headline: the details" are headlines.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•»]|::)\s+")
# A title segment longer than this is part of the headline, not a site name.
_MAX_SITE_WORDS = 5
_SPACE = re.compile(r"\s+")


def text_of(el: HtmlElement) -> str:
    """Whitespace-normalised text content of an element."""
    return _SPACE.sub(" ", el.text_content()).strip()


def captions(tree: HtmlElement) -> tuple[str, ...]:
    """Texts of the page's ``<figcaption>`` elements, in order, without repeats."""
    out: list[str] = []
    for el in tree.iter("figcaption"):
        text = text_of(el)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def page_meta(tree: HtmlElement, url: str | None) -> tuple[dict[str, str], str | None]:
    """Read the metadata a page states about itself.

    Args:
        tree: the parsed page (not modified).
        url: the URL the page was fetched from, if known.

    Returns:
        ``page_meta`` (only the fields found) and the title trafilatura found, as a fallback
        headline.
    """
    doc = _trafilatura_meta(tree)
    date = _stated_datetime(tree) or find_date(tree, url=url, **_DATE_PARAMS)
    meta: dict[str, str] = {}
    canonical = _first(
        tree, '//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'
    )
    fields = {
        "author": doc.author,
        "date": date,
        "sitename": _first(tree, '//meta[@property="og:site_name"]/@content') or doc.sitename,
        "url": url or canonical or doc.url,
        "canonical": canonical,
        "section": _first(
            tree,
            '//meta[@property="article:section"]/@content',
            '//meta[@name="section" or @name="parsely-section"]/@content',
        ),
        "language": _first(tree, "/html/@lang", '//meta[@http-equiv="content-language"]/@content'),
        "description": doc.description,
    }
    for key, value in fields.items():
        if value and value.strip():
            meta[key] = _SPACE.sub(" ", value).strip()
    return meta, doc.title


def headline(tree: HtmlElement, fallback: str | None, sitename: str | None) -> str | None:
    """The article headline: the ``<h1>`` that matches the page title, else the cleaned title.

    Args:
        tree: the parsed page.
        fallback: a title found by other means (trafilatura), used when the page has no
            og:title or ``<title>``.
        sitename: the site's name, stripped from the title when it appears as a suffix.

    Returns:
        The headline, or ``None`` when the page states none.
    """
    title = _first(tree, '//meta[@property="og:title"]/@content', "//title/text()") or fallback
    title = strip_site(_SPACE.sub(" ", title).strip(), sitename) if title else None
    h1s = [t for t in (text_of(h) for h in tree.iter("h1")) if t]
    if title:
        # Many sites use <h1> for their logo: only trust one that agrees with the title.
        for h in h1s:
            if h.casefold().startswith(title.casefold()) or title.casefold().startswith(
                h.casefold()
            ):
                return h if len(h.split()) > 2 else title
        return title
    return h1s[0] if h1s else None


def strip_site(title: str, sitename: str | None) -> str:
    """Remove a " - Site Name" / " | Site" suffix (or "Site | " prefix) from a page title.

    Args:
        title: the page title.
        sitename: the site's name if known; a short last segment after " | " or " - "
            is taken for a site name too (the caller prefers a matching ``<h1>``, which
            repairs a headline cut this way).

    Returns:
        The title without the site name.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = (sitename or "").casefold()
    if site and parts[0].casefold() == site:
        return " - ".join(parts[1:]) if len(parts) > 2 else parts[1]
    last = parts[-1]
    is_site = bool(site) and (last.casefold() == site or site.startswith(last.casefold()))
    looks_like_site = len(last.split()) <= _MAX_SITE_WORDS and len(parts[0].split()) > 2
    if is_site or looks_like_site:
        # keep separators inside the headline itself: cut only the last segment off
        return title[: title.rfind(last)].rstrip(" |-–—·•»:")
    return title


def _trafilatura_meta(tree: HtmlElement) -> Document:
    """trafilatura's meta tag, JSON-LD, byline and title readers, without the parts unused here.

    ``extract_metadata`` also scans the whole page for categories, tags and licences, which
    took half of its time on the extraction data.
    """
    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        # a one-word "author" meta is a handle or the site itself, as trafilatura also judges
        doc.author = None
    # malformed JSON-LD must not cost the page its text; the meta tags are still read
    with contextlib.suppress(Exception):
        doc = extract_meta_json(tree, doc)
    if not doc.author:
        doc.author = extract_author(tree)
    if not doc.title:
        doc.title = extract_title(tree)
    if not doc.sitename:
        doc.sitename = extract_sitename(tree)
    if doc.sitename:
        # twitter:site gives a handle ("@Outlet"), the name without its "@" is what readers see
        doc.sitename = doc.sitename.lstrip("@")
    doc.clean_and_trim()
    return doc


def _first(tree: HtmlElement, *xpaths: str) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = str(value).strip()
            if text:
                return text
    return None


def _stated_datetime(tree: HtmlElement) -> str | None:
    """A publication timestamp with a time of day, as ISO 8601, if the page states one."""
    candidates = [str(v) for xp in _DATETIME_XPATHS for v in tree.xpath(xp)]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        candidates.extend(_JSONLD_PUBLISHED.findall(str(script)))
    for value in candidates:
        value = value.strip()
        if not _HAS_TIME.match(value):
            continue
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        except ValueError:
            continue
    return None

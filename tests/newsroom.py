"""A small newsroom for fetch tests: article pages, RSS 2.0 / RSS 1.0 / Atom feeds, sitemaps."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

TOPICS = ["harbour", "railway", "airport", "library", "hospital", "stadium", "tunnel", "market"]


def article_html(n: int, revision: str = "") -> str:
    """A news page whose report is unique to ``n``; ``revision`` adds a paragraph to it."""
    topic = TOPICS[n % len(TOPICS)]
    extra = f"<p>{escape(revision)}</p>" if revision else ""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Officials open {topic} project {n} after long delay</title>
<meta property="og:site_name" content="Local Courier"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Officials open {topic} project {n} after long delay</h1>
<p>City officials on Tuesday opened the {topic} project number {n}, ending a delay of {n + 2}
years that had frustrated commuters and local businesses alike.</p>
<p>The structure cost about {n * 3 + 10} million dollars, the transport office said in a
statement, and will serve roughly twelve thousand people every day.</p>
<p>"We finally have what this district needed," said Mayor Lina Ortiz, who cut the ribbon in
front of a crowd of {n + 40} residents on a cold morning.</p>{extra}
<p>Critics said the {topic} project ran over budget, and asked for an audit of contract {n}
signed during the first phase of construction.</p></article>
<footer>Copyright Local Courier</footer></body></html>"""


@dataclass(frozen=True)
class Item:
    """One feed entry."""

    url: str
    title: str
    date: str = "2026-12-01T09:00:00+00:00"
    updated: str | None = None


def rss2(items: list[Item], title: str = "Local Courier") -> str:
    rows = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.url)}</link>"
        f"<guid>{escape(i.url)}</guid><pubDate>{_rfc822(i.updated or i.date)}</pubDate></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.invalid/</link>{rows}</channel></rss>"
    )


def rss1(items: list[Item]) -> str:
    rows = "".join(
        f'<item rdf:about="{escape(i.url)}"><title>{escape(i.title)}</title>'
        f"<link>{escape(i.url)}</link><dc:date>{i.updated or i.date}</dc:date></item>"
        for i in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="http://example.invalid/"><title>Courier</title>'
        f"<link>http://example.invalid/</link></channel>{rows}</rdf:RDF>"
    )


def atom(items: list[Item]) -> str:
    rows = "".join(
        f'<entry><title>{escape(i.title)}</title><link href="{escape(i.url)}"/>'
        f"<id>{escape(i.url)}</id><published>{i.date}</published>"
        f"<updated>{i.updated or i.date}</updated></entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Courier</title><id>urn:courier</id><updated>2026-12-01T09:00:00Z</updated>{rows}"
        "</feed>"
    )


def news_sitemap(items: list[Item], publication: str = "Local Courier") -> str:
    rows = "".join(
        f"<url><loc>{escape(i.url)}</loc><news:news><news:publication><news:name>"
        f"{publication}</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{i.date}</news:publication_date>"
        f"<news:title>{escape(i.title)}</news:title></news:news></url>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{rows}</urlset>'
    )


def _rfc822(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso))

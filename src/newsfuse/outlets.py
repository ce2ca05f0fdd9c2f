"""Outlets as records: read them from data, and name the outlet a URL belongs to.

The shipped list (``data/outlets.json``) seeds every new store; a store's own list, which the
user extends, is what ingest and the read side use (``Store.outlet_records``). Matching is by
host: a URL belongs to the outlet listing its host or the nearest parent domain of it
(``edition.cnn.com`` -> ``cnn.com``; ``abcnews.go.com`` is listed as a host because ``go.com``
is not ABC's alone). No outlet may list a public suffix (``co.uk``, ``blogspot.com``: checked
against the public suffix list of the ``tld`` package when an outlet is read), so walking up a
host never reaches a domain that many owners share, and matching itself needs no list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from newsfuse.data import load_json
from newsfuse.errors import ConfigError
from newsfuse.models import OUTLET_KINDS, Article, Outlet

__all__ = [
    "OutletIndex",
    "domain_of",
    "named",
    "outlet_for_url",
    "parse_outlet",
    "parse_outlets",
    "seed_outlets",
]


def domain_of(url_or_host: str) -> str | None:
    """The host of a URL or a bare host name, lower case, without ``www.``; None if it has none.

    >>> domain_of("https://WWW.BBC.co.uk/news/world-1")
    'bbc.co.uk'
    """
    text = url_or_host.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".")
    return host.removeprefix("www.")


def parse_outlet(record: Mapping[str, Any]) -> Outlet:
    """An outlet from its JSON form (``name``, ``domains``, ``country``, ``language``, ``kind``).

    Domains may be written as URLs; they are reduced to hosts. Country codes are upper-cased,
    language codes lower-cased.

    Raises:
        ConfigError: a field is missing or has a value newsfuse cannot use.
    """
    name = str(record.get("name") or "").strip()
    if not name:
        raise ConfigError(f"an outlet needs a name: {dict(record)!r}")
    raw = record.get("domains") or []
    if isinstance(raw, str):
        raw = [raw]
    domains = []
    for value in raw:
        domain = domain_of(str(value))
        if domain is None or _is_public_suffix(domain):
            raise ConfigError(
                f"{value!r} of outlet {name!r} is no domain of one owner (e.g. 'bbc.co.uk', "
                "not 'co.uk')"
            )
        domains.append(domain)
    kind = str(record.get("kind") or "online").strip().lower()
    if kind not in OUTLET_KINDS:
        raise ConfigError(f"outlet {name!r}: kind {kind!r} is not one of {', '.join(OUTLET_KINDS)}")
    country, language = record.get("country"), record.get("language")
    return Outlet(
        name=name,
        domains=tuple(dict.fromkeys(domains)),
        country=str(country).strip().upper() or None if country else None,
        language=str(language).strip().lower() or None if language else None,
        kind=kind,  # checked against OUTLET_KINDS above
    )


def _is_public_suffix(domain: str) -> bool:
    # Imported here: tld reads its suffix list on first use (~0.3 s), which only reading
    # outlets pays, never matching.
    from tld import get_tld

    return get_tld("http://" + domain, fail_silently=True) == domain


def parse_outlets(data: Any) -> list[Outlet]:
    """Outlets from a list of records, or an object whose ``outlets`` is one (the data file's
    shape); raises :class:`ConfigError` on the first unusable record."""
    records = data.get("outlets") if isinstance(data, dict) else data
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ConfigError('an outlet list is a JSON list of objects, or {"outlets": [...]}')
    return [parse_outlet(r) for r in records]


@cache
def _seed() -> tuple[Outlet, ...]:
    return tuple(parse_outlets(load_json("outlets.json")))


def seed_outlets() -> list[Outlet]:
    """The outlets shipped with newsfuse (``data/outlets.json``), which seed a new store."""
    return list(_seed())


class OutletIndex:
    """Outlets by domain and by name, to answer which outlet a URL or a name is."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.by_domain: dict[str, Outlet] = {}
        self.by_name: dict[str, Outlet] = {}
        for outlet in outlets:
            self.by_name.setdefault(outlet.name.casefold(), outlet)
            for domain in outlet.domains:
                self.by_domain.setdefault(domain, outlet)

    def for_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain is the URL's host or a parent of it, the most specific
        first; None for a URL on no listed domain."""
        host = domain_of(url) if url else None
        if host is None:
            return None
        labels = host.split(".")
        for start in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None

    def for_name(self, name: str | None) -> Outlet | None:
        """The outlet of this name (compared without case), if listed."""
        return self.by_name.get(name.casefold()) if name else None

    def find(self, url: str | None, name: str | None) -> Outlet | None:
        """The outlet of a report: by its URL first, else by the outlet name it carries."""
        return self.for_url(url) or self.for_name(name)


def named(article: Article, index: OutletIndex) -> Article:
    """The article with the outlet its URL (or canonical URL) names, when it carries none.

    Only an article without an outlet is named: a name given by the caller or read off the
    page stays (the read side still finds its record by URL, :meth:`OutletIndex.find`).
    """
    if article.meta.outlet:
        return article
    found = index.for_url(article.meta.url) or index.for_url(article.meta.canonical_url)
    if found is None:
        return article
    return replace(article, meta=replace(article.meta, outlet=found.name))


def outlet_for_url(url: str, outlets: Iterable[Outlet] | None = None) -> Outlet | None:
    """The outlet a URL belongs to, among ``outlets`` (the shipped list when None).

    For many URLs among other outlets, build an :class:`OutletIndex` once instead.
    """
    return (_seed_index() if outlets is None else OutletIndex(outlets)).for_url(url)


@cache
def _seed_index() -> OutletIndex:
    return OutletIndex(_seed())

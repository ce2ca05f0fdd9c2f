"""Outlets as records: URL -> outlet, the shipped list, reading records, the coverage strip."""

from __future__ import annotations

from typing import Any

import pytest

from newsfuse.coverage import coverage
from newsfuse.errors import ConfigError
from newsfuse.models import Outlet
from newsfuse.outlets import (
    OutletIndex,
    domain_of,
    named,
    outlet_for_url,
    parse_outlet,
    parse_outlets,
    seed_outlets,
)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/world-europe-1", "BBC"),
        ("https://bbc.com/news/x", "BBC"),
        ("http://news.bbc.co.uk/2/hi/europe/1.stm", "BBC"),  # subdomain of a listed domain
        ("https://edition.cnn.com/2024/12/13/world/x", "CNN"),
        ("https://EDITION.CNN.COM./x", "CNN"),  # case and the root dot do not matter
        ("https://abcnews.go.com/International/x", "ABC News"),  # a listed host
        ("https://www.theguardian.com/world/2024/dec/13/x", "The Guardian"),
        ("https://folha.uol.com.br/mundo/x", "Folha de S.Paulo"),
        ("https://www.reuters.com/world/x", "Reuters"),
        ("https://go.com/", None),  # the parent of a listed host is not the outlet's
        ("https://www.uol.com.br/x", None),
        ("https://unknown-gazette.example.org/a", None),  # unknown domains name nothing
        ("https://bbc.co.uk.evil.example/x", None),  # a listed domain as a prefix is not it
        ("https://co.uk/x", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_a_urls_domain_names_its_outlet(url: str, outlet: str | None) -> None:
    found = outlet_for_url(url)
    assert (found.name if found else None) == outlet


def test_a_stores_own_outlets_can_be_asked_instead() -> None:
    mine = [Outlet("Kestrel Daily", ("kestrel-daily.example",), "IE", "en", "newspaper")]
    found = outlet_for_url("https://news.kestrel-daily.example/a", mine)
    assert found is not None and found.country == "IE"
    assert outlet_for_url("https://www.bbc.co.uk/news", mine) is None


def test_the_most_specific_listed_domain_wins() -> None:
    index = OutletIndex(
        [Outlet("Sky", ("sky.com",), kind="broadcaster"), Outlet("Sky News", ("news.sky.com",))]
    )
    assert index.for_url("https://news.sky.com/story/x").name == "Sky News"  # type: ignore[union-attr]
    assert index.for_url("https://www.sky.com/tv").name == "Sky"  # type: ignore[union-attr]
    assert index.find(None, "sky news").name == "Sky News"  # type: ignore[union-attr]


def test_the_shipped_list_is_facts_with_one_owner_per_domain() -> None:
    outlets = seed_outlets()
    assert len(outlets) >= 40
    names = [o.name.casefold() for o in outlets]
    domains = [d for o in outlets for d in o.domains]
    assert len(set(names)) == len(names) and len(set(domains)) == len(domains)
    for o in outlets:
        assert o.domains and o.kind in ("agency", "newspaper", "broadcaster", "online")
        assert o.country and len(o.country) == 2 and o.country.isupper()
        assert o.language and len(o.language) == 2 and o.language.islower()
    kinds = {o.name: o.kind for o in outlets}
    assert kinds["Reuters"] == "agency" and kinds["BBC"] == "broadcaster"
    assert kinds["Le Monde"] == "newspaper" and kinds["HuffPost"] == "online"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"name": " Kestrel ", "domains": ["https://WWW.Kestrel.example/news"], "country": "ie"},
            Outlet("Kestrel", ("kestrel.example",), "IE", None, "online"),
        ),
        (
            {"name": "K", "domains": "k.example", "language": "EN", "kind": "Agency"},
            Outlet("K", ("k.example",), None, "en", "agency"),
        ),
    ],
)
def test_records_are_read_and_normalised(record: dict[str, Any], expected: Outlet) -> None:
    assert parse_outlet(record) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"domains": ["a.example"]}, "needs a name"),
        ({"name": "A", "domains": ["co.uk"]}, "not 'co.uk'"),
        ({"name": "A", "domains": ["blogspot.com"]}, "one owner"),
        ({"name": "A", "domains": ["localhost"]}, "one owner"),
        ({"name": "A", "domains": ["a.example"], "kind": "blog"}, "not one of"),
    ],
)
def test_unusable_records_say_what_is_wrong(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_outlet(data)


def test_lists_come_bare_or_in_the_data_files_shape() -> None:
    rec = {"name": "A", "domains": ["a.example"]}
    assert parse_outlets([rec]) == parse_outlets({"outlets": [rec]})
    with pytest.raises(ConfigError, match="JSON list of objects"):
        parse_outlets({"name": "A"})


def test_domain_of_keeps_the_host_only() -> None:
    assert domain_of("https://www.BBC.co.uk:443/news?x=1") == "bbc.co.uk"
    assert domain_of("bbc.co.uk") == "bbc.co.uk"
    assert domain_of("http://[::1") is None


MEMBERS = [
    {
        "id": "c",
        "outlet": "BBC News",
        "url": "https://www.bbc.co.uk/news/1",
        "published": "2024-12-13T09:00:00+00:00",
        "copy_of": None,
    },
    {
        "id": "a",
        "outlet": None,
        "url": "https://www.reuters.com/world/1",
        "published": "2024-12-13T10:00:00+02:00",
        "copy_of": None,
    },
    {"id": "b", "outlet": "Reuters", "url": None, "published": "2024-12-14", "copy_of": "a"},
    {"id": "d", "outlet": "Harbour Ledger", "url": None, "published": None, "copy_of": None},
    {
        "id": "e",
        "outlet": None,
        "url": "https://cnn.com/x",
        "published": "2024-12-13T12:00:00Z",
        "copy_of": None,
    },
]


def test_the_coverage_strip_counts_outlets_countries_and_the_first_report() -> None:
    strip = coverage(MEMBERS, OutletIndex(seed_outlets()))
    # Reuters at 08:00 UTC (10:00+02:00) is before the BBC at 09:00 UTC.
    assert [(o["name"], o["country"], o["reports"], o["copies"]) for o in strip["outlets"]] == [
        ("Reuters", "GB", 2, 1),
        ("BBC", "GB", 1, 0),
        ("CNN", "US", 1, 0),
        ("Harbour Ledger", None, 1, 0),
    ]
    assert strip["outlets"][0]["kind"] == "agency"
    assert strip["countries"] == [{"country": "GB", "outlets": 2}, {"country": "US", "outlets": 1}]
    assert strip["first"] == {
        "outlet": "Reuters",
        "country": "GB",
        "article_id": "a",
        "published": "2024-12-13T10:00:00+02:00",
    }
    assert strip["reports"]["c"] == {"outlet": "BBC", "country": "GB"}


def test_an_undated_story_has_no_first_report() -> None:
    strip = coverage([MEMBERS[3]], OutletIndex([]))
    assert strip["first"] is None and strip["countries"] == []


def test_naming_fills_only_a_missing_outlet() -> None:
    from newsfuse.models import Article, Metadata, Origin

    index = OutletIndex(seed_outlets())
    bare = Article("x", "x", Origin(), "html", Metadata(url="https://www.dw.com/en/x"), ())
    assert named(bare, index).meta.outlet == "Deutsche Welle"
    given = Article("y", "y", Origin(), "html", Metadata(outlet="DW", url="https://dw.com/x"), ())
    assert named(given, index).meta.outlet == "DW"
    unknown = Article("z", "z", Origin(), "html", Metadata(url="https://z.example/x"), ())
    assert named(unknown, index).meta.outlet is None

"""Metadata read off a page: byline, credit, outlet, section, dates, language; hint precedence."""

from __future__ import annotations

import pytest
from conftest import seeds_dir

from newsfuse.clean.dump.cascade import clean_dump
from newsfuse.clean.language import language
from newsfuse.clean.metadata import credit, describe, normalise_published, parse_date
from newsfuse.models import Block, ChromeLine, CleanPage, Hints


def _page(
    body: list[str],
    chrome: list[tuple[str, str]] = (),
    captions: list[str] = (),
    meta: dict[str, str] | None = None,
) -> CleanPage:
    return CleanPage(
        headline="A headline",
        body=tuple(Block(t) for t in body),
        captions=tuple(captions),
        chrome=tuple(ChromeLine(t, lbl, i) for i, (t, lbl) in enumerate(chrome)),  # type: ignore[arg-type]
        page_meta=meta or {},
    )


@pytest.mark.parametrize(
    ("body", "captions", "expected"),
    [
        (["A U.S. official told Reuters that the talks went well."], [], "Reuters"),
        (["LONDON, May 2 (Reuters) - Shares fell."], [], "Reuters"),
        (["WASHINGTON (AP) — The Senate voted."], [], "Associated Press"),
        ([], ["A man walks. REUTERS/Jane Doe"], "Reuters"),
        ([], ["Protesters gather. AFP via Getty Images"], "AFP"),
        (["HALIFAX, March 3 (Northwind Wire) - Ferries stopped."], [], "Northwind Wire"),
        (["This story was provided by Lakeside Press Agency."], [], "Lakeside Press Agency"),
        (["Reuters reported last week that prices rose."], [], None),
        (["The minister said the deal was done (Sudan) - an aside."], [], None),
        (["Officials spoke via Twitter on Monday."], [], None),
        (["Nothing credits anyone here."], [], None),
    ],
)
def test_credit(body: list[str], captions: list[str], expected: str | None) -> None:
    assert credit(_page(body, captions=captions)) == expected


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Simon Lewis", "Simon Lewis"),
        ("By Jean-Luc Martin and Ana Ruiz", "Jean-Luc Martin and Ana Ruiz"),
        ("By Ewan Sinclair, Northwind Wire", "Ewan Sinclair"),
        ("By Colin MacLeod Business Reporter", "Colin MacLeod"),
        ("BY MARIA KEANE | Staff", "MARIA KEANE"),
        ("Written by: Tom Hale - Political Correspondent", "Tom Hale"),
    ],
)
def test_byline(line: str, byline: str) -> None:
    page = _page(["Body."], chrome=[(line, "byline")])
    assert describe(page, Hints()).byline == byline


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published March 4, 2025 6:12 p.m. GMT", "2025-03-04T18:12"),
        ("Updated 4 March 2025", "2025-03-04"),
        ("Sept. 23, 2024", "2024-09-23"),
        ("2024-12-13T08:30:00Z", "2024-12-13T08:30"),
        ("February 30, 2024", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_hints_win_over_page_and_text() -> None:
    page = _page(
        ["Body text here."],
        chrome=[("Published March 4, 2025", "dateline"), ("© 2025 Harbour Media Ltd.", "footer")],
        meta={"sitename": "Site", "author": "Page Author"},
    )
    meta = describe(page, Hints())
    assert (meta.outlet, meta.byline, meta.published, meta.published_source) == (
        "Site",
        "Page Author",
        "2025-03-04",
        "text",
    )
    meta = describe(page, Hints(outlet="Flag", byline="Hint", published="2024-12-13"))
    assert (meta.outlet, meta.byline, meta.published, meta.published_source) == (
        "Flag",
        "Hint",
        "2024-12-13",
        "hint",
    )
    page = _page(
        ["Body."], chrome=[("© 2025 Kestrel Daily Media Ltd. All rights reserved.", "footer")]
    )
    assert describe(page, Hints()).outlet == "Kestrel Daily"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said that the talks with the union were going well and would go on.", "en"),
        ("Der Minister sagte, dass die Gespräche mit der Gewerkschaft gut verlaufen seien.", "de"),
        ("Le ministre a dit que les discussions avec le syndicat se passaient bien et que.", "fr"),
        ("El ministro dijo que las conversaciones con el sindicato iban bien y que se.", "es"),
        ("12 34 56", None),
    ],
)
def test_language(text: str, lang: str | None) -> None:
    assert language(text) == lang


def test_normalise_published_keeps_precision() -> None:
    assert normalise_published("2024-12-13") == "2024-12-13"
    assert normalise_published("2024-12-13T10:00:00+00:00") == "2024-12-13T10:00:00+00:00"
    assert normalise_published("Dec 13, 2024") == "2024-12-13"
    assert normalise_published("soon") is None


@pytest.mark.parametrize(
    ("name", "headline", "section", "byline", "credit_"),
    [
        (
            "000_be731d162a427716.txt",
            "Blinken pledges to work with Iraq against IS jihadists",
            "SYRIA",
            None,
            None,
        ),
        (
            "001_c8002c06e19f39ec.txt",
            "Blinken makes unannounced Iraq visit as part of Syria diplomacy push",
            None,
            "Simon Lewis",
            "Reuters",
        ),
    ],
)
def test_seed_metadata(
    name: str, headline: str, section: str | None, byline: str | None, credit_: str | None
) -> None:
    text = (seeds_dir() / name).read_text(encoding="utf-8")
    meta = describe(clean_dump(text), Hints())
    assert (meta.headline, meta.section, meta.byline, meta.credit) == (
        headline,
        section,
        byline,
        credit_,
    )
    assert meta.published is None and meta.language == "en"

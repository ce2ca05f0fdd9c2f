"""Shape of a story's coverage strip in the API (see :func:`newsfuse.coverage.coverage`)."""

from __future__ import annotations

from pydantic import BaseModel


class CoverageOutlet(BaseModel):
    """One outlet that reported the story; country, language and kind are None when no
    outlet record matches its reports (by URL domain or name)."""

    name: str | None
    country: str | None
    language: str | None
    kind: str | None
    reports: int
    copies: int
    first_published: str | None
    first_article: str


class CountryCount(BaseModel):
    country: str
    outlets: int


class FirstReport(BaseModel):
    outlet: str | None
    country: str | None
    article_id: str
    published: str


class CoverageReport(BaseModel):
    """The outlet a report is counted under, and its country."""

    outlet: str | None
    country: str | None


class Coverage(BaseModel):
    """Which outlets reported a story (in the order they first did), from which countries,
    the earliest dated report, and each report's outlet by article id."""

    outlets: list[CoverageOutlet]
    countries: list[CountryCount]
    first: FirstReport | None
    reports: dict[str, CoverageReport]

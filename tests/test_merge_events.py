"""Event coding: invented sentences, the seed reports, and the PLOVER gold quality floor."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import data_dir, lineages_of, seed_articles

from newsfuse.extract.analyse import analyse, to_json
from newsfuse.extract.events.lexicon import PLOVER_TYPES, polecat_type
from newsfuse.merge.events import event_row, story_events
from newsfuse.models import Article, Block, Event, Metadata, Origin, StoryInput
from newsfuse.models import analysis_from_json as from_json
from newsfuse.timestamps import date_range

PUBLISHED = "2024-12-13"  # a Friday


def _article(aid: str, paragraphs: list[str], outlet: str | None = None) -> Article:
    return Article(
        id=aid,
        content_key=aid,
        origin=Origin(path=f"{aid}.txt"),
        format="text",
        meta=Metadata(headline=None, published=PUBLISHED, outlet=outlet),
        body=tuple(Block(p) for p in paragraphs),
    )


def _events(*articles: Article, copies: dict[str, str] | None = None) -> list[Event]:
    lineages = lineages_of(articles, copies)
    analyses = {x.article_id: x for x in analyse(list(articles))}
    return story_events(StoryInput("t", list(articles), analyses, lineages))


def _names(event: Event, side: str) -> str:
    return " ".join(a.name for a in getattr(event, side)).lower()


@pytest.mark.parametrize(
    ("sentence", "type_", "source", "target"),
    [
        (
            "Iraqi police arrested 12 protesters in Basra on Monday.",
            "COERCE",
            "police",
            "protesters",
        ),
        (
            "The president was overthrown by army officers on Sunday.",
            "FIGHT",
            "officers",
            "president",
        ),
        ("France and Germany condemned Russia on Tuesday.", "DISAPPROVE", "france", "russia"),
        (
            "Antony Blinken held talks with Olaf Scholz in Berlin on Tuesday.",
            "CONSULT",
            "blinken",
            "scholz",
        ),
        ("Hamas threatened Israel on Monday.", "THREATEN", "hamas", "israel"),
    ],
)
def test_sentence_coding(sentence: str, type_: str, source: str, target: str) -> None:
    events = _events(_article("a", [sentence]))
    assert [e.type for e in events] == [type_]
    assert source in _names(events[0], "source")
    assert target in _names(events[0], "target")


def test_coordinated_sources_are_both_kept() -> None:
    (event,) = _events(_article("a", ["France and Germany condemned Russia on Tuesday."]))
    assert {a.name for a in event.source} == {"France", "Germany"}
    assert {a.country for a in event.source} == {"FRA", "DEU"}


def test_held_talks_has_place_and_date() -> None:
    (event,) = _events(
        _article("a", ["Antony Blinken held talks with Olaf Scholz in Berlin on Tuesday."])
    )
    assert event.mode == "meet"
    assert event.place is not None and event.place.name == "Berlin"
    assert event.date == "2024-12-10"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The minister said on Monday that the weather had been fine.",
        'The minister said: "We will attack the rebels and arrest their leaders."',
        "“The army must withdraw and we will protest,” the opposition leader said.",
    ],
)
def test_no_event_from_speech_or_quotes(paragraph: str) -> None:
    assert _events(_article("a", [paragraph])) == []


def test_two_meetings_on_different_dates_are_two_events() -> None:
    events = _events(
        _article(
            "a",
            [
                "Antony Blinken met Olaf Scholz in Berlin on Monday.",
                "Antony Blinken met Olaf Scholz in Berlin on Thursday.",
            ],
        )
    )
    assert sorted(e.date or "" for e in events) == ["2024-12-09", "2024-12-12"]


def test_wire_copy_does_not_double_sources() -> None:
    text = ["Antony Blinken met Olaf Scholz in Berlin on Monday."]
    events = _events(_article("a", text, "AP"), _article("b", text, "Daily"), copies={"b": "a"})
    (event,) = events
    assert event.reports == ("a", "b")
    assert event.sources == 1
    assert event.outlets == ("AP", "Daily")


def test_event_row_layout() -> None:
    (event,) = _events(_article("a", ["Antony Blinken met Olaf Scholz in Berlin on Monday."]))
    row = event_row(event)
    assert row["plover_type"] == "CONSULT" and row["polecat_type"] == "CONSULT"
    assert row["place"] == "Berlin" and row["place_country"] == "DEU"
    assert row["reports"] == 1 and row["sources"] == 1 and row["first_article"] == "a"


def test_polecat_crosswalk_covers_every_type() -> None:
    assert {polecat_type(t) for t in PLOVER_TYPES} == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip


def test_date_ranges() -> None:
    assert date_range("2024-W49-WE") == (dt.date(2024, 12, 7), dt.date(2024, 12, 8))
    assert date_range("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_range("P50Y") is None


# --- the two seed reports ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    arts = seed_articles(PUBLISHED)
    return _events(*arts)


def test_stored_drafts_code_as_a_fresh_parse() -> None:
    """Events coded from the drafts kept with stored analyses equal those of a fresh parse."""
    arts = seed_articles(PUBLISHED)
    lineages = lineages_of(arts)
    analysed = analyse(arts)
    assert all(x.events for x in analysed)
    stored = {x.article_id: from_json(json.loads(json.dumps(to_json(x)))) for x in analysed}
    assert [x.events for x in analysed] == [stored[a.id].events for a in arts]
    older = {k: replace(x, events=None) for k, x in stored.items()}
    via_drafts = story_events(StoryInput("t", arts, stored, lineages))
    via_parse = story_events(StoryInput("t", arts, older, lineages))
    assert via_drafts and via_drafts == via_parse


def _find(events: list[Event], type_: str, mode: str, target: str = "") -> list[Event]:
    return [
        e for e in events if e.type == type_ and e.mode == mode and target in _names(e, "target")
    ]


def test_seed_meeting_is_one_event_with_two_sources(seed_events: list[Event]) -> None:
    (meet,) = _find(seed_events, "CONSULT", "meet", "sudani")
    assert "blinken" in _names(meet, "source")
    assert meet.place is not None and meet.place.name == "Baghdad"
    assert meet.date == "2024-12-13"
    assert meet.reports == ("000", "001") and meet.sources == 2
    assert {a.code for a in meet.source} == {"USA GOV"}
    assert {a.code for a in meet.target} == {"IRQ GOV"}


def test_seed_travel_and_jordan_visit_are_000_only(seed_events: list[Event]) -> None:
    (travel,) = _find(seed_events, "CONSULT", "travel")
    assert travel.reports == ("000",) and travel.place is not None
    assert travel.place.name == "Baghdad"
    (jordan,) = _find(seed_events, "CONSULT", "visit", "jordan")
    assert jordan.reports == ("000",) and jordan.date == "2024-12-12"
    assert "blinken" in _names(jordan, "source")


def test_seed_overthrow_in_both(seed_events: list[Event]) -> None:
    (fight,) = [e for e in _find(seed_events, "FIGHT", "", "assad")]
    assert fight.reports == ("000", "001") and fight.sources == 2
    assert fight.date == "2024-12-08"
    assert "rebels" in _names(fight, "source")
    assert event_row(fight)["polecat_type"] == "ASSAULT"


def test_seed_no_event_from_trump_quote(seed_events: list[Event]) -> None:
    for event in seed_events:
        for m in event.mentions:
            assert "NOT OUR FIGHT" not in m.trigger
            assert not (m.trigger.lower() == "fight" and m.article_id == "000")


# --- quality floor on the PLOVER gold records -------------------------------------------------

#: Measured 0.703 (whole), 0.649 (half B) with the CAMEO verb table as fallback (2026-12-07;
#: before it 0.665 / 0.603); source F1 0.844, target F1 0.615. A change that drops below fails.
MACRO_F1_FLOOR = 0.69
SOURCE_F1_FLOOR = 0.82
TARGET_F1_FLOOR = 0.59


def test_plover_gold_floor() -> None:
    from newsfuse.evaluate.events import load_gold, predict, score

    path = data_dir("events") / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    gold = load_gold(Path(path))
    result = score(gold, predict([g.text for g in gold]))
    assert result["macro_f1"] >= MACRO_F1_FLOOR
    assert result["source"]["f1"] >= SOURCE_F1_FLOOR
    assert result["target"]["f1"] >= TARGET_F1_FLOOR

"""Tests for extract/entities/find.py: canonical names within an article and across a story."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsfuse.extract.entities.cues import context_labels
from newsfuse.extract.entities.find import extract_entities
from newsfuse.extract.entities.names import (
    entity_id,
    initials,
    is_acronym,
    name_key,
    surname_keys,
    titles_match,
)
from newsfuse.extract.entities.places import resolve_places
from newsfuse.extract.entities.raw import RawMention
from newsfuse.extract.nlp import load_nlp, parse, required_components
from newsfuse.merge.entities import canonicalise_story
from newsfuse.models import ArticleEntities, Entity, StoryEntities

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _entity(found: ArticleEntities | StoryEntities, name: str) -> Entity:
    hits = [e for e in found.entities if e.name == name]
    assert len(hits) == 1, f"{name}: {[e.name for e in found.entities]}"
    return hits[0]


def _owner(found: ArticleEntities | StoryEntities, surface: str) -> set[str]:
    """Names of the entities that have a mention written ``surface``."""
    return {e.name for e in found.entities if any(m.text == surface for m in e.mentions)}


# --- name forms (no model needed) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [("al-Qaeda", "al Qaeda"), ("The State Department", "State Department"), ("U.S.", "US")],
)
def test_name_key_joins_spellings(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Antony Blinken", "antony-blinken"), ("Mohammed Shia al-Sudani", "mohammed-shia-al-sudani"),
     ("Hayat Tahrir al-Sham", "hayat-tahrir-al-sham"), ("Côte d'Ivoire", "cote-divoire")],
)  # fmt: skip
def test_entity_id_is_a_slug_of_the_name(name: str, expected: str) -> None:
    assert entity_id(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Hayat Tahrir al-Sham", "HTS"), ("Popular Mobilization Forces", "PMF"),
     ("Islamic State of Iraq and Syria", "ISIS"), ("World Food Programme", "WFP")],
)  # fmt: skip
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(("text", "expected"), [("WFP", True), ("U.N.", True), ("Iraq", False)])
def test_is_acronym(text: str, expected: bool) -> None:
    assert is_acronym(text) is expected


@pytest.mark.parametrize(
    ("full", "surname"),
    [("Mohammed Shia al-Sudani", "sudani"), ("Bashar al-Assad", "assad"), ("Joe Biden", "biden")],
)
def test_surname_keys(full: str, surname: str) -> None:
    assert surname in surname_keys(full)


@pytest.mark.parametrize(
    ("alone", "held", "expected"),
    [("the Iraqi Prime Minister", "Prime Minister", True),
     ("the Iraqi Prime Minister", "Iraqi Prime Minister", True),
     ("The U.S. Secretary of State", "US Secretary of State", True),
     ("the Israeli Prime Minister", "Iraqi Prime Minister", False),
     ("the Prime Minister", "President", False)],
)  # fmt: skip
def test_titles_match(alone: str, held: str, expected: bool) -> None:
    assert titles_match(alone, held) is expected


def test_parse_runs_only_what_ner_needs(nlp: Language) -> None:
    needed = required_components(nlp, ["ner"])
    assert "ner" in needed and "parser" not in needed
    assert "tok2vec" in required_components(nlp, ["tagger"])
    assert [e.text for e in parse(["Antony Blinken visited Baghdad."], nlp=nlp)[0].ents]


# --- one article ----------------------------------------------------------------------------

_INVENTED = [
    pytest.param(  # title -> person, surname the tagger misses, standalone title
        ["Kenyan President William Ruto on Friday named a new cabinet after weeks of protests.",
         "Ruto told reporters the changes would restore trust. The Kenyan President said "
         "protesters had been heard."],
        "William Ruto", {"Ruto", "Kenyan President", "William Ruto"}, id="title-and-surname"),
    pytest.param(  # acronym defined in parentheses, then used alone
        ["The World Food Programme (WFP) warned that millions of people in Sudan face famine.",
         "WFP trucks were blocked near the border, the agency said."],
        "World Food Programme", {"World Food Programme", "WFP"}, id="acronym"),
    pytest.param(  # aliases from the data file
        ["ISIL fighters attacked a checkpoint, and Daesh later claimed the attack.",
         "The Islamic State group has lost most of its territory."],
        "Islamic State", {"ISIL", "Daesh", "Islamic State group"}, id="alias-table"),
    pytest.param(  # possessive and a title stripped from the name
        ["Russian President Vladimir Putin's envoy arrived in Ankara on Monday.",
         "Putin's spokesman said the Russian President would not attend."],
        "Vladimir Putin", {"Vladimir Putin", "Putin", "Russian President"}, id="possessive"),
    pytest.param(
        ["President-elect Donald Trump said he would meet NATO leaders. Trump gave no date."],
        "Donald Trump", {"Donald Trump", "Trump", "President-elect"}, id="title-elect"),
]  # fmt: skip


@pytest.mark.parametrize(("paragraphs", "name", "surfaces"), _INVENTED)
def test_one_entity_per_actor(
    nlp: Language, paragraphs: list[str], name: str, surfaces: set[str]
) -> None:
    found = extract_entities(paragraphs, nlp=nlp)
    entity = _entity(found, name)
    assert surfaces <= {m.text for m in entity.mentions}
    for surface in surfaces:
        assert _owner(found, surface) == {name}
    for m in entity.mentions:
        assert paragraphs[m.paragraph][m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("paragraph", "government"),
    [("Washington sees this moment as an opportunity to push back.", True),
     ("The collapse took Washington by surprise.", True),
     ("Thousands of protesters gathered in Washington on Saturday.", False),
     ("The delegation flew to Washington for talks.", False)],
)  # fmt: skip
def test_washington_government_or_place(nlp: Language, paragraph: str, government: bool) -> None:
    found = extract_entities([paragraph], nlp=nlp)
    owners = _owner(found, "Washington")
    assert owners == ({"U.S. government"} if government else {"Washington"})
    types = {e.type for e in found.entities if e.name in owners}
    assert types == ({"org"} if government else {"place"})


def test_shouted_text_is_not_an_acronym(nlp: Language) -> None:
    found = extract_entities(["Trump wrote: THIS IS NOT OUR FIGHT. IS fighters fled."], nlp=nlp)
    assert [m.text for m in _entity(found, "Islamic State").mentions] == ["IS"]


# --- types the NER got wrong: rules on invented names (no name here is in any data file) ---


_ORLA, _KESSOCK = "Orla Quennell", "Kessock Holdings"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [('"Ready," said Orla Quennell, a spokeswoman for the port.', _ORLA, "PERSON speaker"),
     ("Orla Quennell, who heads the harbour board, said it was over.", _ORLA, "PERSON speaker"),
     ("Orla Quennell, the company's chief executive, told reporters.", _ORLA, "PERSON speaker"),
     ("Said Orla Quennell, 54, who runs the shop: it is gone.", _ORLA, "PERSON speaker"),
     ("Dr. Orla Quennell said the samples were clean.", _ORLA, "PERSON honorific"),
     ("Mayor Orla Quennell visited the site.", _ORLA, "PERSON title"),
     ("Kessock Holdings, which runs the quay, said it would reopen.", _KESSOCK, "ORG "),
     ("Kessock Holdings, a firm of 40 staff, said it would reopen.", _KESSOCK, "ORG "),
     ("Kessock Holdings, the port operator, closed the gates.", _KESSOCK, "ORG ")],
)  # fmt: skip
def test_person_cues_override_the_ner(text: str, name: str, expected: str) -> None:
    start = text.index(name)
    (found,) = context_labels(text, [RawMention(0, start, start + len(name), name, "ORG")])
    assert f"{found.label} {found.cue}" == expected


def test_honorific_is_never_an_alias_and_flour_no_person(nlp: Language) -> None:
    found = extract_entities(["Dr. Ines Varga said the samples were clean. Flour, ovens, the "
                              "till.", "Varga added that more were due."], nlp=nlp)  # fmt: skip
    varga = _entity(found, "Ines Varga")
    assert varga.type == "person" and {m.text for m in varga.mentions} == {"Ines Varga", "Varga"}
    assert not any(e.name in {"Dr.", "Flour"} or "Dr." in e.aliases for e in found.entities)


# --- a story --------------------------------------------------------------------------------


def test_story_merges_surname_title_and_acronym(nlp: Language) -> None:
    first = extract_entities(
        ["U.N. Secretary-General Antonio Guterres met Kenyan President William Ruto in "
         "Nairobi, where the World Food Programme runs its regional office."], nlp=nlp)  # fmt: skip
    second = extract_entities(
        ["President Ruto said the U.N. Secretary-General had promised help, and WFP staff agreed."],
        nlp=nlp,
    )
    story = canonicalise_story([first, second])
    assert _owner(story, "Ruto") == {"William Ruto"}
    assert _owner(story, "U.N. Secretary-General") == {"Antonio Guterres"}
    assert _owner(story, "WFP") == {"World Food Programme"}
    guterres = _entity(story, "Antonio Guterres")
    assert guterres.id == "antonio-guterres"
    assert story.members[1][entity_id("U.N. Secretary-General")] == "antonio-guterres"


def test_story_ids_are_stable_across_stories(nlp: Language) -> None:
    one = canonicalise_story([extract_entities(["Antony Blinken landed in Baghdad."], nlp=nlp)])
    other = canonicalise_story(
        [
            extract_entities(
                ["Blinken met officials. U.S. Secretary of State Antony Blinken left later."],
                nlp=nlp,
            )
        ]  # fmt: skip
    )
    assert _entity(one, "Antony Blinken").id == _entity(other, "Antony Blinken").id


# --- the two seed reports -------------------------------------------------------------------


def _seed_body(name: str, first: int, last: int) -> list[str]:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed dump {path} not present")
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()[first - 1 : last]]
    body: list[str] = []
    for line in lines:
        subhead = len(line.split()) < 8 and not line.endswith(".")
        caption = "/File Photo" in line or "via Reuters" in line
        if line and not subhead and not caption and line not in body:
            body.append(line)
    return body


_SEED_ENTITIES = {
    "Antony Blinken": {"Blinken", "U.S. Secretary of State", "Antony Blinken"},
    "Mohammed Shia al-Sudani": {"Sudani", "Iraqi Prime Minister", "Prime Minister"},
    "Bashar al-Assad": {"Assad"},
    "Donald Trump": {"Trump"},
    "Joe Biden": {"Joe Biden"},
    "Islamic State": {"IS", "Daesh"},
    "Hayat Tahrir al-Sham": set(),
    "al Qaeda": set(),
    "Hezbollah": set(),
    "Hamas": set(),
    "Popular Mobilization Forces": set(),
    "State Department": set(),
    "Reuters": set(),
}
_SEED_PLACES = {
    "Iraq": "IQ", "Syria": "SY", "Baghdad": "IQ", "Ankara": "TR", "Jordan": "JO", "Turkey": "TR",
    "Israel": "IL", "Iran": "IR", "Tehran": "IR", "Damascus": "SY", "Gaza": "PS",
    "United States": "US",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_story(nlp: Language) -> StoryEntities:
    bodies = [_seed_body("000_be731d162a427716.txt", 8, 34),
              _seed_body("001_c8002c06e19f39ec.txt", 7, 33)]  # fmt: skip
    assert [len(b) for b in bodies] == [12, 12]
    return canonicalise_story([extract_entities(b, nlp=nlp) for b in bodies])


@pytest.mark.parametrize(("name", "surfaces"), sorted(_SEED_ENTITIES.items()))
def test_seed_entities(seed_story: StoryEntities, name: str, surfaces: set[str]) -> None:
    entity = _entity(seed_story, name)
    assert surfaces <= {m.text for m in entity.mentions}
    for surface in surfaces:
        assert _owner(seed_story, surface) == {name}


def test_seed_washington_is_the_government(seed_story: StoryEntities) -> None:
    assert _owner(seed_story, "Washington") == {"U.S. government"}


def test_seed_places_resolve(seed_story: StoryEntities) -> None:
    names = [e.name for e in seed_story.entities if e.type == "place"]
    resolved = resolve_places(names, seed_story.evidence)
    got = {n: p.country_code for n, p in resolved.items() if p is not None}
    assert {n: got.get(n) for n in _SEED_PLACES} == _SEED_PLACES

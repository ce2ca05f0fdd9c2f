"""Word lists for quote extraction: the cue lexicon (data/cue_verbs.json) and closed classes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsfuse.data import load_json


@dataclass(frozen=True)
class CueLexicon:
    """Inflected form -> lemma maps for the two kinds of cue verbs.

    Attributes:
        speech: Verbs that introduce direct or reported speech (said, told, warned).
        quote_only: Verbs that are cues only when they govern a quotation (called it "a mess").
        document_nouns: Heads of source phrases that stand for a speaker (statement, office).
    """

    speech: dict[str, str]
    quote_only: dict[str, str]
    document_nouns: frozenset[str]


@cache
def cue_lexicon() -> CueLexicon:
    """Load the cue lexicon shipped with the package (once per process)."""
    raw = load_json("cue_verbs.json")

    def _forms(section: dict[str, list[str]]) -> dict[str, str]:
        return {form: lemma for lemma, forms in section.items() for form in forms}

    return CueLexicon(
        speech=_forms(raw["speech"]),
        quote_only=_forms(raw["quote_only"]),
        document_nouns=frozenset(raw["document_nouns"]),
    )


#: Subject pronouns and the kind of antecedent each one takes.
PRONOUN_KIND: dict[str, str] = {
    "he": "person", "she": "person", "him": "person", "her": "person", "his": "person",
    "it": "org", "its": "org", "they": "group", "them": "group", "their": "group",
    "we": "group", "our": "group", "i": "self", "me": "self", "my": "self", "you": "self",
    "who": "relative", "which": "relative", "that": "relative",
}  # fmt: skip

#: Words that name a role rather than a person; stripped from the front of names and used
#: to resolve a definite role ("the Secretary of State") to the person last given it.
_TITLE_TEXT = """mr. mrs. ms. miss dr. prof. sen. rep. gov. gen. lt. col. sgt. adm. capt. rev. st.
    president vice secretary minister prime chancellor senator representative congressman
    congresswoman governor mayor judge justice chairman chairwoman chair spokesman
    spokeswoman spokesperson ambassador general admiral director chief commissioner leader
    speaker sheriff attorney pope king queen prince princess lord lady sir candidate
    nominee official aide adviser advisor strategist analyst professor elect"""
TITLE_WORDS: frozenset[str] = frozenset(_TITLE_TEXT.split())

#: A name containing one of these words names an organisation, not a person.
_ORG_TEXT = """department ministry office agency party committee council commission campaign
    administration government house senate congress court university college institute
    bank inc. corp. co. company group forces army navy police news times post journal
    press reuters network foundation association union center centre organization
    organisation coalition board service bureau federation league club fund school church
    state states nations republicans democrats gop cnn fbi cia nato msnbc fox abc cbs nbc"""
ORG_WORDS: frozenset[str] = frozenset(_ORG_TEXT.split())

#: Lower-case particles inside Arabic, Dutch, German, French and Spanish names (al-Sudani).
_PARTICLES_TEXT = """al el bin ibn abu de del la le van von der da"""
NAME_PARTICLES: frozenset[str] = frozenset(_PARTICLES_TEXT.split())

#: Subject dependency labels (the speaker of a cue verb).
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})

#: Children left out of a speaker phrase: they describe the speaker, they do not name it.
SPEAKER_DROP_DEPS: frozenset[str] = frozenset({"relcl", "acl", "appos", "punct", "advmod", "cc"})

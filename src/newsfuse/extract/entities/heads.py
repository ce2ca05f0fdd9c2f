"""Name heads and context words that type a name, read from data/entity_heads.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsfuse.data import load_json
from newsfuse.extract.quotes.lexicon import cue_lexicon
from newsfuse.models import EntityType

# The head of a name stands before its first preposition: "University of Cork", "Institute
# for Fiscal Studies", "Sea Cliff Theater on Long Island".
_HEAD_SPLIT = re.compile(r" (?:of|for|on|in|at) ")


@dataclass(frozen=True)
class Heads:
    """The word lists of data/entity_heads.json (see its ``_about``), plus the speech verbs.

    Attributes:
        org_heads: Last words that make a name an organisation ("Terminals", "Authority").
        place_heads: Last words that make a name a place ("Passage", "Street").
        place_prefixes: First words that make a name a place ("River", "Lake").
        honorifics: Courtesy titles ("Dr.", "Ms."): the name after them is a person.
        person_roles: Appositive words that make the name before them a person.
        place_nouns: Appositive words that make the name before them a place.
        place_before: Words before a gazetteer name that read it as a place ("residents of").
        speech_verbs: Inflected speech verbs (data/cue_verbs.json, shared with quotes).
        month: Matches a month name, full or abbreviated, for datelines.
    """

    org_heads: frozenset[str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    honorifics: frozenset[str]
    person_roles: frozenset[str]
    place_nouns: frozenset[str]
    place_before: frozenset[str]
    speech_verbs: frozenset[str]
    month: str


@cache
def heads() -> Heads:
    """Load data/entity_heads.json once per process."""
    raw = load_json("entity_heads.json")
    months = sorted(raw["months"], key=len, reverse=True)
    return Heads(
        org_heads=frozenset(raw["org_heads"]),
        place_heads=frozenset(raw["place_heads"]),
        place_prefixes=frozenset(raw["place_prefixes"]),
        honorifics=frozenset(raw["honorifics"]),
        person_roles=frozenset(raw["person_roles"]),
        place_nouns=frozenset(raw["place_nouns"]),
        place_before=frozenset(raw["place_before"]),
        speech_verbs=frozenset(cue_lexicon().speech),
        month="(?:" + "|".join(re.escape(m) for m in months) + ")",
    )


def head_type(name: str) -> EntityType | None:
    """The type a name's own words give it, or None.

    An organisation head wins over a place head ("Bay of Fundy Tidal Authority"); the head
    is the last word, or the word before the first preposition ("University of Cork", "Gulf
    of Gdańsk"), and for places also a first word ("River Este"). A single word has no
    head: "Energy" alone is not an organisation.

    Args:
        name: The name as written, without a leading "the".

    Returns:
        "org", "place", or None when no head word decides.
    """
    words = name.split()
    if len(words) < 2:
        return None
    if "&" in words:
        return "org"  # "Harland & Quay", "Procter & Gamble": partners' names make a firm
    h = heads()
    core = _HEAD_SPLIT.split(name, 1)[0].split()
    # "Bay of Fundy Authority" is an authority; "Theater on Long Island" is not an island.
    ends = {core[-1], words[-1]} if " of " in name or len(core) == len(words) else {core[-1]}
    if ends & h.org_heads:
        return "org"
    if ends & h.place_heads or words[0] in h.place_prefixes:
        return "place"
    return None


def is_honorific(word: str) -> bool:
    """Whether ``word`` is a courtesy title ("Dr.", "Mrs"), never a name or an alias."""
    return word in heads().honorifics

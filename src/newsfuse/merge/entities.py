"""Across a story's reports: one entity per real-world actor, places resolved together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from newsfuse.extract.entities.cues import surely_place
from newsfuse.extract.entities.gazetteer import Place
from newsfuse.extract.entities.lexicon import lexicon
from newsfuse.extract.entities.names import (
    acronym_key,
    initials,
    is_acronym,
    name_key,
    person_key,
    surname_keys,
    titles_match,
)
from newsfuse.extract.entities.places import resolve_places
from newsfuse.extract.entities.types import vote
from newsfuse.models import Analysis, ArticleEntities, Entity, PlaceName, StoryEntities


def canonicalise_story(articles: Sequence[ArticleEntities]) -> StoryEntities:
    """Merge the entities of a story's articles: one id per real-world entity.

    Same canonical name, surname of one full name, acronym of one organisation, or a title
    held by one person all merge into that entity; its id comes from its canonical name, so
    the same actor gets the same id in every story.

    Args:
        articles: The entities of each article of the story.

    Returns:
        Story entities, and per article which story entity each of its entities joined.
    """
    pool: dict[str, list[Entity]] = {}
    for article in articles:
        for entity in article.entities:
            pool.setdefault(entity.id, []).append(entity)
    heads = {eid: _merge_same(group) for eid, group in pool.items()}
    target = {eid: _story_target(e, heads) for eid, e in heads.items()}
    for eid in target:  # follow chains ("Sudani" -> "al-Sudani" -> full name) to their end
        seen = {eid}
        while target[target[eid]] not in seen:
            seen.add(target[eid])
            target[eid] = target[target[eid]]
    merged: dict[str, list[Entity]] = {}
    for eid, entity in heads.items():
        merged.setdefault(target[eid], []).append(entity)
    entities = tuple(_merge_into(heads[t], group) for t, group in merged.items())
    members = tuple({e.id: target[e.id] for e in a.entities} for a in articles)
    evidence = frozenset(code for a in articles for code in a.evidence)
    return StoryEntities(entities, members, evidence)


def _merge_same(group: list[Entity]) -> Entity:
    """One entity for the same id in several articles; the majority type, except that a
    name the gazetteer knows only as a place is a place when any article found it one."""
    types = Counter(e.type for e in group)
    best = vote(types)
    if len(types) > 1 and "place" in types and surely_place(group[0].name):
        best = "place"
    name = next((e.name for e in group if not e.name.isupper()), group[0].name)
    return _merge_into(Entity(group[0].id, name, best, ()), group)


def _merge_into(head: Entity, group: list[Entity]) -> Entity:
    mentions = tuple(m for e in group for m in e.mentions)
    aliases = {a for e in group for a in (e.name, *e.aliases)} - {head.name}
    return Entity(head.id, head.name, head.type, mentions, tuple(sorted(aliases)))


def _story_target(entity: Entity, heads: dict[str, Entity]) -> str:
    """The id of the story entity ``entity`` stands for (its own id when none fits better)."""
    if lexicon().find(entity.name) is not None:
        return entity.id
    others = [e for e in heads.values() if e.id != entity.id]
    key = name_key(entity.name)
    if all(m.label == "TITLE" for m in entity.mentions):
        fits = {
            e.id
            for e in others
            if e.type == "person"
            and any(m.label == "TITLE" and titles_match(entity.name, m.text) for m in e.mentions)
        }
        return fits.pop() if len(fits) == 1 else entity.id
    if " " not in entity.name and entity.type != "group":
        fits = {e.id for e in others if e.type == "person" and key in surname_keys(e.name)}
        if len(fits) == 1:
            return fits.pop()
    if entity.type == "person":
        fits = {
            e.id for e in others if e.type == "person" and person_key(e.name).endswith(" " + key)
        }
        if len(fits) == 1:
            return fits.pop()
    if is_acronym(entity.name):
        fits = {
            e.id for e in others if e.type == "org" and initials(e.name) == acronym_key(entity.name)
        }
        if len(fits) == 1:
            return fits.pop()
    return entity.id


def story_entities(analyses: Sequence[Analysis]) -> list[dict[str, Any]]:
    """The story's entities, one per real-world actor, places resolved to the gazetteer."""
    merged = canonicalise_story([a.entities for a in analyses])
    names = [PlaceName(m.text) for e in merged.entities if e.type == "place" for m in e.mentions]
    places = resolve_places(names, merged.evidence)
    rows: list[dict[str, Any]] = []
    for ent in merged.entities:
        place = _place_of(ent.name, ent.aliases, places) if ent.type == "place" else None
        rows.append(
            {
                "id": ent.id,
                "name": ent.name,
                "type": ent.type,
                "aliases": list(ent.aliases),
                "mentions": len(ent.mentions),
                "articles": sum(ent.id in set(m.values()) for m in merged.members),
                "country": place.country_code if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "geoname_id": place.geoname_id if place else None,
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], r["id"]))
    return rows


def _place_of(
    name: str, aliases: Sequence[str], places: Mapping[str, Place | None]
) -> Place | None:
    for candidate in (name, *aliases):
        found = places.get(candidate)
        if found is not None:
            return found
    return None

"""Merge event mentions into events: same type, compatible actors, place and date."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsfuse.extract.entities.places import candidates
from newsfuse.models import Actor, Article, Event, EventMention, EventPlace
from newsfuse.timestamps import date_range

if TYPE_CHECKING:  # the story's form imports the analysis, which imports event reading
    from newsfuse.models import StoryInput

_WORD = re.compile(r"[a-z]+")
_GRANULARITY = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4}


def dates_agree(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions may be dated alike. A date read off the text must overlap the
    other's; a publication date stands in for "by then": an event dated in the text on or
    before it agrees with it."""
    ra, rb = date_range(a.date), date_range(b.date)
    if ra is None or rb is None:
        return True
    if a.date_source == "published" and b.date_source == "published":
        return True
    if a.date_source == "published":
        return rb[0] <= ra[1]
    if b.date_source == "published":
        return ra[0] <= rb[1]
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def places_agree(a: EventPlace | None, b: EventPlace | None) -> bool:
    """Places agree when one is unknown or both lie in one country."""
    if a is None or b is None:
        return True
    return a.name == b.name or (a.country is not None and a.country == b.country)


def actors_agree(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    """Actor lists agree when one is empty or some actor of one matches one of the other."""
    if not a or not b:
        return True
    return any(_same_actor(x, y) for x in a for y in b)


def _same_actor(x: Actor, y: Actor) -> bool:
    if x.entity_id is not None and x.entity_id == y.entity_id:
        return True
    if x.entity_id is not None and y.entity_id is not None:
        return False
    wx, wy = set(_WORD.findall(x.name.lower())), set(_WORD.findall(y.name.lower()))
    if wx & wy:
        return True
    return (
        x.country is not None
        and x.country == y.country
        and (x.sector is None or y.sector is None or x.sector == y.sector)
    )


def same_event(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions state one event."""
    return (
        a.type == b.type
        and (a.mode == b.mode or not a.mode or not b.mode)
        and dates_agree(a, b)
        and places_agree(a.place, b.place)
        and actors_agree(a.source, b.source)
        and actors_agree(a.target, b.target)
        and _anchored(a, b)
    )


def _anchored(a: EventMention, b: EventMention) -> bool:
    """A mention that says whom or where must meet the other on whom or where: "touring the
    region" is not the visit to Jordan, though nothing in it contradicts that."""
    has_a, has_b = bool(a.target or a.place), bool(b.target or b.place)
    if not has_a and not has_b:
        return True
    if has_a != has_b:
        return False
    same_target = bool(a.target) and bool(b.target) and actors_agree(a.target, b.target)
    same_place = a.place is not None and b.place is not None and places_agree(a.place, b.place)
    return same_target or same_place


def fill_codes(mentions: list[EventMention]) -> list[EventMention]:
    """Give an actor the country and sector its entity has elsewhere in the story ("Prime
    Minister al-Sudani" is "Iraqi Prime Minister" in the other report)."""
    codes: dict[str, tuple[str | None, str | None]] = {}
    for m in mentions:
        for a in (*m.source, *m.target):
            if a.entity_id is None:
                continue
            country, sector = codes.get(a.entity_id, (None, None))
            codes[a.entity_id] = (country or a.country, sector or a.sector)

    def fill(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        out = []
        for a in actors:
            country, sector = codes.get(a.entity_id or "", (None, None))
            out.append(replace(a, country=a.country or country, sector=a.sector or sector))
        return tuple(out)

    return [replace(m, source=fill(m.source), target=fill(m.target)) for m in mentions]


def merge_mentions(mentions: list[EventMention], story: StoryInput) -> list[Event]:
    """Group mentions of one event (greedy, in reading order) and describe each group."""
    groups: list[list[EventMention]] = []
    for mention in mentions:
        for group in groups:
            if all(same_event(mention, other) for other in group):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return [_event(group, story) for group in groups]


def _event(group: list[EventMention], story: StoryInput) -> Event:
    by_id = {a.id: a for a in story.articles}
    first = group[0]
    reports = tuple(dict.fromkeys(m.article_id for m in group))
    outlets = tuple(
        dict.fromkeys(o for o in (_outlet(by_id[r]) if r in by_id else None for r in reports) if o)
    )
    originals = {story.lineages[r].original if r in story.lineages else r for r in reports}
    dated = sorted(
        (m for m in group if m.date_source == "text"),
        key=lambda m: _GRANULARITY.get(_granularity(m.date), 9),
    )
    date = dated[0].date if dated else first.date
    places = [m.place for m in group if m.place is not None]
    # The most specific place: a city named by one report beats the country named by another.
    place = min(places, key=lambda p: p.country is not None and _is_country(p), default=None)
    miss = 1.0
    for m in group:
        miss *= 1.0 - m.confidence
    key = f"{first.type}|{first.article_id}|{first.paragraph}|{first.start}|{first.trigger}"
    return Event(
        id="ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        type=first.type,
        mode=next((m.mode for m in group if m.mode), ""),
        source=_union(m.source for m in group),
        target=_union(m.target for m in group),
        place=place,
        date=date,
        mentions=tuple(group),
        reports=reports,
        outlets=outlets,
        sources=len(originals),
        confidence=round(1.0 - miss, 3),
    )


def _outlet(article: Article) -> str | None:
    return article.meta.outlet or article.meta.site_name


def _granularity(value: str | None) -> str:
    if not value:
        return "none"
    if "-WE" in value:
        return "weekend"
    if "-W" in value:
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "none")


def _is_country(place: EventPlace) -> bool:
    return any(c.kind == "country" and c.name == place.name for c in candidates(place.name))


def _union(lists: Iterable[tuple[Actor, ...]]) -> tuple[Actor, ...]:
    """Actors of all mentions, one per entity; a named entity replaces a bare word for it."""
    out: dict[str, Actor] = {}
    for actors in lists:
        for a in actors:
            out.setdefault(a.entity_id or a.name.lower(), a)
    return tuple(out.values())

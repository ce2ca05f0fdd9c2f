"""Within one article, group mentions that name the same actor (surname, title, acronym)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.extract.entities.cues import surely_place
from newsfuse.extract.entities.heads import heads
from newsfuse.extract.entities.names import (
    PARTICLES,
    acronym_key,
    initials,
    is_acronym,
    name_key,
    person_key,
    surname_keys,
    titles_match,
)
from newsfuse.extract.entities.raw import RawMention
from newsfuse.models import EntityType


def cluster_mentions(
    raw: list[RawMention],
) -> list[tuple[str, EntityType | None, list[RawMention]]]:
    """Group an article's mentions: alias entries, full names, then surnames, acronyms, titles.

    Args:
        raw: The article's mentions in reading order.

    Returns:
        (canonical name, type when known, mentions) per entity; a None type is voted later.
    """
    groups: dict[str, list[RawMention]] = {}
    names: dict[str, str] = {}
    types: dict[str, EntityType] = {}
    owner_key: dict[tuple[int, int], str] = {}
    later: list[RawMention] = []
    for m in raw:
        if m.known is not None:
            key = "k:" + m.known.name
            names[key], types[key] = m.known.name, m.known.type
        elif m.label == "PERSON" and len(m.text.split()) > 1:
            key = "p:" + person_key(m.text)
            if len(m.text) > len(names.get(key, "")):
                names[key] = m.text
            types[key] = "person"
        else:
            later.append(m)
            continue
        groups.setdefault(key, []).append(m)
        owner_key[(m.paragraph, m.start)] = key
    _fold_person_suffixes(groups, names)
    surnames: dict[str, list[str]] = {}
    for key, name in names.items():
        if types.get(key) == "person":
            for s in surname_keys(name):
                surnames.setdefault(s, []).append(key)
    for short, keys in _short_place_names(later).items():
        surnames.setdefault(short, []).extend(keys)
    order = [(m.paragraph, m.start, k) for k, ms in groups.items() for m in ms]
    # Names first, then titles attached to them, then titles used alone (they match those).
    later.sort(key=lambda m: (m.label == "TITLE", m.owner < 0))
    for m in later:
        key = _attach(m, groups, names, types, surnames, owner_key, order)
        groups.setdefault(key, []).append(m)
        if key == _own_key(m):  # a surname or a short form does not name its group
            names.setdefault(key, m.text)
        owner_key.setdefault((m.paragraph, m.start), key)
        order.append((m.paragraph, m.start, key))
    return [(names.get(k, ms[0].text), types.get(k), ms) for k, ms in groups.items()]


def _attach(
    m: RawMention,
    groups: dict[str, list[RawMention]],
    names: dict[str, str],
    types: dict[str, EntityType],
    surnames: dict[str, list[str]],
    owner_key: dict[tuple[int, int], str],
    order: list[tuple[int, int, str]],
) -> str:
    """The group key of a mention that is not a full name: owner, surname, acronym or title."""
    where = (m.paragraph, m.start)
    if m.label == "TITLE" and m.owner >= 0:
        return owner_key.get((m.paragraph, m.owner), "t:" + name_key(m.text))
    if m.label == "TITLE":
        held = {
            k
            for k, ms in groups.items()
            for t in ms
            if t.label == "TITLE" and t.owner >= 0 and titles_match(m.text, t.text)
        }
        return _nearest(held, where, order) or "t:" + name_key(m.text)
    same_person = "p:" + person_key(m.text)
    if " " in m.text and same_person in groups and m.label != "NORP":
        return same_person  # the NER typed one mention of a full name differently
    hits = surnames.get(name_key(m.text), []) if m.label != "NORP" else []
    if hits:
        return _nearest(set(hits), where, order) or hits[0]
    if is_acronym(m.text):
        matches = {
            k
            for k, n in names.items()
            if types.get(k) == "org" or any(x.label == "ORG" for x in groups.get(k, ()))
            if initials(n) == acronym_key(m.text)
        }
        if len(matches) == 1:
            return matches.pop()
    return _own_key(m)


def _own_key(m: RawMention) -> str:
    """The key of a name that joins no other: one key per spelling, whatever the NER label."""
    return "n:" + name_key(m.text)


def _short_place_names(mentions: list[RawMention]) -> dict[str, list[str]]:
    """Keys of short names ("lee" for "River Lee") -> the group keys of their full names."""
    out: dict[str, list[str]] = {}
    for m in mentions:
        short = _short_place(m)
        if short:
            out.setdefault(name_key(short), []).append(_own_key(m))
    return out


def _short_place(m: RawMention) -> str:
    """ "Lee" for "River Lee", "Everest" for "Mount Everest"; "" when there is none.

    None when the gazetteer has the short name as a place of its own: "Geneva" is a city.
    """
    first, _, rest = m.text.partition(" ")
    place = m.label in {"LOC", "GPE", "FAC"} and first in heads().place_prefixes
    return rest if place and rest and not surely_place(rest) else ""


def _nearest(keys: set[str], where: tuple[int, int], order: list[tuple[int, int, str]]) -> str:
    """Of ``keys``, the one mentioned last before ``where`` (else first after), or ""."""
    before = [o for o in order if o[2] in keys and o[:2] <= where]
    if before:
        return max(before)[2]
    after = [o for o in order if o[2] in keys]
    return min(after)[2] if after else ""


def _fold_person_suffixes(groups: dict[str, list[RawMention]], names: dict[str, str]) -> None:
    """Merge a shorter full name into the one longer name it ends ("Shia al-Sudani")."""
    people = [k for k in groups if k.startswith("p:")]
    for short in people:
        longer = [k for k in people if k != short and k.endswith(" " + short[2:])]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(short))
            names.pop(short, None)


def missed_surnames(paragraphs: Sequence[str], raw: list[RawMention]) -> list[RawMention]:
    """Short names of the article's entities that NER did not tag.

    Surnames of full names ("Ruto told reporters"), and the short name of a river or a
    mountain after "the" ("the Ardle flooded" after "River Ardle").

    Args:
        paragraphs: The article's paragraphs.
        raw: Mentions found so far; a short name inside one of them is not added again.

    Returns:
        New PERSON and LOC mentions, one per uncovered occurrence.
    """
    people = {
        form
        for m in raw
        if m.label == "PERSON" and len(m.text.split()) > 1
        for form in _surname_forms(m.text)
    }
    places = {_short_place(m) for m in raw} - {""}
    return _uncovered(paragraphs, raw, people, r"(?<![\w.-])", "PERSON") + _uncovered(
        paragraphs, raw, places, r"(?<=\bthe )", "LOC"
    )


def _uncovered(
    paragraphs: Sequence[str], raw: list[RawMention], forms: set[str], lead: str, label: str
) -> list[RawMention]:
    """Occurrences of ``forms`` after ``lead`` that no mention covers yet."""
    if not forms:
        return []
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"{lead}(?:{body})(?![\w-])")
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in raw:
        taken.setdefault(m.paragraph, []).append((m.start, m.end))
    out: list[RawMention] = []
    for index, text in enumerate(paragraphs):
        spans = taken.get(index, [])
        for hit in pattern.finditer(text):
            if not any(s < hit.end() and hit.start() < e for s, e in spans):
                out.append(RawMention(index, hit.start(), hit.end(), hit.group(), label))
    return out


def _surname_forms(full: str) -> set[str]:
    """Surnames as written: "al-Sudani" and "Sudani" for "Mohammed Shia al-Sudani"."""
    last = full.split()[-1]
    head, _, tail = last.partition("-")
    forms = {last}
    if tail and head.lower() in PARTICLES:
        forms.add(tail)
    return {f for f in forms if f[:1].isupper() and len(f) > 2}

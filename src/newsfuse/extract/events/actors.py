"""Name the actors of an event mention: canonical entity, country code and sector code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsfuse.extract.entities.lexicon import lexicon
from newsfuse.extract.entities.places import candidates, demonym_country
from newsfuse.extract.events.lexicon import actor_codes, event_lexicon, iso3
from newsfuse.models import Actor, Entity

# Dependents that end a noun phrase: what follows is a clause or a description, not the name.
_CUT = {"relcl", "acl", "appos", "punct", "prep", "cc", "conj", "advcl", "det", "case"}
_PERSONAL = {"he", "she", "his", "her", "him"}
_OTHER_PRONOUNS = {"it", "its", "they", "their", "them"}


@dataclass(frozen=True)
class KnownMention:
    """Where an entity of the article is mentioned (paragraph, character span)."""

    paragraph: int
    start: int
    end: int
    entity_id: str
    name: str
    type: str
    label: str


def known_mentions(
    entities: Sequence[Entity], ids: dict[str, str] | None = None
) -> list[KnownMention]:
    """Every mention of an article's entities in reading order; ``ids`` maps article entity
    ids to story ids (and the story's canonical names are read through them)."""
    out = [
        KnownMention(
            m.paragraph, m.start, m.end, (ids or {}).get(e.id, e.id), e.name, e.type, m.label
        )
        for e in entities
        for m in e.mentions
    ]
    return sorted(out, key=lambda k: (k.paragraph, k.start))


def phrase(head: Token) -> Span:
    """The noun phrase a head token stands for, without clauses, appositions or articles."""
    left = head.i
    for child in head.lefts:
        if child.dep_ not in _CUT:
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "amod"):
            right = max(right, child.right_edge.i)
    doc = head.doc
    while left < right and doc[left].lower_ in ("the", "a", "an"):
        left += 1
    return doc[left : right + 1]


def build_actor(
    head: Token, paragraph: int, known: Sequence[KnownMention], speaker: Token | None = None
) -> Actor:
    """The actor a head token names, resolved against the article's entities.

    Args:
        head: The actor's head token.
        paragraph: The paragraph the sentence is in.
        known: The article's entity mentions (empty for a lone sentence).
        speaker: Who speaks the clause the head is in ("it" in "Switzerland said it ...").
    """
    lower = head.lower_
    if lower in _OTHER_PRONOUNS and speaker is not None and speaker.i != head.i:
        return build_actor(speaker, paragraph, known)
    if lower in _PERSONAL:  # "During his visit to Jordan, Blinken said": the clause's person
        subject = _main_person(head)
        if subject is not None:
            return build_actor(subject, paragraph, known)
    if lower in _PERSONAL | _OTHER_PRONOUNS:
        before = [
            k
            for k in known
            if (k.paragraph, k.start) < (paragraph, head.idx)
            and (k.type == "person") == (lower in _PERSONAL)
        ]
        if before:
            k = before[-1]
            return Actor(k.name, k.entity_id, None, _title_sector(k))
        return Actor(head.text, None, None, None)
    span = phrase(head)
    hit = _entity_at(span, head, paragraph, known)
    country = _country(span)
    sector = _sector(span)
    if hit is not None:
        if hit.type == "place" and country is None:
            country = _place_country(hit.name)
        return Actor(hit.name, hit.entity_id, country, sector)
    return Actor(span.text, None, country, sector)


def _main_person(pronoun: Token) -> Token | None:
    root = pronoun.sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]
    return subjects[0] if subjects and subjects[0].i > pronoun.i else None


def _entity_at(
    span: Span, head: Token, paragraph: int, known: Sequence[KnownMention]
) -> KnownMention | None:
    """The entity mention covering the head, else the last named one inside the phrase."""
    inside = [
        k
        for k in known
        if k.paragraph == paragraph
        and k.start < span.end_char
        and k.end > span.start_char
        and k.label != "TITLE"
    ]
    for k in inside:
        if k.start <= head.idx < k.end:
            return k
    return None


def _title_sector(k: KnownMention) -> str | None:
    return "GOV" if k.type == "person" else None


def _country(span: Span) -> str | None:
    """The country the phrase names: a demonym ("Iraqi"), a place ("U.S."), an international
    body ("United Nations" -> IGO)."""
    text = span.text
    if any(word in text for word in actor_codes().igo_words):
        return "IGO"
    for ent in span.ents:
        if ent.label_ in ("NORP", "GPE", "LOC"):
            code = _place_country(ent.text)
            if code:
                return code
    for token in span:
        if token.text[:1].isupper() and token.ent_type_ in ("NORP", "GPE", ""):
            code = demonym_country(token.text)
            if code:
                return iso3(code)
    return None


def _place_country(name: str) -> str | None:
    code = demonym_country(name)
    if code:
        return iso3(code)
    known = lexicon().find(name)
    if known is not None and known.country:
        return iso3(known.country)
    cands = candidates(name)
    countries = {c.country_code for c in cands}
    if len(countries) == 1:
        return iso3(countries.pop())
    country = next((c for c in cands if c.kind == "country"), None)
    return iso3(country.country_code) if country else None


def _sector(span: Span) -> str | None:
    """The sector its words give (head word last, so "security forces" is MIL)."""
    sectors = actor_codes().sectors
    found = None
    for token in span:
        code = sectors.get(token.lower_) or sectors.get(token.lemma_.lower())
        if code:
            found = code
    if found is None and span.root.lower_ in event_lexicon().military_words:
        found = "MIL"
    return found

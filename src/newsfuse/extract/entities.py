"""Canonical entities: one name per person, organisation, place or group in an article or story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.extract.entity_cluster import cluster_mentions, missed_surnames
from newsfuse.extract.entity_cues import surely_place
from newsfuse.extract.entity_lexicon import EntityType, lexicon
from newsfuse.extract.entity_mentions import RawMention, paragraph_mentions
from newsfuse.extract.entity_names import (
    acronym_key,
    entity_id,
    initials,
    is_acronym,
    name_key,
    person_key,
    surname_keys,
    titles_match,
)
from newsfuse.extract.entity_types import (
    LABEL_OF_TYPE,
    TYPE_OF_LABEL,
    common_words,
    decide_type,
    display_name,
    drop_sentence_starts,
    vote,
)
from newsfuse.extract.nlp import load_nlp, parse


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: ``paragraph[start:end] == text``.

    Attributes:
        text: The words as written, without a leading "the" or a trailing possessive.
        paragraph: Paragraph index in the article.
        start: Offset of the first character in the paragraph.
        end: Offset after the last character.
        label: PERSON, ORG, GPE, LOC, FAC, NORP, or TITLE (a role standing for a person).
    """

    text: str
    paragraph: int
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Entity:
    """A real-world entity with every mention of it.

    Attributes:
        id: Stable id derived from the canonical name ("antony-blinken").
        name: Canonical name ("Antony Blinken").
        type: "person", "org", "place" or "group".
        mentions: Mentions in reading order (for a story: article after article).
        aliases: The other surface forms used for it, sorted.
    """

    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleEntities:
    """The entities of one article and the countries its demonyms point to ("Iraqi" -> IQ)."""

    entities: tuple[Entity, ...]
    evidence: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StoryEntities:
    """The entities of a story, one per real-world entity.

    Attributes:
        entities: Story-level entities; mentions of all articles, article after article.
        members: Per article, its entity ids -> the story entity id they were merged into.
        evidence: Country codes the story's demonyms point to.
    """

    entities: tuple[Entity, ...]
    members: tuple[dict[str, str], ...] = ()
    evidence: frozenset[str] = field(default_factory=frozenset)

    def by_id(self) -> dict[str, Entity]:
        """Entities keyed by id."""
        return {e.id: e for e in self.entities}


def extract_entities(
    paragraphs: Sequence[str], docs: Sequence[Doc] | None = None, nlp: Language | None = None
) -> ArticleEntities:
    """Find and canonicalise the entities of one article.

    Args:
        paragraphs: The body paragraphs, in order.
        docs: The same paragraphs already parsed with NER (skips parsing).
        nlp: Pipeline used when ``docs`` is None; the shared one by default.

    Returns:
        One entity per name, surname, title, acronym or alias of the same actor.
    """
    parsed = list(docs) if docs is not None else parse(paragraphs, ("ner",), nlp)
    lex = lexicon()
    raw: list[RawMention] = []
    evidence: set[str] = set()
    for index, doc in enumerate(parsed):
        found, codes = paragraph_mentions(index, doc, lex)
        raw.extend(found)
        evidence |= codes
    raw.extend(missed_surnames(paragraphs, raw))
    raw = drop_sentence_starts(paragraphs, raw, lambda: common_words(nlp or load_nlp()))
    raw.sort(key=lambda m: (m.paragraph, m.start))
    entities = tuple(_entity(name, kind, ms) for name, kind, ms in cluster_mentions(raw))
    return ArticleEntities(entities, frozenset(evidence))


def _entity(name: str, known_type: EntityType | None, raw: list[RawMention]) -> Entity:
    """An entity from its grouped mentions; each mention's label follows the entity's type
    (a title keeps TITLE, a place its GPE, LOC or FAC)."""
    raw = sorted(raw, key=lambda m: (m.paragraph, m.start))
    kind = known_type or decide_type(name, raw)
    name = display_name(name, raw)
    mentions = tuple(
        Mention(m.text, m.paragraph, m.start, m.end, _label(m.label, kind)) for m in raw
    )
    return Entity(
        entity_id(name), name, kind, mentions, tuple(sorted({m.text for m in mentions} - {name}))
    )


def _label(label: str, kind: EntityType) -> str:
    if label == "TITLE" or TYPE_OF_LABEL.get(label) == kind:
        return label
    return LABEL_OF_TYPE[kind]


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

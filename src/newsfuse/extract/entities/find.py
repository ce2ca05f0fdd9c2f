"""Canonical entities: one name per person, organisation, place or group in an article or story."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.extract.entities.cluster import cluster_mentions, missed_surnames
from newsfuse.extract.entities.lexicon import lexicon
from newsfuse.extract.entities.mentions import paragraph_mentions
from newsfuse.extract.entities.names import (
    entity_id,
)
from newsfuse.extract.entities.raw import RawMention
from newsfuse.extract.entities.types import (
    LABEL_OF_TYPE,
    TYPE_OF_LABEL,
    common_words,
    decide_type,
    display_name,
    drop_sentence_starts,
)
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.models import ArticleEntities, Entity, EntityType, Mention


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

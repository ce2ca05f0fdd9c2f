"""Which readers run on an article, by its language, and why the others do not.

Every reader is written for English: quotes find English speech verbs, dates are read by
English patterns, events by English verb and actor dictionaries, and entity names are checked
against English word lists. So an article in another language gets only what its own spaCy
pipeline can give (named entities and sentences) when one is installed, and otherwise no reader
at all; never the English model, whose NER reads French "la" as a place. What was skipped is
stated, with the reason, on the article's analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.extract.entities.names import entity_id
from newsfuse.extract.nlp import installed_model
from newsfuse.models import ArticleEntities, Entity, EntityType, Mention

#: The readers of an analysis, in the order they run.
READERS: tuple[str, ...] = ("entities", "quotes", "dates", "events")
#: Readers that only a language's own pipeline can stand in for.
_PIPELINE_READERS = frozenset({"entities"})

#: Names of the languages spaCy trains pipelines for, for the reason shown to a reader.
_NAMES = {
    "ca": "Catalan",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hr": "Croatian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "lt": "Lithuanian",
    "mk": "Macedonian",
    "nb": "Norwegian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sl": "Slovenian",
    "sv": "Swedish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}
#: Entity labels of spaCy's pipelines (OntoNotes for English and a few others, WikiNER "PER",
#: "LOC", "ORG", "MISC" for most) -> entity type. MISC (works, events, adjectives) is dropped.
_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "PER": "person",
    "persName": "person",
    "ORG": "org",
    "orgName": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "geogName": "place",
    "placeName": "place",
    "NORP": "group",
}
_LABELS: dict[EntityType, str] = {"person": "PERSON", "org": "ORG", "place": "GPE", "group": "NORP"}


@dataclass(frozen=True)
class Reading:
    """How one article is read.

    Attributes:
        language: ISO 639-1 code it is read as ("en" when nothing said otherwise).
        model: The spaCy pipeline package that parses it, or None for sentence splitting only.
        skipped: Readers of :data:`READERS` that do not run.
        reason: Why they do not run; empty when every reader runs.
    """

    language: str
    model: str | None
    skipped: tuple[str, ...] = ()
    reason: str = ""

    @property
    def english(self) -> bool:
        """Whether every reader runs (the article is read as English)."""
        return not self.skipped


def reading_for(
    language: str | None, installed: Callable[[str], str | None] = installed_model
) -> Reading:
    """The readers that run on an article in ``language``, and the pipeline that parses it.

    Args:
        language: The article's language (ISO 639-1); None (not known) is read as English,
            as every article was before languages were told apart.
        installed: The installed pipeline package for a language, or None.

    Returns:
        Every reader for English; for another language, entities from its own pipeline when
        one is installed, and the rest skipped with the reason.
    """
    if language in (None, "en"):
        return Reading("en", installed("en"))
    lang = str(language)
    name = _NAMES.get(lang, f"language '{lang}'")
    model = installed(lang)
    if model is not None:
        skipped = tuple(r for r in READERS if r not in _PIPELINE_READERS)
        reason = (
            f"the report is in {name} ({lang}): entities were read with {model}; "
            f"{', '.join(skipped)} were not read, since those readers work on English only"
        )
        return Reading(lang, model, skipped, reason)
    reason = (
        f"the report is in {name} ({lang}) and no spaCy pipeline for it is installed, so "
        f"{', '.join(READERS)} were not read (those readers work on English only); install "
        f"{lang}_core_news_sm (python -m spacy download {lang}_core_news_sm) to read its "
        "entities in reports analysed from then on"
    )
    return Reading(lang, None, READERS, reason)


@cache
def sentencizer(language: str) -> Language:
    """A pipeline that only splits sentences, by punctuation, with ``language``'s tokenizer.

    spaCy ships the tokenizer rules of its languages with the library; a language it has no
    rules for is split with its multi-language ones ("xx").
    """
    try:
        nlp = spacy.blank(language)
    except ImportError:
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def pipeline_entities(docs: Sequence[Doc]) -> ArticleEntities:
    """The named entities a language's own pipeline found, one entity per name as written.

    The English readers' canonicalisation (titles, surnames, aliases, demonyms) rests on
    English word lists, so here a name is only grouped with its exact repeats.

    Args:
        docs: The article's paragraphs, parsed with NER, in order.

    Returns:
        People, organisations, places and groups, in order of first mention.
    """
    found: dict[str, list[tuple[EntityType, Mention]]] = {}
    for paragraph, doc in enumerate(docs):
        for ent in doc.ents:
            kind = _TYPES.get(ent.label_)
            text = ent.text.strip()
            if kind is None or len(text) < 2:
                continue
            start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
            mention = Mention(text, paragraph, start, start + len(text), _LABELS[kind])
            found.setdefault(text, []).append((kind, mention))
    entities = []
    for name, uses in found.items():
        # One name, one entity: the type most of its mentions were given (first on a tie).
        kind = Counter(k for k, _ in uses).most_common(1)[0][0]
        mentions = tuple(replace(m, label=_LABELS[kind]) for _, m in uses)
        entities.append(Entity(entity_id(name), name, kind, mentions))
    return ArticleEntities(tuple(entities))

"""Read who, where, when and who said what off articles: one parse feeds every extractor.

English articles get every reader; others what their own pipeline gives (``reading``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from spacy.language import Language

from newsfuse.extract.dates.find import find_dates, publication_date
from newsfuse.extract.entities.find import extract_entities
from newsfuse.extract.events.read import article_drafts
from newsfuse.extract.nlp import (
    analysed_part,
    doc_text,
    installed_model,
    load_language,
    load_nlp,
    parse,
)
from newsfuse.extract.quotes.find import find_quotes
from newsfuse.extract.reading import Reading, pipeline_entities, reading_for, sentencizer
from newsfuse.models import (
    Analysis,
    Article,
    ArticleEntities,
    DatedMention,
    DateMention,
    as_dict,
)
from newsfuse.text import parsed_sentences

#: Bumped when what is extracted changes, so that stored analyses can be redone.
ANALYSIS_VERSION = 7

#: The quote stage reads the parser, the entity stage NER, event reading both and the lemmas.
_NEEDED = ("parser", "ner", "attribute_ruler", "lemmatizer")
#: What is read of another language's pipeline: its entities (learned or ruled), its sentences.
_OWN_NEEDED = ("ner", "entity_ruler", "parser", "senter")


def analyse(
    articles: Sequence[Article],
    nlp: Language | None = None,
    estimates: Mapping[str, dt.date] | None = None,
    pipelines: Mapping[str, Language] | None = None,
) -> list[Analysis]:
    """Extract entities, quotes and dates from each article, parsing all paragraphs once.

    An article in another language than English is parsed with that language's own pipeline
    when one is installed (for its entities and sentences), else only split into sentences;
    the English readers are skipped on it, and the analysis says so (see
    :mod:`newsfuse.extract.reading`).

    Args:
        articles: Articles to analyse.
        nlp: A loaded English pipeline; the shared one when None.
        estimates: For articles with no publication date, an estimate (from their story):
            relative dates are resolved against it and marked approximate, saying so.
        pipelines: Loaded pipelines by language, used before the installed ones.

    Returns:
        One analysis per article, in order.
    """
    chosen = dict(pipelines or {})
    readings = [_reading(a.meta.language, chosen) for a in articles]
    english = [a for a, r in zip(articles, readings, strict=True) if r.english]
    done = {
        a.id: r for a, r in zip(english, _analyse_english(english, nlp, estimates), strict=True)
    }
    for lang in dict.fromkeys(r.language for r in readings if not r.english):
        model = chosen[lang] if lang in chosen else load_language(lang)
        group = [(a, r) for a, r in zip(articles, readings, strict=True) if r.language == lang]
        done |= _analyse_other([a for a, _ in group], group[0][1], model)
    return [done[a.id] for a in articles]


def _reading(language: str | None, chosen: Mapping[str, Language]) -> Reading:
    def installed(lang: str) -> str | None:
        nlp = chosen.get(lang)
        return installed_model(lang) if nlp is None else f"{nlp.meta['lang']}_{nlp.meta['name']}"

    return reading_for(language, installed)


def _analyse_other(
    articles: Sequence[Article], reading: Reading, nlp: Language | None
) -> dict[str, Analysis]:
    """Analyses of articles in one other language: its own pipeline's entities and sentences
    when there is one, sentences alone otherwise, and the skipped readers with the reason."""
    paragraphs = [[b.text for b in a.body] for a in articles]
    flat = [p for paras in paragraphs for p in paras]
    splitter = sentencizer(reading.language)
    docs = list(splitter.pipe(flat)) if nlp is None else parse(flat, _OWN_NEEDED, nlp)
    # A pipeline with neither parser nor senter gives entities only: split its sentences here.
    split = [d if d.has_annotation("SENT_START") else splitter(d.text) for d in docs]
    out: dict[str, Analysis] = {}
    at = 0
    for article, paras in zip(articles, paragraphs, strict=True):
        mine, sentences = docs[at : at + len(paras)], split[at : at + len(paras)]
        at += len(paras)
        entities = ArticleEntities(()) if nlp is None else pipeline_entities(mine)
        out[article.id] = Analysis(
            article.id,
            entities,
            (),
            (),
            (),
            tuple(tuple(parsed_sentences(doc)) for doc in sentences),
            reading.language,
            reading.model,
            reading.skipped,
            reading.reason,
        )
    return out


def _analyse_english(
    articles: Sequence[Article],
    nlp: Language | None,
    estimates: Mapping[str, dt.date] | None,
) -> list[Analysis]:
    """Every reader over English articles (and those whose language is not known)."""
    if not articles:
        return []
    model = nlp if nlp is not None else load_nlp()
    name = f"{model.meta['lang']}_{model.meta['name']}"
    paragraphs = [[analysed_part(b.text, model) for b in a.body] for a in articles]
    flat = [p for paras in paragraphs for p in paras]
    docs = parse(flat, _NEEDED, model)
    out: list[Analysis] = []
    at = 0
    for article, paras in zip(articles, paragraphs, strict=True):
        mine = docs[at : at + len(paras)]
        at += len(paras)
        published = publication_date(article.meta.published)
        estimate = None if published else (estimates or {}).get(article.id)
        dates = [
            DatedMention(i, False, m)
            for i, p in enumerate(paras)
            for m in _dates(p, published, estimate)
        ]
        # A caption's dates belong to the photo; they are kept, marked, and never the event's.
        dates += [
            DatedMention(i, True, m)
            for i, c in enumerate(article.captions)
            for m in _dates(analysed_part(c, model), published, estimate)
        ]
        entities = extract_entities(paras, docs=mine, nlp=model)
        quotes = tuple(find_quotes(paras, model, docs=mine))
        drafts = article_drafts(article, quotes, dates, entities.entities, mine)
        sentences = tuple(tuple(parsed_sentences(doc, doc_text(doc))) for doc in mine)
        out.append(
            Analysis(
                article.id,
                entities,
                quotes,
                tuple(dates),
                tuple(drafts),
                sentences,
                "en",
                name,
            )
        )
    return out


def _dates(text: str, published: dt.date | None, estimate: dt.date | None) -> list[DateMention]:
    """Time expressions of ``text``; with only an estimated publication date, what needed it
    is resolved against the estimate and marked approximate."""
    found = find_dates(text, published)
    if published is not None or estimate is None:
        return found
    fixed = {(m.start, m.end): m for m in found if m.status != "unresolved"}
    reason = f"publication date unknown; estimated {estimate.isoformat()} from its story"
    return [
        m if (m.start, m.end) in fixed else replace(m, status="approximate", reason=reason)
        for m in find_dates(text, estimate)
    ]


def to_json(analysis: Analysis) -> dict[str, Any]:
    """A JSON-able form of an analysis (the store keeps it as is)."""
    return {
        "version": ANALYSIS_VERSION,
        "article_id": analysis.article_id,
        "entities": [as_dict(e) for e in analysis.entities.entities],
        "evidence": sorted(analysis.entities.evidence),
        "quotes": [as_dict(q) for q in analysis.quotes],
        "dates": [as_dict(d) for d in analysis.dates],
        "events": None if analysis.events is None else [as_dict(e) for e in analysis.events],
        "sentences": [[list(span) for span in para] for para in analysis.sentences],
        "language": analysis.language,
        "model": analysis.model,
        "skipped": list(analysis.skipped),
        "skip_reason": analysis.skip_reason,
    }

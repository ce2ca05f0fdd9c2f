"""Read who, where, when and who said what off articles: one parse feeds every extractor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

from spacy.language import Language

from newsfuse.extract.dates.find import find_dates, publication_date
from newsfuse.extract.entities.find import extract_entities
from newsfuse.extract.events.read import article_drafts
from newsfuse.extract.nlp import analysed_part, load_nlp, parse
from newsfuse.extract.quotes.find import find_quotes
from newsfuse.models import (
    Analysis,
    Article,
    DatedMention,
    DateMention,
)
from newsfuse.text import parsed_sentences

#: Bumped when what is extracted changes, so that stored analyses can be redone.
ANALYSIS_VERSION = 5

#: The quote stage reads the parser, the entity stage NER, event reading both and the lemmas.
_NEEDED = ("parser", "ner", "attribute_ruler", "lemmatizer")


def analyse(
    articles: Sequence[Article],
    nlp: Language | None = None,
    estimates: Mapping[str, dt.date] | None = None,
) -> list[Analysis]:
    """Extract entities, quotes and dates from each article, parsing all paragraphs once.

    Args:
        articles: Articles to analyse.
        nlp: A loaded English pipeline; the shared one when None.
        estimates: For articles with no publication date, an estimate (from their story):
            relative dates are resolved against it and marked approximate, saying so.

    Returns:
        One analysis per article, in order.
    """
    model = nlp if nlp is not None else load_nlp()
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
        sentences = tuple(tuple(parsed_sentences(doc)) for doc in mine)
        out.append(Analysis(article.id, entities, quotes, tuple(dates), tuple(drafts), sentences))
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
        "entities": [asdict(e) for e in analysis.entities.entities],
        "evidence": sorted(analysis.entities.evidence),
        "quotes": [asdict(q) for q in analysis.quotes],
        "dates": [asdict(d) for d in analysis.dates],
        "events": None if analysis.events is None else [asdict(e) for e in analysis.events],
        "sentences": [[list(span) for span in para] for para in analysis.sentences],
    }

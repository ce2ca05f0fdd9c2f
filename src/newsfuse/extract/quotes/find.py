"""Who said what: direct, partial, mixed and reported quotes, each with its speaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.extract.nlp import doc_text, parse
from newsfuse.extract.quotes.attribution import (
    Attribution,
    Reported,
    attribution_for,
    cue_lemma,
    governing_cue,
)
from newsfuse.extract.quotes.clauses import complement_span, reported_clauses
from newsfuse.extract.quotes.context import introducing_subject, label_attribution
from newsfuse.extract.quotes.drafts import (
    Draft,
    join_interrupted,
    merge_reported,
    quoted_ranges,
)
from newsfuse.extract.quotes.kinds import is_term, is_title, looks_direct, names_a_work
from newsfuse.extract.quotes.marks import MarkSpan, find_mark_spans, normalize_marks
from newsfuse.extract.quotes.speakers import SpeakerResolver, collect_mentions, fallback_name
from newsfuse.models import Quote, QuoteKind

#: The components whose output quote extraction reads: the parse, and NER for typing names
#: (person, organisation, place) when the docs carry it. Cue verbs come from the lexicon's
#: inflected forms, so the lemmatizer is not needed. This is what the product's analysis runs.
PARSE_COMPONENTS = ("parser", "ner", "attribute_ruler")
# How many paragraphs back an unattributed quotation looks for its speaker. Calibrated on
# the first 120 PolNeAR train articles: speaker accuracy 0.831 at 1, 0.841 at 2, 0.842 at 3.
_INHERIT_PARAGRAPHS = 2
# How far back an unattributed quotation with no attribution in reach looks for the last
# person named as a subject. Calibrated on the first 400 PolNeAR train articles: speaker
# accuracy 0.8868 off, 0.8886 at 0, 0.8904 at 1, 0.8922 at 2, 3 and 5.
_LOOK_BACK_PARAGRAPHS = 2
# Cues that name something ('called him "a loser"'): the content is the named object and
# the quoted name, not a whole reported clause.
_NAMING_CUES = frozenset({"call", "describe", "dub", "term", "label"})


def find_quotes(
    paragraphs: Sequence[str], nlp: Language | None = None, docs: Sequence[Doc] | None = None
) -> list[Quote]:
    """Find the quotes of an article and who said them.

    Args:
        paragraphs: The article's body paragraphs, in order.
        nlp: A loaded spaCy pipeline with a parser; the shared one (``load_nlp``) when None.
        docs: The same paragraphs already parsed (with the parser, and NER when names
            should be typed by it); skips parsing.

    Returns:
        The quotes in reading order.
    """
    if docs is None:
        docs = parse(paragraphs, PARSE_COMPONENTS, nlp)
    texts = [normalize_marks(text) for text in paragraphs]
    marks = find_mark_spans(texts)
    quoted = quoted_ranges(marks, [len(text) for text in texts])
    # A cue inside quotation marks is part of someone's words, not an attribution.
    reported = [
        [r for r in reported_clauses(doc) if not _inside_marks(doc, r, ranges)]
        for doc, ranges in zip(docs, quoted, strict=True)
    ]
    drafts = _quoted(docs, texts, reported, marks, quoted)
    drafts = merge_reported(docs, reported, drafts, quoted)
    resolver = SpeakerResolver(collect_mentions(docs, quoted))
    drafts.sort(key=lambda d: (d.paragraph, d.start))
    return [_finish(draft, docs, resolver) for draft in drafts]


def _quoted(
    docs: Sequence[Doc],
    texts: list[str],
    reported: list[list[Reported]],
    marks: list[MarkSpan],
    quoted: list[list[tuple[int, int]]],
) -> list[Draft]:
    """Attribute each quotation; drop titles, terms and phrases nobody is said to have said."""
    drafts: list[Draft] = []
    for mark in marks:
        doc = docs[mark.paragraph]
        text = texts[mark.paragraph]
        first_end = mark.end if mark.end_paragraph == mark.paragraph else len(text)
        if not text[mark.start : first_end].strip():
            continue
        direct = looks_direct(text, mark.start, first_end)
        source = mark.paragraph
        attribution = governing_cue(
            doc, mark.start, first_end, True, tail=direct, quoted=quoted[mark.paragraph]
        )
        if attribution is None and mark.end_paragraph != mark.paragraph:
            source = mark.end_paragraph
            attribution = governing_cue(docs[source], 0, mark.end, True, quoted=quoted[source])
        if attribution is None and direct:
            attribution = label_attribution(doc, mark.start)
        if attribution is None and direct and mark.paragraph > 0:
            attribution = _introduced(docs[mark.paragraph - 1])
            source = mark.paragraph - 1
        if attribution is None and direct:
            # A quotation standing alone carries on the previous speaker's words.
            recent = _recent(reported, drafts, mark.paragraph, mark.start)
            if recent is not None:
                attribution, source = recent
        if not direct and (attribution is None or is_title(text[mark.start : mark.end])):
            continue  # scare quotes, titles of shows and books, nicknames
        if direct and names_a_work(text, mark.start, first_end):
            continue  # 'his memoir, "A Time for Truth," ...' follows a comma but is a title
        kind: QuoteKind = "direct" if direct else "partial"
        draft = Draft(
            mark.paragraph, mark.start, mark.end_paragraph, mark.end, kind, attribution, source
        )
        # A reported complement ("said the plan was 'dead'") is what was said, and a name
        # given ("called him 'a loser'") is said of its object: either becomes the content.
        if (
            not direct
            and attribution is not None
            and source == mark.paragraph == mark.end_paragraph
        ):
            named = attribution.cue in _NAMING_CUES
            clause = complement_span(doc, attribution.cue_index, mark.start, mark.end, named)
            if clause is not None:
                draft = replace(draft, kind="mixed", start=clause[0], end=clause[1])
        if draft.kind == "partial" and is_term(text[mark.start : mark.end]):
            continue  # a term, not a statement
        if not any(_repeats(draft, other) for other in drafts):
            drafts = [other for other in drafts if not _repeats(other, draft)]
            drafts.append(draft)
    return join_interrupted(drafts)


def _inside_marks(doc: Doc, clause: Reported, ranges: list[tuple[int, int]]) -> bool:
    """Whether a reported clause's cue lies inside quotation marks."""
    cue_at = doc[clause.attribution.cue_index].idx
    return any(a <= cue_at < b for a, b in ranges)


def _repeats(draft: Draft, other: Draft) -> bool:
    """Whether a draft only repeats part of an earlier one through the same cue.

    'called him a "loser," a "liar" and a "whiner"' widens each of the three quotations to the
    same complement; it is one statement, so the later ones are dropped.
    """
    same_cue = (
        draft.attribution is not None
        and other.attribution is not None
        and draft.source_paragraph == other.source_paragraph
        and draft.attribution.cue_index == other.attribution.cue_index
    )
    return (
        same_cue
        and other.kind == "mixed"
        and draft.paragraph == draft.end_paragraph == other.paragraph == other.end_paragraph
        and other.start <= draft.start
        and draft.end <= other.end
    )


def _recent(
    reported: list[list[Reported]], drafts: list[Draft], paragraph: int, start: int
) -> tuple[Attribution, int] | None:
    """The last attribution (of a quotation or a reported clause) just before a position."""
    best: tuple[tuple[int, int], Attribution, int] | None = None
    if drafts and drafts[-1].attribution is not None:
        last = drafts[-1]
        if paragraph - last.end_paragraph <= _INHERIT_PARAGRAPHS and last.attribution:
            best = ((last.source_paragraph, last.start), last.attribution, last.source_paragraph)
    for index in range(max(0, paragraph - _INHERIT_PARAGRAPHS), paragraph + 1):
        for clause in reported[index]:
            key = (index, clause.start)
            if (index < paragraph or clause.start < start) and (best is None or key > best[0]):
                best = (key, clause.attribution, index)
    if best is None or best[1].speaker_index is None:
        return None  # after "X was asked, '...'" comes an answer, not more of the same
    return best[1], best[2]


def _introduced(doc: Doc) -> Attribution | None:
    """The attribution of a paragraph that introduces the next one ("Cruz said:")."""
    text = doc_text(doc).rstrip()
    if not text.endswith(":") or len(doc) == 0:
        return None
    found: Attribution | None = None
    for token in list(doc.sents)[-1]:
        lemma = cue_lemma(token)
        if lemma is not None:
            candidate = attribution_for(token, lemma)
            found = candidate if candidate.speaker_index is not None else found
    return found or introducing_subject(doc)


def _finish(draft: Draft, docs: Sequence[Doc], resolver: SpeakerResolver) -> Quote:
    """Fill in the text and the resolved speaker of a draft."""
    if draft.pieces:
        text = " ".join(doc_text(docs[draft.paragraph])[a:b].strip() for a, b in draft.pieces)
    elif draft.paragraph == draft.end_paragraph:
        text = doc_text(docs[draft.paragraph])[draft.start : draft.end]
    else:
        parts = [doc_text(docs[draft.paragraph])[draft.start :]]
        parts += [doc_text(docs[i]) for i in range(draft.paragraph + 1, draft.end_paragraph)]
        parts.append(doc_text(docs[draft.end_paragraph])[: draft.end])
        text = "\n".join(parts)
    cue = speaker = name = None
    span: tuple[int, int, int] | None = None
    attribution = draft.attribution
    if attribution is not None:
        cue = attribution.cue
        if attribution.speaker_index is not None:
            doc = docs[draft.source_paragraph]
            speaker = doc_text(doc)[attribution.speaker_start : attribution.speaker_end]
            span = (draft.source_paragraph, attribution.speaker_start, attribution.speaker_end)
            name = resolver.resolve(doc, draft.source_paragraph, attribution.speaker_index)
            name = name or fallback_name(speaker)
    elif draft.kind == "direct":
        # No attribution in reach: the person the text was last about is the likeliest.
        mention = resolver.recent_subject(draft.paragraph, draft.start, _LOOK_BACK_PARAGRAPHS)
        if mention is not None:
            speaker, name = mention.name, resolver.full_name(mention)
            span = (mention.paragraph, mention.offset, mention.offset + len(mention.name))
    return Quote(
        text.strip(),
        draft.kind,
        draft.paragraph,
        draft.start,
        draft.end,
        draft.end_paragraph,
        cue,
        speaker,
        span,
        name,
    )

"""Reported clauses read off a dependency parse: what a cue says was said, and its extent."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsfuse.extract.nlp import doc_text
from newsfuse.extract.quotes.attribution import (
    Reported,
    according_attribution,
    attribution_for,
    cue_lemma,
    is_according,
    is_passive,
    tokens_between,
)
from newsfuse.extract.quotes.lexicon import SUBJECT_DEPS

# Objects of a naming cue ('called him "a loser"'; 'described the plan as "a joke"').
_NAMED_DEPS = frozenset({"dobj", "dative"})
# Leading words of a reported clause that belong to the cue, not to what was said.
_CLAUSE_LEAD = frozenset({"that", ",", ":", "—", "–", "-"})
_EDGE_PUNCT = " \t\n,;:—–-\"“”'‘’«»("


def complement_span(
    doc: Doc, cue_index: int, start: int, end: int, named: bool = False
) -> tuple[int, int] | None:
    """The cue's complement that holds a quotation, when it says more than the quotation.

    PolNeAR-style content for 'pledged to oppose it "today, tomorrow, forever"' is the whole
    complement ("to oppose it ..."), not only the quoted words.

    Args:
        doc: The parsed paragraph.
        cue_index: Index of the cue token.
        start: Offset where the quotation's content starts.
        end: Offset where it ends.
        named: The cue names something ("called", "described ... as"): its object, what
            is named, joins the complement.

    Returns:
        The complement's character span, or None when it is the quotation itself or the
        quotation hangs from the cue's subject.
    """
    cue = doc[cue_index]
    for token in tokens_between(doc, start, end):
        node = token
        while node.head.i not in (node.i, cue.i):
            node = node.head
        if node.head.i != cue.i or node.dep_ in SUBJECT_DEPS or node.i == cue.i:
            continue
        tokens = list(node.subtree)
        if named:
            # 'called him "a loser"': what is named belongs to the statement.
            for child in cue.children:
                if child.dep_ in _NAMED_DEPS and cue.i < child.i < node.i:
                    tokens.extend(child.subtree)
        span = _trim(doc, tokens)
        if span is not None and (span[0] < start - 2 or span[1] > end + 2):
            return span
        return None
    return None


def reported_clauses(doc: Doc) -> list[Reported]:
    """Find the reported clauses of one parsed paragraph (X said that ...; according to X, ...).

    Args:
        doc: The parsed paragraph.

    Returns:
        One entry per cue with a clausal complement and a speaker, or a passive cue whose
        speaker is left unsaid ("it was reported that ...").
    """
    found: list[Reported] = []
    for token in doc:
        if is_according(token):
            attribution = according_attribution(token)
            clause = _according_clause(token)
        else:
            lemma = cue_lemma(token)
            if lemma is None:
                continue
            attribution = attribution_for(token, lemma, guess=False)
            complements = [c for c in token.children if c.dep_ == "ccomp"]
            complements = complements or _statement_clause(token)
            if complements:
                clause = list(complements[0].subtree)
            elif token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
                clause = _minus(token.head.subtree, set(token.subtree))
            else:
                continue
        if attribution is None or not clause:
            continue
        if attribution.speaker_index is None and not is_passive(token):
            continue  # a subjectless active cue is more often no report at all
        span = _trim(doc, clause)
        if span is not None:
            found.append(Reported(span[0], span[1], attribution))
    return found


def _according_clause(according: Token) -> list[Token]:
    """What "according to X" vouches for: the longer side of the clause it hangs on.

    "The plan will cost $1 billion, according to the agency - twice the estimate": the
    words after the source are the writer's own comment; in "According to the agency, the
    plan will cost $1 billion" the claim is all after it. Calibrated on the first 420
    PolNeAR train articles: direct-quote F1 0.8328 with both sides, 0.8346 with the longer
    side, 0.8341 with the side before whenever it holds three words.
    """
    own = set(according.subtree)
    rest = [t for t in according.head.subtree if t not in own]
    first, last = min(own, key=lambda t: t.i).i, max(own, key=lambda t: t.i).i
    before = [t for t in rest if t.i < first and not t.is_punct]
    after = [t for t in rest if t.i > last and not t.is_punct]
    keep_before = len(before) >= len(after)
    return [t for t in rest if (t.i < first) == keep_before]


def _statement_clause(cue: Token) -> list[Token]:
    """The clause of "said in a statement that ...", which parsers hang on "statement"."""
    for prep in cue.children:
        for obj in prep.children if prep.dep_ == "prep" else ():
            for clause in obj.children:
                marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
                if clause.dep_ in ("acl", "relcl", "ccomp") and "that" in marks:
                    return [clause]
    return []


def _minus(tokens: Iterable[Token], removed: set[Token]) -> list[Token]:
    """Tokens not in ``removed``."""
    return [t for t in tokens if t not in removed]


def _trim(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a clause without the complementiser and the edge punctuation."""
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and ordered[0].lower_ in _CLAUSE_LEAD:
        ordered = ordered[1:]
    if not ordered:
        return None
    start, end = ordered[0].idx, ordered[-1].idx + len(ordered[-1].text)
    text = doc_text(doc)
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT + ".":
        end -= 1
    return (start, end) if end - start > 1 else None

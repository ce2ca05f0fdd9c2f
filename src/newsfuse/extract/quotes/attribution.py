"""Read attributions off a dependency parse: the cue that governs a quotation, and its speaker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfuse.extract.nlp import doc_text
from newsfuse.extract.quotes.lexicon import SPEAKER_DROP_DEPS, SUBJECT_DEPS, cue_lexicon
from newsfuse.extract.quotes.subjects import fallback_speaker, is_dateline, tail_cues

# Clause links a cue verb borrows its subject through ("Blinken emphasized ..., saying").
_BORROW_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep"})
# How far up the tree a quotation may sit below its cue (expectation of "..." -> underscored).
_MAX_CUE_STEPS = 4


@dataclass(frozen=True)
class Attribution:
    """A cue and the speaker it names, as token indices into one paragraph's Doc.

    Attributes:
        cue: The cue lemma ("say", "according to").
        cue_index: Index of the cue token.
        speaker_index: Index of the speaker phrase's head token, or None when unsaid.
        speaker_start: Character offset where the speaker phrase starts.
        speaker_end: Character offset where the speaker phrase ends.
    """

    cue: str
    cue_index: int
    speaker_index: int | None
    speaker_start: int = 0
    speaker_end: int = 0


@dataclass(frozen=True)
class Reported:
    """A reported clause (indirect speech) and its attribution.

    Attributes:
        start: Character offset of the clause in the paragraph.
        end: End offset of the clause.
        attribution: Who said it, through which cue.
    """

    start: int
    end: int
    attribution: Attribution


def cue_lemma(token: Token, quote_only: bool = False) -> str | None:
    """Return the cue lemma when ``token`` is a cue verb, else None.

    Args:
        token: Any token.
        quote_only: Also accept verbs that are cues only before a quotation ("called").
    """
    if not token.tag_.startswith("VB"):
        return None
    lexicon = cue_lexicon()
    lemma = lexicon.speech.get(token.lower_)
    if lemma is None and quote_only:
        lemma = lexicon.quote_only.get(token.lower_)
    return lemma


def attribution_for(
    token: Token, cue: str, guess: bool = True, quoted: Sequence[tuple[int, int]] = ()
) -> Attribution:
    """Build the attribution of a cue token, finding its speaker.

    Args:
        token: The cue token.
        cue: Its lemma.
        guess: When the parse gives the cue no subject, look for one nearby
            (:func:`fallback_speaker`). Reported clauses do not guess: a subjectless cue
            there is more often not a report at all.
        quoted: Character ranges inside quotation marks: a subject there is quoted words,
            not the speaker ('"... thousands of lawsuits ...," Bloomberg said', where the
            parse gives "said" both "thousands" and "Bloomberg" as subjects).
    """
    speaker = _speaker_head(token, guess, quoted)
    if speaker is None:
        return Attribution(cue, token.i, None)
    start, end = speaker_extent(speaker)
    return Attribution(cue, token.i, speaker.i, start, end)


def governing_cue(
    doc: Doc,
    start: int,
    end: int,
    quote_only: bool,
    tail: bool = False,
    quoted: Sequence[tuple[int, int]] = (),
) -> Attribution | None:
    """Find the cue verb that governs the text between ``start`` and ``end``.

    First the cue verbs above the span in the parse tree (the quote is the cue's
    complement); then the cue verb nearest to the span in the sentences it touches,
    which survives parses that hang the quote elsewhere; then "according to".

    Args:
        doc: The parsed paragraph.
        start: Offset where the quoted content starts.
        end: Offset where it ends.
        quote_only: Also accept verbs such as "called" (for partial quotes).
        tail: Also look in the sentence right after the span ('"..." Trump said.'), for
            whole quoted sentences.
        quoted: The paragraph's ranges inside quotation marks: a verb there is part of
            someone's words ('"A," he said. "B."': not the "said" of '"... they said ..."').
    """
    inside = tokens_between(doc, start, end)
    unsaid: Attribution | None = None  # a governing cue without a subject, kept as last resort
    for token in inside:
        head, steps = token.head, 0
        while steps < _MAX_CUE_STEPS and not start <= head.idx < end:
            lemma = None if _within(head.idx, quoted) else cue_lemma(head, quote_only)
            if lemma is not None:
                found = attribution_for(head, lemma, quoted=quoted)
                # A "speaker" inside the quotation is its own words ('"... -H" Clinton').
                if found.speaker_index is not None and _outside(found, start, end, quoted):
                    return found
                if found.speaker_index is None and is_passive(head):
                    return found  # "X was asked, '...'": the passive leaves the speaker unsaid
                unsaid = unsaid or found
            if head.head.i == head.i:
                break
            head, steps = head.head, steps + 1
    nearby = [
        token
        for sentence in doc.sents
        if sentence.start_char < end and sentence.end_char > start
        for token in sentence
        if not start <= token.idx < end and not _within(token.idx, quoted)
    ] + (tail_cues(doc, end) if tail else [])
    best: Attribution | None = None
    best_distance = end + 1
    for token in nearby:
        lemma = cue_lemma(token, quote_only)
        if lemma is None and is_according(token):
            lemma = "according to"
        if lemma is None:
            continue
        distance = min(abs(token.idx - start), abs(token.idx - end))
        attribution = according_attribution(token) if lemma == "according to" else None
        attribution = attribution or attribution_for(token, lemma, guess=tail, quoted=quoted)
        if (
            attribution.speaker_index is not None
            and _outside(attribution, start, end, quoted)
            and distance < best_distance
        ):
            best, best_distance = attribution, distance
    return best or unsaid


def speaker_extent(head: Token) -> tuple[int, int]:
    """Character span of a speaker phrase: its head with the modifiers that name it."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in SPEAKER_DROP_DEPS or (child.dep_ == "conj" and child.i > head.i + 8):
            dropped.update(t.i for t in child.subtree)
    kept = [t for t in head.subtree if t.i not in dropped]
    first, last = min(kept, key=lambda t: t.i), max(kept, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _speaker_head(cue: Token, guess: bool, quoted: Sequence[tuple[int, int]] = ()) -> Token | None:
    """The subject of a cue verb, borrowed from the governing clause when it has none; a
    subject inside quotation marks is passed over."""
    verb = cue
    for _ in range(_MAX_CUE_STEPS):
        for child in verb.children:
            if child.dep_ == "nsubjpass" and verb is cue:
                # "X was called 'a liar' by Y": X is what was said of, Y who said it.
                return _agent(cue)
            if _within(child.idx, quoted):
                continue
            if child.dep_ in SUBJECT_DEPS and not is_dateline(child):
                if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return verb.head
                return child
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "a statement saying ..."
        if verb.dep_ not in _BORROW_SUBJECT_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
    return fallback_speaker(cue) if guess else None


def _outside(
    attribution: Attribution, start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> bool:
    """Whether a speaker stands outside the quotation and any other quoted words."""
    at = attribution.speaker_start
    return not start <= at < end and not _within(at, quoted)


def _within(offset: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether an offset lies inside any of the character ranges."""
    return any(a <= offset < b for a, b in ranges)


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive ("was asked", "is said")."""
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb, or None when the passive leaves it unsaid."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens that start between two character offsets (without a scan of the whole Doc)."""
    span = doc.char_span(start, max(start, min(end, len(doc_text(doc)))), alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def is_according(token: Token) -> bool:
    """Whether the token starts the multi-word cue "according to"."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return False
    return token.nbor(1).lower_ == "to"


def according_attribution(token: Token) -> Attribution | None:
    """The attribution of "according to X": X is the object of "to"."""
    for to in token.children:
        for obj in to.children:
            if obj.dep_ == "pobj":
                start, end = speaker_extent(obj)
                return Attribution("according to", token.i, obj.i, start, end)
    return None

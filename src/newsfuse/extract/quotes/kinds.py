"""Tell what a quotation is: a whole sentence, a phrase, a title of a work or a term."""

from __future__ import annotations

# Characters that, ending the text before a quotation, mean it opens a sentence or clause.
_SENTENCE_LEAD = ",:;.!?—–-("
_SENTENCE_END = ".!?"
_CLOSING_MARKS = "\"”’'»"
# A quoted phrase of this many words or fewer in the writer's sentence, that no cue makes
# part of a reported clause, is a term or a scare quote ('the "green wave"'), not a
# statement. Calibrated on the first 420 PolNeAR train articles: direct-quote F1 0.8279
# keeping all, 0.8300 / 0.8303 / 0.8306 / 0.8302 dropping up to 1 / 2 / 3 / 4 words
# (precision 0.834 -> 0.843 at 3).
_MAX_TERM_WORDS = 3
# Small words left lower-case inside titles of shows, books and films.
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "from", "by"]
)


def looks_direct(text: str, start: int, end: int) -> bool:
    """Whether a quotation is a whole sentence rather than a phrase in the writer's sentence."""
    before = text[: max(0, start - 1)].rstrip()
    # A quotation right after another that ended a sentence ('... he said. "B."' or
    # '"A." "B."') opens a sentence too.
    ended = before.rstrip(_CLOSING_MARKS)
    if ended != before and ended[-1:] in _SENTENCE_END:
        before = ended
    letters = [c for c in text[start:end] if c.isalpha()]
    opens_clause = not before or before[-1] in _SENTENCE_LEAD
    return opens_clause and bool(letters) and (letters[0].isupper() or before.endswith(":"))


def names_a_work(text: str, start: int, end: int) -> bool:
    """Whether a quotation that opens a clause is the title of a work, not a statement.

    One word proves nothing (every sentence opens with a capital), nor does a headline,
    which is in title case throughout.
    """
    phrase = text[start:end]
    return len(phrase.split()) > 1 and is_title(phrase) and not is_title(text)


def is_title(text: str) -> bool:
    """Whether a quoted phrase is a title ("Sunday Morning Futures"), not someone's words."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in _TITLE_SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words) and not text.isupper()


def is_term(text: str) -> bool:
    """Whether a quoted phrase in the writer's sentence is too short to be a statement."""
    return len(text.split()) <= _MAX_TERM_WORDS

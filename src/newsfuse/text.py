"""Sentences of a paragraph: the one place text is cut into sentences, from the parse; and
how its words are counted (:func:`count_words`, whatever the script).

spaCy's parser already splits every paragraph an article's analysis reads, so its sentences are
the ones claims, page anchors, citations and the brief use. Two repairs keep a sentence a
statement: a boundary inside an open quotation is dropped (a quote of several sentences, '"IT.
THIS IS NOT OUR FIGHT."', stays one unit with its attribution), and so is a boundary after a
piece that cannot end a sentence (no closing punctuation: a wire dateline "CORK, Ireland,
March 20 (Agency) -" is the start of its lead, not a sentence). A paragraph that was never
parsed is one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

#: Characters a sentence may end with (closing quotes and brackets after its stop count).
_ENDINGS = frozenset(".!?…\"'”’»)]")
#: Double quotation marks: curly and angled ones say which side they are; a straight one
#: closes a pending quotation, else opens one (outlets mix them: “...," he said).
_OPEN = frozenset("“«„")
_CLOSE = frozenset("”»")
_STRAIGHT = '"'

Span = tuple[int, int]


class _Sentence(Protocol):
    start_char: int
    end_char: int


class ParsedText(Protocol):
    """What is read of a parse: its text and its sentences (a spaCy ``Doc`` is one)."""

    @property
    def text(self) -> str: ...

    @property
    def sents(self) -> Iterable[_Sentence]: ...


def parsed_sentences(doc: ParsedText, text: str | None = None) -> list[Span]:
    """``(start, end)`` of each sentence of a parsed paragraph, white space trimmed, repaired.

    Args:
        doc: The paragraph's parse (it needs sentence boundaries: spaCy's parser or senter).
        text: ``doc.text``, when the caller holds it already: spaCy joins a Doc's text from
            every token on each access (0.05-0.1 s of CPU over 300 parsed ECB+ texts).

    Returns:
        Character spans into ``doc.text``, in order, none empty.
    """
    text = doc.text if text is None else text
    return repair(text, [(s.start_char, s.end_char) for s in doc.sents])


def repair(text: str, spans: Sequence[Span]) -> list[Span]:
    """Trim ``spans`` of ``text`` and join those that do not end a statement: a boundary
    inside a quotation that closes later in the paragraph, after a piece with no closing
    punctuation, or before a piece that opens in lower case ("...," added Lauten)."""
    quoted = _quotations(text)
    out: list[Span] = []
    for start, end in spans:
        chunk = text[start:end]
        if not chunk.strip():
            continue
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(chunk.strip())
        if out and _continues(text, out[-1], start, quoted):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _continues(text: str, previous: Span, start: int, quoted: Sequence[Span]) -> bool:
    """Whether the sentence at ``start`` continues the one before it."""
    if text[previous[1] - 1] not in _ENDINGS or text[start].islower():
        return True
    return any(a < start < b for a, b in quoted)


def _quotations(text: str) -> list[Span]:
    """``(open, close)`` offsets of each quotation that closes within ``text``."""
    out: list[Span] = []
    pending: int | None = None
    for i, ch in enumerate(text):
        if ch in _OPEN or (ch == _STRAIGHT and pending is None):
            pending = i
        elif (ch in _CLOSE or ch == _STRAIGHT) and pending is not None:
            out.append((pending, i))
            pending = None
    return out


def sentence_spans(text: str, stored: Sequence[Sequence[int]] | None) -> list[Span]:
    """The sentences of a paragraph as its analysis stored them; the whole paragraph as one
    sentence when it was not analysed (a report ingested with ``--no-analyse``)."""
    if stored:
        return [(int(s[0]), int(s[1])) for s in stored]
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped[0])
    return [(start, start + len(stripped))]


_WORD = re.compile(r"\w+")
# Chinese and Japanese are written without spaces, so a run of their characters is one \w+
# token however long. Han ideographs, kana and the CJK compatibility ideographs (the ranges
# of the line model's `cjk` feature) count two characters to a word instead, as the dump
# cascade's word counts do: the mean length of a Chinese word is ~1.5-2 characters, and two
# keeps the 25-word minimum near the same amount of text as in English (a four-sentence
# report of ~150 characters has ~75 words). Korean is written with spaces and counts as is.
_CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_CJK_CHARS}]")
_CJK_OPENING = re.compile(rf"(?<!\w)[{_CJK_CHARS}]")  # a \w+ token that opens with one
_CHARS_TO_A_WORD = 2


def count_words(text: str, tokens: int | None = None) -> int:
    """Words of ``text``: \\w+ tokens, with Chinese and Japanese characters two to a word.

    Args:
        text: The text.
        tokens: Its number of \\w+ tokens, when the caller has counted them.
    """
    if tokens is None:
        tokens = len(_WORD.findall(text))
    if not _CJK.search(text):
        return tokens
    cjk = len(_CJK.findall(text))
    return tokens - len(_CJK_OPENING.findall(text)) + cjk // _CHARS_TO_A_WORD

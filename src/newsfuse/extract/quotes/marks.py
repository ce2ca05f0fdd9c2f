"""Find the spans between quotation marks, across paragraphs when a quote runs on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Opening mark -> the closing marks that end it. „ (German low mark) is closed by “ or ”;
# a straight and a curly mark close each other, as in text pasted from several sources.
_DOUBLE_PAIRS: dict[str, str] = {"“": '”"', "«": "»", "„": "“”", '"': '"”'}
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"
# A straight or single mark opens a quote only after one of these (or at the start).
_OPENER_CONTEXT = " \t\n([{—–-/"
# A single mark closes a quote only before one of these (or at the end); a letter after it
# means an apostrophe (don't, O’Malley).
_CLOSER_CONTEXT = " \t\n.,;:!?)]}—–-"
# Two straight apostrophes typed for a double mark (''Yes,'' he said), as plain-text news
# archives write them; a third one is a single mark nested inside (''I said, 'No.''').
_TWIN_APOSTROPHES = re.compile(r"'{2,3}")
# Single-mark quotes longer than this are far more often two stray apostrophes.
_MAX_SINGLE_WORDS = 40


@dataclass(frozen=True)
class MarkSpan:
    """Content between quotation marks (marks excluded).

    Attributes:
        paragraph: Index of the paragraph where the content starts.
        start: Offset of the first content character in ``paragraph``.
        end_paragraph: Index of the paragraph where the content ends.
        end: Offset just past the last content character in ``end_paragraph``.
        closed: Whether a closing mark was found.
    """

    paragraph: int
    start: int
    end_paragraph: int
    end: int
    closed: bool


def find_mark_spans(paragraphs: Sequence[str]) -> list[MarkSpan]:
    """Return every double- and single-quoted span, in reading order.

    A paragraph that ends inside an open quote continues into the next paragraph when that
    one opens with a quotation mark (the news convention for long quotes); otherwise the
    quote is taken to end with its paragraph.

    Args:
        paragraphs: The article's body paragraphs, in order.

    Returns:
        The spans, sorted by paragraph and offset.
    """
    spans: list[MarkSpan] = []
    carry: tuple[int, int, str] | None = None  # (paragraph, start, opening mark) left open
    for index, text in enumerate(normalize_marks(p) for p in paragraphs):
        lead = len(text) - len(text.lstrip())
        if carry is not None and not (lead < len(text) and text[lead] == carry[2]):
            spans.append(_ended_at_paragraph(carry, paragraphs))
            carry = None
        found, carry = _scan_doubles(index, text, carry)
        spans.extend(found)
        spans.extend(_scan_singles(index, text, found))
    if carry is not None:
        spans.append(_ended_at_paragraph(carry, paragraphs))
    return sorted(spans, key=lambda s: (s.paragraph, s.start))


def normalize_marks(text: str) -> str:
    """Rewrite two apostrophes typed as a double mark into a '"', keeping every offset.

    ''Yes,'' becomes ' "Yes," ' (the spare character a space, on the side away from the
    words); with a third apostrophe, the single mark it nests stays next to the words.

    Args:
        text: One paragraph.

    Returns:
        The paragraph, of the same length, with such runs rewritten.
    """
    if "''" not in text:
        return text

    def rewrite(run: re.Match[str]) -> str:
        after = text[run.end() : run.end() + 1]
        before = text[run.start() - 1 : run.start()]
        opening = (after.isalnum() or after in "‘'$(") and (not before or before in _OPENER_CONTEXT)
        if len(run.group()) == 2:
            return ' "' if opening else '" '
        return " \"'" if opening else "'\" "

    return _TWIN_APOSTROPHES.sub(rewrite, text)


def _ended_at_paragraph(carry: tuple[int, int, str], paragraphs: Sequence[str]) -> MarkSpan:
    """Close an unclosed quote at the end of the paragraph where it started."""
    paragraph, start, _mark = carry
    end = len(paragraphs[paragraph].rstrip())
    return MarkSpan(paragraph, start, paragraph, max(start, end), closed=False)


def _scan_doubles(
    index: int, text: str, carry: tuple[int, int, str] | None
) -> tuple[list[MarkSpan], tuple[int, int, str] | None]:
    """Pair double marks in one paragraph, continuing a quote carried from the last one."""
    found: list[MarkSpan] = []
    is_open = carry is not None
    skip = -1
    if carry is not None:
        skip = len(text) - len(text.lstrip())  # the continuation mark itself
    for pos, char in enumerate(text):
        if pos == skip or char not in '“”«»„"':
            continue
        # Some sources type “ for both marks too: one right after a word closes.
        closes = char == "“" and _ends_words(text, pos)
        if is_open and carry is not None and (char in _DOUBLE_PAIRS[carry[2]] or closes):
            if carry[0] == index and pos - carry[1] == 0:
                is_open, carry = False, None  # an empty pair: two stray marks
                continue
            found.append(MarkSpan(carry[0], carry[1], index, pos, closed=True))
            is_open, carry = False, None
        elif char in _DOUBLE_PAIRS and (char != '"' or _opens(text, pos)):
            # A new opener while open means the earlier quote was never closed.
            if carry is not None:
                found.append(MarkSpan(carry[0], carry[1], carry[0], max(carry[1], pos - 1), False))
            is_open, carry = True, (index, pos + 1, char)
        elif char == "”" and not is_open and _opens(text, pos):
            # Some sources type ” for both marks.
            is_open, carry = True, (index, pos + 1, '"')
    return found, carry


def _ends_words(text: str, pos: int) -> bool:
    """Whether a mark at ``pos`` follows words and is not followed by one."""
    after = text[pos + 1 : pos + 2]
    return pos > 0 and not text[pos - 1].isspace() and not after.isalnum()


def _opens(text: str, pos: int) -> bool:
    """Whether a mark at ``pos`` stands where a quote can open."""
    before_ok = pos == 0 or text[pos - 1] in _OPENER_CONTEXT
    return before_ok and pos + 1 < len(text) and not text[pos + 1].isspace()


def _scan_singles(index: int, text: str, doubles: list[MarkSpan]) -> list[MarkSpan]:
    """Pair single marks used as quotation marks outside double-quoted spans."""
    inside = [(s.start, s.end) for s in doubles if s.paragraph == index == s.end_paragraph]
    found: list[MarkSpan] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if (
            char in _SINGLE_OPEN
            and _opens(text, pos)
            and text[pos + 1].isalpha()
            and not any(a <= pos < b for a, b in inside)
        ):
            close = _single_closer(text, pos + 1)
            if close is not None and len(text[pos + 1 : close].split()) <= _MAX_SINGLE_WORDS:
                found.append(MarkSpan(index, pos + 1, index, close, closed=True))
                pos = close + 1
                continue
        pos += 1
    return found


def _single_closer(text: str, start: int) -> int | None:
    """Offset of the single mark that closes a quote opened just before ``start``."""
    for pos in range(start + 1, len(text)):
        char = text[pos]
        if char in '“”«»"\n':
            return None  # single quotes do not straddle double ones
        at_edge = pos + 1 == len(text) or text[pos + 1] in _CLOSER_CONTEXT
        if char in _SINGLE_CLOSE and not text[pos - 1].isspace() and at_edge:
            # A plural possessive (voters’ views) is followed by a lower-case word.
            nxt = text[pos + 2 : pos + 3]
            if text[pos - 1] == "s" and nxt.islower() and text[pos + 1] == " ":
                continue
            return pos
    return None

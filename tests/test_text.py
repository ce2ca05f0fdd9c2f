"""Sentences of a paragraph: the parse's, repaired so that each is a whole statement."""

from __future__ import annotations

import pytest

from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.text import repair, sentence_spans


def _cut(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Spans of ``pieces`` laid end to end over ``text`` (a parser's raw cut)."""
    out, at = [], 0
    for piece in pieces:
        at = text.index(piece, at)
        out.append((at, at + len(piece)))
        at += len(piece)
    return out


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        # A clean cut stays as it is; white space is trimmed.
        (["One thing happened. ", "Then another."], ["One thing happened.", "Then another."]),
        # A quotation of two sentences stays whole, with its attribution.
        (
            ['Trump wrote: "IT IS A MESS. ', 'THIS IS NOT OUR FIGHT."'],
            ['Trump wrote: "IT IS A MESS. THIS IS NOT OUR FIGHT."'],
        ),
        (
            ["“Cancel the meeting. ", "Now,” Schumer tweeted. ", "He left."],
            ["“Cancel the meeting. Now,” Schumer tweeted.", "He left."],
        ),
        # Outlets mix curly and straight marks: “...," closes the quotation.
        (
            ['“I think so," Romney said. ', '"I saw the reports." ', "He left."],
            ['“I think so," Romney said.', '"I saw the reports."', "He left."],
        ),
        # A quotation left open at the paragraph's end (it goes on in the next) joins nothing.
        (
            ['He said: "We will win. ', "We always do. "],
            ['He said: "We will win.', "We always do."],
        ),
        # A wire dateline has no closing punctuation: it opens the lead.
        (
            ["CORK, Ireland, March 20 (Northwind Wire) - ", "The river burst its banks."],
            ["CORK, Ireland, March 20 (Northwind Wire) - The river burst its banks."],
        ),
        # A piece that opens in lower case continues the sentence before it.
        (
            ['"Dress like you deserve respect." ', "added Lauten, an aide."],
            ['"Dress like you deserve respect." added Lauten, an aide.'],
        ),
    ],
)
def test_repair(pieces: list[str], expected: list[str]) -> None:
    text = "".join(pieces)
    assert [text[a:b] for a, b in repair(text, _cut(text, pieces))] == expected


@pytest.mark.parametrize(
    ("text", "stored", "expected"),
    [
        ("One. Two.", [[0, 4], [5, 9]], ["One.", "Two."]),
        ("  Not analysed yet. Still one.  ", None, ["Not analysed yet. Still one."]),
        ("   ", None, []),
    ],
)
def test_sentence_spans(text: str, stored: list[list[int]] | None, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text, stored)] == expected


def test_the_parse_keeps_abbreviations_and_quotes() -> None:
    from newsfuse.text import parsed_sentences

    text = (
        "Mr. Jackson's father, the Rev. Jesse L. Jackson, went to the U.S. Senate. "
        "\"This is America's war. It's not Obama's war,\" he said. Then he left."
    )
    [doc] = parse([text], ("parser",), load_nlp())
    assert [text[a:b] for a, b in parsed_sentences(doc)] == [
        "Mr. Jackson's father, the Rev. Jesse L. Jackson, went to the U.S. Senate.",
        "\"This is America's war. It's not Obama's war,\" he said.",
        "Then he left.",
    ]

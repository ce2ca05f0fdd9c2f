"""The shared spaCy pipeline: texts longer than spaCy takes (E088) are cut or parsed in pieces."""

from __future__ import annotations

import pytest
from conftest import make_dump

from newsfuse.extract.analyse import analyse
from newsfuse.extract.nlp import MAX_ANALYSED, analysed_part, load_nlp, parse, split_long
from newsfuse.models import Article, Block, Metadata, Origin

#: Over spaCy's default ``max_length`` of 1,000,000 characters: one run-on "paragraph".
RUN_ON = "The harbour council met again on Tuesday. " * 25_000


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("one two three four five six", 10),
        ("First sentence. Second one here. Third.", 20),
        ("x" * 25, 10),
        ("short", 10),
    ],
)
def test_split_long_pieces_fit_and_join_back(text: str, limit: int) -> None:
    pieces = split_long(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)


def test_analysed_part_is_a_prefix_cut_after_a_space() -> None:
    part = analysed_part(RUN_ON)
    assert RUN_ON.startswith(part) and len(part) <= MAX_ANALYSED and part.endswith(" ")
    assert analysed_part("A short paragraph.") == "A short paragraph."


def test_parse_respects_max_length_in_pieces() -> None:
    nlp = load_nlp()
    text = "Mayor Lina Ortiz opened the bridge in Lisbon. " * 40
    saved = nlp.max_length
    nlp.max_length = 500  # so that the text needs four pieces
    try:
        (doc,) = parse([text], ("ner",), nlp)
    finally:
        nlp.max_length = saved
    assert doc.text == text
    assert "Lisbon" in {e.text for e in doc.ents}


def test_a_paragraph_over_spacys_limit_is_analysed_in_its_first_part() -> None:
    body = [Block(p, "paragraph") for p in make_dump(7).split("\n\n")[4:8]]
    body.insert(1, Block(RUN_ON, "paragraph"))
    article = Article(
        id="runon",
        content_key="runon",
        origin=Origin(path="runon.txt"),
        format="text",
        meta=Metadata(headline="Run-on", published="2024-12-13"),
        body=tuple(body),
    )
    (result,) = analyse([article])
    assert len(result.sentences) == len(body)
    assert result.sentences[1][-1][1] <= MAX_ANALYSED
    assert any(q.speaker_name == "Lina Ortiz" for q in result.quotes)

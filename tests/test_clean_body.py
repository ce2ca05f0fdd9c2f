"""Words counted by script, and junk told from article text, before a body is stored."""

from __future__ import annotations

import random

import pytest
from conftest import make_dump

from newsfuse.clean import clean_dump
from newsfuse.clean.body import check_body
from newsfuse.errors import RejectedInput
from newsfuse.models import Block
from newsfuse.text import count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The port reopened on Monday.", 5),
        ("港口于周一重新开放", 4),  # nine characters, two to a word
        ("港は月曜日に再開された", 5),
        ("The 港口 reopened", 3),  # a CJK run of two among Latin words
        ("항구가 월요일에 다시 열렸다", 4),  # Korean is written with spaces
        ("", 0),
    ],
)
def test_words_are_counted_by_script(text: str, words: int) -> None:
    assert count_words(text) == words


rng = random.Random(3)
NUMBERS = " ".join(str(rng.randrange(10**6)) for _ in range(500))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("flood " * 20_000, "junk"),
        ("Buy cheap watches now. " * 2_000, "junk"),
        (NUMBERS, "junk"),
        ("only a few words", "no_article_text"),
        ("数字 " * 10, "no_article_text"),
    ],
    ids=["one-word", "one-sentence", "numbers", "short", "short-cjk"],
)
def test_junk_and_short_bodies_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(RejectedInput) as caught:
        check_body([Block(text)], 25)
    assert caught.value.reason == reason
    assert caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        " ".join(make_dump(n) for n in range(30)),  # long, repetitive but real prose
        "Results: "
        + " ".join(f"Team {i} scored {i * 7} points in {i + 1} games." for i in range(80)),
    ],
    ids=["repeated-template", "results-table"],
)
def test_article_text_is_not_junk(text: str) -> None:
    body = clean_dump(text).body or (Block(text),)
    assert check_body(body, 25) >= 25

"""Check a clean body before it becomes an article: enough words, counted by script; no junk."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfuse.errors import RejectedInput
from newsfuse.models import Block

__all__ = ["check_body", "count_words"]

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\b[\d_]+\b")  # a \w+ token without a letter
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

# Junk: the share of distinct words under which a body is repetition ("flood" 20,000
# times, one sentence pasted over and over). The lowest share in the extraction data's gold
# bodies is 0.10 (a page of tables, 2,052 words), the next 0.25; a real text's vocabulary
# grows with its length, so 0.02 is reached only past ~1 million words of prose.
_DISTINCT_SHARE = 0.02
# Junk: the share of words without a letter (numbers) over which a body is only figures.
# The highest share in the gold bodies is 0.61 (a page of results tables), the next 0.34.
_FIGURES_SHARE = 0.9
# Too few words to tell repetition from a short text.
_JUNK_MIN_WORDS = 100


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


def check_body(body: Iterable[Block], min_words: int) -> int:
    """Reject a body too short or made of junk; return its word count.

    Args:
        body: The clean body blocks.
        min_words: Fewest words of an article.

    Raises:
        RejectedInput: ``no_article_text`` under ``min_words``; ``junk`` when the text is
            repetition (few distinct words) or only figures.
    """
    text = "\n".join(block.text for block in body)
    tokens = _WORD.findall(text)
    words = count_words(text, len(tokens))
    if words < min_words:
        raise RejectedInput(
            "no_article_text",
            f"only {words} words of article text found (fewer than {min_words}); is this a "
            "news report? Set NEWSFUSE_MIN_BODY_WORDS to accept shorter ones",
        )
    if len(tokens) < _JUNK_MIN_WORDS:
        return words
    distinct = len(set(map(str.lower, tokens)))
    if distinct < _DISTINCT_SHARE * len(tokens):
        raise RejectedInput(
            "junk",
            f"the text repeats itself: {distinct:,} distinct words in {len(tokens):,} "
            f"(under {_DISTINCT_SHARE:.0%}); this is no news report",
        )
    figures = len(_NUMBER.findall(text))
    if figures > _FIGURES_SHARE * len(tokens):
        raise RejectedInput(
            "junk",
            f"the text is {figures / len(tokens):.0%} numbers ({figures:,} of "
            f"{len(tokens):,} words); this is no news report",
        )
    return words

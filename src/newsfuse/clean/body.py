"""Check a clean body before it becomes an article: enough words, counted by script; no junk."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfuse.errors import RejectedInput
from newsfuse.models import Block
from newsfuse.text import count_words

__all__ = ["check_body"]

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\b[\d_]+\b")  # a \w+ token without a letter

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

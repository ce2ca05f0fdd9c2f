"""Citations of brief sentences, and how a report's sentence is given in a brief."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfuse.models import Citation, Claim

__all__ = ["MIN_WORDS", "cite", "dateline_trimmed"]

#: A claim this short is rarely a fact on its own ("It said so."): a longer one represents.
MIN_WORDS = 6
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]+,[^()]{0,60}\([^)]{1,40}\)\s*[-–—]+\s*")


def cite(claims: Iterable[Claim]) -> tuple[Citation, ...]:
    """Citations of claims, one per sentence, in order."""
    seen: dict[tuple[str, int, int], Citation] = {}
    for c in claims:
        key = (c.article_id, c.paragraph, c.sentence)
        seen.setdefault(
            key,
            Citation(
                c.article_id, c.outlet or f"article {c.article_id[:8]}", c.paragraph, c.sentence
            ),
        )
    return tuple(seen.values())


def _text(claim: Claim) -> str:
    return _DATELINE.sub("", claim.text).strip()


def dateline_trimmed(claim: Claim) -> str:
    """A claim's text without a leading wire dateline ("CORK, Ireland, March 20 (Wire) -")."""
    return _DATELINE.sub("", claim.text).strip()

"""Structural rules over line probabilities: main text region, subheads, repeats, headline."""

from __future__ import annotations

from collections import Counter

import numpy as np
import numpy.typing as npt

from newsfuse.clean.lines import BULLET, WORD, Lexicon
from newsfuse.models import ChromeLabel

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# The main text region is the best-scoring run of lines where body lines (p >= 0.5) add
# words * (p - 0.45) and other lines subtract min(words, 10) * (0.55 - p). Inside it a line is
# body from p >= _INSIDE, outside only from p >= _OUTSIDE. Chosen on out-of-fold line
# probabilities of the extraction pages (grid 0.3-0.5 x 0.7-1.0): F1 0.902 -> 0.912.
_INSIDE = 0.4
_OUTSIDE = 0.8
# Subheads: at most this many words between two body lines (longest seen in the seeds: 5).
_HEADING_WORDS = 12
# Repeated lines shorter than this are labels ("Share", "Photo"), not repeated paragraphs.
_REPEAT_CHARS = 40
# A line ending in an ellipsis repeats the body when this share of its word 4-grams is in it.
_TEASER_SHARE = 0.8
# The headline is looked for this many non-blank lines above the first body line, and is
# 3-30 words long (shortest and longest headlines seen in the extraction pages).
_HEADLINE_REACH = 12
_HEADLINE_WORDS = (3, 30)


def main_text(probs: FloatArray, words: FloatArray) -> BoolArray:
    """Body lines: a line's own probability, read against the page's main text region.

    Args:
        probs: Line model probabilities of the non-blank lines.
        words: Their word counts.

    Returns:
        One flag per line, True for body.
    """
    gain = np.where(probs >= 0.5, words * (probs - 0.45), -np.minimum(words, 10) * (0.55 - probs))
    best, span, run, start = 0.0, (0, -1), 0.0, 0
    for j, value in enumerate(gain.tolist()):
        if run <= 0:
            run, start = 0.0, j
        run += value
        if run > best:
            best, span = run, (start, j)
    idx = np.arange(len(probs))
    inside = (idx >= span[0]) & (idx <= span[1])
    return np.where(inside, probs >= _INSIDE, probs >= _OUTSIDE)


def headings(texts: list[str], body: BoolArray, lex: Lexicon) -> set[int]:
    """Short title-like lines between body lines: subheads, kept in the body as headings.

    Args:
        texts: The non-blank lines.
        body: Body flags from `main_text` (updated in place for subheads found).
        lex: Word lists, to leave out lines that are chrome by their words.
    """
    found = set()
    for j in range(1, len(texts) - 1):
        text = texts[j]
        n_words = len(WORD.findall(text))
        if not (body[j - 1] and body[j + 1] and 0 < n_words <= _HEADING_WORDS):
            continue
        if text[-1] in ".,;" or BULLET.match(text) or _has_chrome_words(text, lex):
            continue
        if body[j] and not _title_like(text):
            continue
        found.add(j)
        body[j] = True
    return found


def _title_like(text: str) -> bool:
    """No sentence punctuation at the end and mostly capitalised, or ending with a colon/?."""
    if text.endswith((":", "?")):
        return True
    if text[-1] in '.!"”’':
        return False
    tokens = [t for t in WORD.findall(text) if t[0].isalpha()]
    return bool(tokens) and sum(t[0].isupper() for t in tokens) >= 0.5 * len(tokens)


def _has_chrome_words(text: str, lex: Lexicon) -> bool:
    tokens = WORD.findall(text.lower())
    strong = {"cookie", "newsletter", "share", "advert", "related", "footer"}
    cats = {lex.categories[c] for t in tokens for c in lex.words.get(t, ())}
    return bool(cats & strong) or any(p.search(text) for p in lex.patterns.values())


def repeats(texts: list[str], norms: list[str], body: BoolArray) -> dict[int, ChromeLabel]:
    """Lines that repeat body text: a paragraph printed twice, a truncated teaser.

    Args:
        texts: The non-blank lines.
        norms: Their normalised forms.
        body: Body flags (updated in place: repeats leave the body).

    Returns:
        Line index -> "repeated_lead" or "teaser_repeat".
    """
    found: dict[int, ChromeLabel] = {}
    seen: set[str] = set()
    for j in np.flatnonzero(body).tolist():
        if norms[j] in seen and len(norms[j]) > _REPEAT_CHARS:
            found[j] = "repeated_lead"
        seen.add(norms[j])
    for j, norm in enumerate(norms):  # a copy the model left out of the body
        if not body[j] and norm in seen and len(norm) > _REPEAT_CHARS:
            found[j] = "repeated_lead"
    teasers = [j for j, t in enumerate(texts) if t.endswith(("...", "…"))]
    if teasers:
        body_grams = _grams(" ".join(t for j, t in enumerate(texts) if body[j]))
        for j in teasers:
            grams = _grams(texts[j][:-3] if texts[j].endswith("...") else texts[j][:-1])
            if len(grams) >= 4 and sum(g in body_grams for g in grams) >= (
                _TEASER_SHARE * len(grams)
            ):
                found[j] = "teaser_repeat"
    for j in found:
        body[j] = False
    return found


def _grams(text: str) -> list[tuple[str, ...]]:
    tokens = WORD.findall(text)[:-1]  # the last word of a truncated line may be cut
    return [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]


def headline(texts: list[str], body: BoolArray, chrome_like: list[bool]) -> int | None:
    """The headline: the nearest title-shaped line above the first body line.

    Args:
        texts: The non-blank lines.
        body: Body flags.
        chrome_like: Lines that match a chrome pattern (byline, date, credit, reading time).

    Returns:
        Index of the headline line, or None when no line qualifies.
    """
    first = int(np.argmax(body)) if body.any() else len(texts)
    low, high = _HEADLINE_WORDS
    for j in range(first - 1, max(first - 1 - _HEADLINE_REACH, -1), -1):
        text = texts[j]
        n_words = len(WORD.findall(text))
        if chrome_like[j] or BULLET.match(text) or not low <= n_words <= high:
            continue
        if text.endswith(".") and not text.endswith(("...", "…")):
            continue
        return j
    return None


def duplicates_of(norms: list[str], index: int) -> list[int]:
    """Other lines equal to line ``index`` once normalised (e.g. the title printed twice)."""
    counts = Counter(norms)
    if counts[norms[index]] < 2:
        return []
    return [j for j, n in enumerate(norms) if n == norms[index] and j != index]

"""Structural rules over line probabilities: main text region, subheads, repeats, headline."""

from __future__ import annotations

from collections import Counter
from itertools import compress, repeat

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.lexicon import opens_with_chrome, word_tokens
from newsfuse.clean.dump.lines import BULLET, WORD
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
# A line ending in one of these closes a sentence (or introduces what follows).
_CLOSERS = '.!?"”’:'
# Repeated lines shorter than this are labels ("Share", "Photo"), not repeated paragraphs.
_REPEAT_CHARS = 40
# A line ending in an ellipsis repeats the body when this share of its word 4-grams is in it.
_TEASER_SHARE = 0.8
# The headline is looked for among this many non-chrome lines above the first body line,
# and is 4-25 words long.
_HEADLINE_REACH = 12
_HEADLINE_WORDS = (4, 25)
# A headline candidate of at most _OPENER_WORDS words that opens with a chrome word of these
# categories ("Share this article", "Subscribe to ...", "Sign in to ...") is skipped; longer
# lines may be real headlines ("Facebook fined ... over privacy").
_OPENERS = frozenset({"cookie", "newsletter", "share", "advert", "related", "footer"})
_OPENER_WORDS = 8


def main_text(probs: FloatArray, words: FloatArray, chrome: BoolArray) -> BoolArray:
    """Body lines: a line's own probability, read against the page's main text region.

    Args:
        probs: Line model probabilities of the non-blank lines.
        words: Their word counts.
        chrome: Lines that are chrome by their words or a pattern; the region does not
            grow through them.

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
    # The best run stops before a line of p 0.4-0.5 (its gain is negative) even when that
    # line continues the text; the region takes in such neighbours unless they are chrome.
    # Out of fold on the extraction pages: F1 0.9156 -> 0.9193 (recall +0.009, precision
    # -0.002).
    grows = (probs >= _INSIDE) & ~chrome
    low, high = span
    while low > 0 and grows[low - 1]:
        low -= 1
    while high + 1 < len(probs) and grows[high + 1]:
        high += 1
    idx = np.arange(len(probs))
    inside = (idx >= low) & (idx <= high)
    body: BoolArray = np.where(inside, probs >= _INSIDE, probs >= _OUTSIDE)
    return body


def headings(texts: list[str], words: FloatArray, body: BoolArray, chrome: BoolArray) -> set[int]:
    """Short title-like lines between body lines: subheads, kept in the body as headings.

    Args:
        texts: The non-blank lines.
        words: Their word counts.
        body: Body flags from `main_text` (updated in place for subheads found).
        chrome: Lines that are chrome by their words or a chrome pattern.
    """
    found = set()
    between = np.zeros(len(texts), dtype=bool)
    between[1:-1] = body[:-2] & body[2:]
    between &= (words > 0) & (words <= _HEADING_WORDS) & ~chrome
    for j in np.flatnonzero(between).tolist():
        text = texts[j]
        if text[-1] in ".,;" or BULLET.match(text):
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
    rows = np.flatnonzero(body).tolist()
    seen: set[str] = set()
    for j in rows:
        if norms[j] in seen and len(norms[j]) > _REPEAT_CHARS:
            found[j] = "repeated_lead"
        seen.add(norms[j])
    long_seen = {norm for norm in seen if len(norm) > _REPEAT_CHARS}
    if long_seen:
        for j in np.flatnonzero(~body).tolist():  # a copy the model left out of the body
            if norms[j] in long_seen:
                found[j] = "repeated_lead"
    teasers = {}
    for j in compress(range(len(texts)), map(str.endswith, texts, repeat(("...", "…")))):
        text = texts[j]
        grams = _grams(WORD.findall(text[:-3] if text.endswith("...") else text[:-1]))
        if len(grams) >= 4:
            teasers[j] = grams
    if teasers:  # the body's word 4-grams, only for pages with a long enough teaser
        body_grams = _grams(word_tokens(" ".join([texts[j] for j in rows])))
        # A teaser in the body must repeat other body lines, not only itself: a paragraph
        # cut short by a paywall ends in an ellipsis too. So its own 4-grams are counted
        # out of the body's (rarely needed: most teasers are not body).
        counts = Counter(body_grams) if any(body[j] for j in teasers) else None
        known = counts if counts is not None else set(body_grams)
        for j, grams in teasers.items():
            if counts is not None and body[j]:
                own = Counter(grams)
                hits = sum(counts[g] > own[g] for g in grams)
            else:
                hits = sum(g in known for g in grams)
            if hits >= _TEASER_SHARE * len(grams):
                found[j] = "teaser_repeat"
    for j in found:
        body[j] = False
    return found


def _grams(words: list[str]) -> list[tuple[str, ...]]:
    tokens = words[:-1]  # the last word of a truncated line may be cut
    return list(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def headline(texts: list[str], words: FloatArray, body: BoolArray, skip: BoolArray) -> int | None:
    """The headline: the title-shaped line nearest above the first body line.

    Args:
        texts: The non-blank lines.
        words: Their word counts.
        body: Body flags.
        skip: Lines that cannot be the headline: chrome by their words (share, subscribe,
            sign in, menu ...) or by a pattern (byline, date, credit, reading time).

    Returns:
        Index of the headline line, or None when no line qualifies.
    """
    first = int(np.argmax(body)) if body.any() else len(texts)
    low, high = _HEADLINE_WORDS
    seen = 0
    for j in range(first - 1, -1, -1):
        if skip[j]:
            continue  # share widgets and date blocks do not use up the reach
        shaped = low <= words[j] <= high and _headline_shaped(texts[j])
        if shaped and (words[j] > _OPENER_WORDS or not opens_with_chrome(texts[j], _OPENERS)):
            return j
        seen += 1
        if seen >= _HEADLINE_REACH:
            break
    return None


def _headline_shaped(text: str) -> bool:
    """No final full stop or ellipsis, not a link or table row, first letter not lowercase."""
    if text[-1] in ".…" or text[0] == "[" or text[-1] == "]" or BULLET.match(text):
        return False
    if "@" in text or "http" in text or "   " in text:
        return False
    letter = next((ch for ch in text if ch.isalpha()), "")
    return bool(letter) and not letter.islower()


def duplicates_of(norms: list[str], index: int) -> list[int]:
    """Other lines equal to line ``index`` once normalised (e.g. the title printed twice)."""
    norm = norms[index]
    if norms.count(norm) < 2:
        return []
    return [j for j, n in enumerate(norms) if n == norm and j != index]


def islands(texts: list[str], words: FloatArray, body: BoolArray) -> None:
    """Take short title-like body lines with no body line next to them out of the body.

    A subhead stands right above the text it heads; a line of at most `_HEADING_WORDS`
    words without sentence punctuation, with no body line above or below it, is a
    related-story or video title among captions. Out of fold on the extraction pages:
    0.9271 -> 0.9276 (precision +0.001; eight pages better, two lose 0.005 of recall).

    Args:
        texts: The non-blank lines.
        words: Their word counts.
        body: Body flags (updated in place).
    """
    last = len(body) - 1
    for j in np.flatnonzero(body).tolist():
        if words[j] > _HEADING_WORDS or texts[j][-1] in _CLOSERS:
            continue
        if not (j > 0 and body[j - 1]) and not (j < last and body[j + 1]):
            body[j] = False

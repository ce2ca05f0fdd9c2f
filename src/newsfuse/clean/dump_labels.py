"""Say why each non-body line of a dump is chrome: byline, caption, cookie notice, ..."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump_features import FEATURES
from newsfuse.clean.lines import BULLET, WORD, Lexicon
from newsfuse.models import ChromeLabel

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

_KW = {name[3:]: FEATURES.index(name) for name in FEATURES if name.startswith("kw_")}
_MARKER = FEATURES.index("marker")
# Chrome patterns (byline, date, reading time) describe short lines; a longer line that
# matches is prose quoting a date or a name. 12 words covers the longest bylines seen
# ("By Name and Name, Agency Staff Writers | Updated ..."); captions run to _CAPTION_WORDS.
_SHORT = 12
_CAPTION_WORDS = 60
# Fewer words than this with a photo credit is a bare credit ("Photo: AFP"), else a caption.
_CREDIT_WORDS = 6
# A kicker/section label above the headline has at most this many words ("SYRIA",
# "World News", "U.S. Politics").
_SECTION_WORDS = 3
# Keyword labels for a line with at most this many words: a long line that mentions
# "share" or "email" is prose. Cookie notices are long, so cookie words count at any length.
_KEYWORD_WORDS = 25
# Body lines of at most this many words that carry a strong chrome word leave the body.
_VETO_WORDS = 4
_VETO_KINDS = ("cookie", "newsletter", "share", "advert")
_ORDER: tuple[ChromeLabel, ...] = ("newsletter", "advert", "share", "footer")


def pattern_kinds(texts: list[str], words: FloatArray, lex: Lexicon) -> list[str | None]:
    """The first chrome pattern kind each short line matches, if any.

    Each pattern scans all eligible lines at once (newline-joined, multiline mode), which
    costs far less than one search per line.
    """
    kinds: list[str | None] = [None] * len(texts)
    for name in ("dateline", "credit", "byline", "reading_time"):  # last match wins
        limit = _CAPTION_WORDS if name == "credit" else _SHORT
        kept = [t if w <= limit else "" for t, w in zip(texts, words, strict=True)]
        doc = "\n".join(kept)
        starts = np.cumsum([0] + [len(t) + 1 for t in kept])
        for match in lex.patterns[name].finditer(doc):
            kinds[int(np.searchsorted(starts, match.start(), side="right")) - 1] = name
    return kinds


def vetoed(texts: list[str], features: FloatArray, body: BoolArray) -> None:
    """Take very short lines made of chrome words ("Advertisement", "Share") out of the body.

    Args:
        texts: The non-blank lines.
        features: Their feature matrix.
        body: Body flags (updated in place).
    """
    for j in np.flatnonzero(body).tolist():
        row = features[j]
        if len(WORD.findall(texts[j])) <= _VETO_WORDS and (
            row[_MARKER] > 0 or any(row[_KW[k]] > 0 for k in _VETO_KINDS)
        ):
            body[j] = False


def captions(texts: list[str], kinds: list[str | None], body: BoolArray) -> dict[int, ChromeLabel]:
    """Photo captions and credits, taken out of the body when the model let them in.

    Args:
        texts: The non-blank lines.
        kinds: Output of `pattern_kinds`.
        body: Body flags (updated in place).
    """
    found: dict[int, ChromeLabel] = {}
    for j, kind in enumerate(kinds):
        if kind == "credit":
            long = len(WORD.findall(texts[j])) >= _CREDIT_WORDS
            found[j] = "caption" if long else "credit"
        elif kind in ("byline", "reading_time"):
            found[j] = "byline" if kind == "byline" else "reading_time"
        else:
            continue
        body[j] = False
    return found


def label_chrome(
    texts: list[str],
    features: FloatArray,
    body: BoolArray,
    kinds: list[str | None],
    fixed: dict[int, ChromeLabel],
    headline: int | None,
) -> dict[int, ChromeLabel]:
    """A label for every non-body line.

    Args:
        texts: The non-blank lines.
        features: Their feature matrix (keyword hits and marker flags are read from it).
        body: Body flags.
        kinds: Output of `pattern_kinds`.
        fixed: Labels already decided by structure (headline, repeats, captions).
        headline: Index of the headline line, if found.

    Returns:
        Line index -> label, for every line not in the body.
    """
    labels: dict[int, ChromeLabel] = {}
    first_body = int(np.argmax(body)) if body.any() else len(texts)
    in_related = False
    for j, text in enumerate(texts):
        if body[j]:
            in_related = False
            continue
        if features[j, _MARKER] > 0:
            in_related = True
        if j in fixed:
            labels[j] = fixed[j]
            continue
        labels[j] = _label(j, text, features[j], kinds[j], in_related, first_body, headline)
    return labels


def _label(
    j: int,
    text: str,
    row: FloatArray,
    kind: str | None,
    in_related: bool,
    first_body: int,
    headline: int | None,
) -> ChromeLabel:
    """Label of one non-body line: patterns, then keywords, then its place in the page."""
    n_words = len(WORD.findall(text))
    if kind == "dateline":
        return "dateline"
    if row[_KW["cookie"]] > 0:
        return "cookie"
    if n_words <= _KEYWORD_WORDS:
        for label in _ORDER:
            if row[_KW[label]] > 0:
                return label
    if in_related:
        return "related"
    above_headline = headline is not None and j == headline - 1
    if above_headline and n_words <= _SECTION_WORDS and not BULLET.match(text):
        return "section"
    if row[_KW["navigation"]] > 0 or BULLET.match(text) or j < first_body:
        return "navigation"
    return "boilerplate"

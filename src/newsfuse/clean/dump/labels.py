"""Say why each non-body line of a dump is chrome: byline, caption, cookie notice, ..."""

from __future__ import annotations

import re
from itertools import compress, islice, repeat
from operator import eq

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.features import FEATURES
from newsfuse.models import ChromeLabel

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

_KW = {name[3:]: FEATURES.index(name) for name in FEATURES if name.startswith("kw_")}
_MARKER = FEATURES.index("marker")
_BULLET = FEATURES.index("bullet")
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
# Chrome by its words, for headline and subhead candidates: a hit of these categories ...
_STRONG = ("cookie", "newsletter", "share", "advert", "related", "footer")
# ... on a line of at most this many words, or chrome words (navigation included) making up
# more than half of a line's non-stopwords.
_STRONG_WORDS = 6
_CHROME_SHARE = 0.5


def keyword_chrome(features: FloatArray, words: FloatArray) -> BoolArray:
    """Lines that are chrome by their words: related/comments markers and keyword lines.

    Args:
        features: The feature matrix of the lines.
        words: Their word counts.
    """
    strong = features[:, [_KW[k] for k in _STRONG]].sum(axis=1)
    weak = strong + features[:, _KW["navigation"]]
    content = words * (1 - features[:, FEATURES.index("stop_ratio")])
    flagged = (strong > 0) & (words <= _STRONG_WORDS)
    flagged |= weak > _CHROME_SHARE * np.maximum(content, 1)
    result: BoolArray = flagged | (features[:, _MARKER] > 0)
    return result


def vetoed(texts: list[str], features: FloatArray, words: FloatArray, body: BoolArray) -> None:
    """Take very short lines made of chrome words ("Advertisement", "Share") out of the body.

    A short sentence ending in a full stop, "!" or "?" stays: "WeWork declined to comment."
    is news, not a share button (on the extraction pages both such lines the model keeps
    are article text; "Share this:" and "You may also like:" still leave).

    Args:
        texts: The non-blank lines.
        features: The feature matrix of the lines.
        words: Their word counts.
        body: Body flags (updated in place).
    """
    strong = features[:, [_KW[k] for k in _VETO_KINDS]].sum(axis=1) > 0
    hits = (words <= _VETO_WORDS) & (strong | (features[:, _MARKER] > 0)) & body
    for j in np.flatnonzero(hits).tolist():
        text = texts[j]
        if text[-1] not in ".!?" or text.endswith(".."):
            body[j] = False


# An image's alt text printed right above its caption: the same line twice in a row, of at
# least _TWIN_CHARS normalised characters. On the extraction pages 548 of 562 such lines are
# not article text. Out of fold, with the fold models of `scripts/train_line_model.py`,
# taking both copies out of the body raised F1 0.9196 -> 0.9210 (precision +0.003; nine
# pages changed, none for the worse). A paragraph printed again further down is a repeated
# lead instead (`clean.dump.rules.repeats` keeps one copy).
_TWIN_CHARS = 20
# A line made only of bracketed names without spaces is an image placeholder ("[IMG_2041]",
# "[lazyload-p][tweets]"): w3m prints an image as its alt text or file name in brackets.
# With the doubled lines below: 0.9211 -> 0.9215 out of fold.
_PLACEHOLDER = re.compile(r"(?:\[[^\]\s]*\])+")
# A line that ends in a placeholder glued to its text ("Typing on the new keyboard[5947]")
# is an image's alt text and name: on the extraction pages none of the 52 such lines is
# article text. A next line that repeats its text is the caption.
_NOT_GLUED = frozenset(" \t[]")
# A doubled line ("Shy owlShy owl") is an image's alt and title run together.
_DOUBLED_CHARS = 10
# News agencies open a photo caption with a fixed phrase: "In this photo issued by ITV,
# ...", "FILE - In this Monday, Oct. 28, 2019, file photo, ...", "This March 28, 2017,
# file photo ...". On the extraction pages all 7 lines that open so are captions (5 of them
# were kept as body). A line crediting an agency photographer ("(AP Photo/Gene J. Puskar)")
# is a caption wherever the credit stands: all 19 such lines are (1 was kept as body).
_CAPTION_OPENING = re.compile(
    r"(?:FILE *[-—–] *)?In this\b.{0,60}?\b(?:photo|image|picture|handout|screenshot|frame grab)"
    r"|This\b.{0,40}?\bfile photo\b",
    re.IGNORECASE,
)
_CAPTION_STARTS = ("In this", "IN THIS", "in this", "This", "THIS", "FILE")
_AGENCY_PHOTO = re.compile(r"\b(?:AP|AFP|EPA|UPI|AAP|PA) Photo */")


def images(
    texts: list[str], norms: list[str], body: BoolArray, chrome: BoolArray
) -> dict[int, ChromeLabel]:
    """Image text taken out of the body: twin caption lines, placeholders, alt texts, and
    captions that open with an agency's fixed phrase ("In this photo ...").

    Args:
        texts: The non-blank lines.
        norms: Their normalised forms.
        body: Body flags (updated in place).
        chrome: Chrome flags (updated in place: the lines found are neither subheads nor
            the headline).

    Returns:
        Line index -> label for the captions found ("caption" for the first of two twins,
        a doubled line and a line with a glued placeholder, "repeated_lead" for the second
        twin).
    """
    found: dict[int, ChromeLabel] = {}
    for j in compress(range(len(norms)), map(eq, norms, islice(norms, 1, None))):
        if len(norms[j]) >= _TWIN_CHARS:
            found.setdefault(j, "caption")
            found[j + 1] = "repeated_lead"
    for j in compress(range(len(texts)), body.tolist()):
        text = texts[j]
        half = len(text) >> 1
        if (
            (2 * half >= _DOUBLED_CHARS and text[0] == text[half] and text[:half] == text[half:])
            or (text.startswith(_CAPTION_STARTS) and _CAPTION_OPENING.match(text))
            or ("Photo" in text and _AGENCY_PHOTO.search(text))
        ):
            found[j] = "caption"
    for j in compress(range(len(texts)), map(str.endswith, texts, repeat("]"))):
        text = texts[j]
        if text[0] == "[":
            if _PLACEHOLDER.fullmatch(text):
                body[j] = False
                chrome[j] = True
            continue
        at = text.rfind("[")
        if at > 0 and text[at - 1] not in _NOT_GLUED and _PLACEHOLDER.fullmatch(text, at):
            found[j] = "caption"
            if j < len(texts) - 1 and texts[j + 1] == text[:at]:
                found[j + 1] = "repeated_lead"
    for j in found:
        body[j] = False
        chrome[j] = True
    return found


# A line that opens with a related-link label and a colon ("Related: ...", "Read more: ...",
# "See also: ...") links to another story. On the extraction pages the model kept 10 such
# lines in the body, none of them article text.
_RELATED_LINK = re.compile(
    r"(?:related|read more|read also|also read|see also|also|more|recommended|read next"
    r"|watch|listen|related coverage[^:]{0,40}|more from [^:]{1,30}) *: *\S",
    re.IGNORECASE,
)


def related_links(texts: list[str], body: BoolArray, chrome: BoolArray) -> dict[int, ChromeLabel]:
    """Take "Related: ..." and "Read more: ..." links to other stories out of the body.

    Args:
        texts: The non-blank lines.
        body: Body flags (updated in place).
        chrome: Chrome flags (updated in place: the links are not subheads either).

    Returns:
        Line index -> "related" for the lines found.
    """
    found: dict[int, ChromeLabel] = {}
    for j in np.flatnonzero(body).tolist():
        if ":" in texts[j] and _RELATED_LINK.match(texts[j]):
            found[j] = "related"
            body[j] = False
            chrome[j] = True
    return found


def captions(kinds: list[str | None], words: FloatArray, body: BoolArray) -> dict[int, ChromeLabel]:
    """Photo captions and credits, bylines and reading times, taken out of the body.

    Args:
        kinds: Pattern kind of each line (`clean.dump.patterns.pattern_kinds`).
        words: Word counts of the lines.
        body: Body flags (updated in place).
    """
    found: dict[int, ChromeLabel] = {}
    for j, kind in enumerate(kinds):
        if kind is None:
            continue
        if kind == "credit":
            found[j] = "caption" if words[j] >= _CREDIT_WORDS else "credit"
        elif kind == "byline":
            found[j] = "byline"
        elif kind == "reading_time":
            found[j] = "reading_time"
        else:
            continue
        body[j] = False
    return found


def label_chrome(
    features: FloatArray,
    words: FloatArray,
    body: BoolArray,
    kinds: list[str | None],
    fixed: dict[int, ChromeLabel],
    headline: int | None,
) -> dict[int, ChromeLabel]:
    """A label for every non-body line: patterns, then keywords, then place in the page.

    Args:
        features: The feature matrix (keyword hits, bullet and marker flags are read from it).
        words: Word counts of the lines.
        body: Body flags.
        kinds: Pattern kind of each line.
        fixed: Labels already decided by structure (headline, repeats, captions).
        headline: Index of the headline line, if found.

    Returns:
        Line index -> label, for every line not in the body.
    """
    n = len(words)
    idx = np.arange(n)
    kw = {name: features[:, _KW[name]] > 0 for name in ("cookie", "navigation", *_ORDER)}
    short = words <= _KEYWORD_WORDS
    bullet = features[:, _BULLET] > 0
    # A line is in a related block when a non-body marker line opened one after the last
    # body line above it.
    last_marker = np.maximum.accumulate(np.where((features[:, _MARKER] > 0) & ~body, idx, -1))
    last_body = np.maximum.accumulate(np.where(body, idx, -1))
    first_body = int(np.argmax(body)) if body.any() else n
    section = np.zeros(n, dtype=bool)
    if headline is not None and headline > 0:
        section[headline - 1] = True
    conditions = [
        np.fromiter(map(eq, kinds, repeat("dateline")), dtype=bool, count=n),
        kw["cookie"],
        *(short & kw[label] for label in _ORDER),
        last_marker > last_body,
        section & (words <= _SECTION_WORDS) & ~bullet,
        kw["navigation"] | bullet | (idx < first_body),
    ]
    choices: list[ChromeLabel] = [
        "dateline", "cookie", *_ORDER, "related", "section", "navigation"
    ]  # fmt: skip
    pick = np.full(n, len(choices))  # the first condition that holds picks the label
    for i in range(len(conditions) - 1, -1, -1):
        pick[conditions[i]] = i
    names: list[ChromeLabel] = [*choices, "boilerplate"]
    rest = np.flatnonzero(~body)
    return {
        j: fixed.get(j) or names[k] for j, k in zip(rest.tolist(), pick[rest].tolist(), strict=True)
    }

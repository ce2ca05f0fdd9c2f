"""Regions of a dump around the body: reader comments to cut, lists inside the text to keep."""

from __future__ import annotations

import re
from itertools import compress, repeat

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.features import FEATURES

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# A normalised line that opens a comments section ("Comments", "12 Comments", "Leave a
# reply", "Join the conversation", "3 thoughts on ...").
_COMMENTS_HEADER = re.compile(
    r"(?:(?:0 |top rated |top |reader |readers |show |view |all )?"
    r"(?:comments?|responses?|replies|reactions)(?: \(0\))?"
    r"|leave a (?:comment|reply)|post a comment|add (?:a|your) comment"
    r"|join the (?:conversation|discussion)|0 thoughts? on .+|discussion)"
)
# The header is confirmed by a commenter line (a date or time, "... said:", "Reply") within
# this many lines after it. A "... said" line is a commenter line only up to
# _COMMENTER_WORDS words ("Jane Roe on March 5, 2024 at 9:14 am said:" has 10; the longest
# on the extraction pages 11): a quote paragraph ending in "..., he said" is article text
# (a comment count printed above the text was cut there in the Chromium dumps).
_COMMENTS_REACH = 8
_COMMENTER_WORDS = 15
# Without a header, comments start at the first of at least _SAYS_LINES lines that are only
# a name and "says:" / "said:" / "wrote:" (WordPress and similar comment lists): the
# Chromium dumps drop the list numbers that kept the comments' text out of the body in w3m.
_SAYS = re.compile(r"\S+(?: \S+){0,4} (?:says|said|wrote)")
_SAYS_LINES = 3
_SAYS_ENDS = ("says", "said", "wrote")
_COMMENTER = re.compile(r".*\b(?:said|says|wrote)$|reply|avatar")

# A list of sources or references after the body ends the article text ("Sources:",
# "References"). On the extraction pages it ends two fact-check articles of one site
# (precision 0.69 -> 0.92 and 0.83 -> 1.00, no recall lost); no page has article text after
# such a header.
_SOURCES = frozenset(
    f"{name}{end}"
    for name in ("source", "sources", "references", "bibliography", "works cited", "footnotes")
    for end in ("", ":", " :")
)

# A wire story's first paragraph opens with its dateline ("NEW YORK (Reuters) -", "HANOI,
# Vietnam (AP) —"). The model reads the agency name as a credit and can score such a lead
# under the body threshold; on the extraction pages all 12 lines of at least
# _WIRE_WORDS words that open this way are article text (2 of them were missed). Only
# lines within _WIRE_REACH lines of the first body line count: the dateline opens a story's
# first paragraph, and other wire stories' openings further away are not this article.
_WIRE_LEAD = re.compile(
    r"[A-Z][A-Za-z .,'’-]{1,40}?\((?:Reuters|AP|AFP|dpa|Bloomberg|UPI|AAP|Xinhua|IANS|PTI|ANI)\)"
    r"\s*[-—–:]"
)
_WIRE_WORDS = 12
_WIRE_REACH = 3

# A page's legal footer (disclaimers, "© 2019 Example, LLC. All rights reserved.") can read
# as prose to the model. When the body's last run of lines (gaps of at most _RUN_GAP
# lines) is not its first and holds a copyright notice, the run is that footer and leaves.
# A wire story's own notice ("© Copyright 2019 The Associated Press. All Rights
# Reserved.") sits in the article's run and is kept, as the extraction gold keeps it. On the
# extraction pages: one page of legal prose under a short recipe article, precision 0.75 ->
# 0.99 (out of fold 0.9264 -> 0.9271); no other page changes.
_COPYRIGHT = re.compile(
    r"©\s*(?:\d{4}|copyright)|copyright\s*(?:©\s*)?\d{4}|all rights reserved", re.I
)
_RUN_GAP = 2

# List gaps: runs of up to 12 lines with line probability >= 0.05 (an
# item the model dismisses outright stays out). Out of fold on the extraction pages, with
# the comments cut: F1 0.9154 -> 0.9156 (recall +0.002, precision -0.001); with the region
# extension of `clean.dump.rules.main_text`, 0.9191 -> 0.9193: about neutral. Items without any
# stopword (tables, lists of names) were left out at first; letting them in: 0.9253 -> 0.9260
# (recall +0.0014, precision -0.0000; five pages better, two a little worse). Lines of over
# 30 words were left out too; a paragraph the model doubts between two body lines (a long
# quote, text in a language it knows less) is article text: 0.9280 -> 0.9287 (three pages
# better, one loses 0.07 of precision to a video list between two stray body lines).
# A strong chrome word blocks a gap only on a line of at most _STRONG_WORDS words, as in
# `clean.dump.labels.keyword_chrome` ("Share", not a sentence that ends "Click To Tweet"); a
# one-word line only when it is not a bullet item ("• onions" in a list of ingredients);
# a line without words always blocks.
# Both: 0.9299 -> 0.9306 (nine pages, recall up on all, precision -0.004 at most).
_GAP_LINES = 12
_STRONG_WORDS = 6
_GAP_PROB = 0.05
_STRONG = [
    FEATURES.index("kw_" + k)
    for k in ("cookie", "newsletter", "share", "advert", "related", "footer")
]
_DUP = FEATURES.index("dup")
_BULLET = FEATURES.index("bullet")


def comments_cut(norms: list[str], kinds: list[str | None], body: BoolArray) -> int | None:
    """End the body at a reader-comments header, or a run of "... says:" lines, after it.

    Args:
        norms: Normalised lines.
        kinds: Chrome pattern kind of each line.
        body: Body flags (updated in place: no line after the header is body).

    Returns:
        Index of the header, or None when the page has no comments section after its body.
    """
    if not body.any():
        return None
    first = int(np.argmax(body))
    for j in range(first + 1, len(norms)):
        if not _COMMENTS_HEADER.fullmatch(norms[j]):
            continue
        after = range(j + 1, min(j + 1 + _COMMENTS_REACH, len(norms)))
        if any(kinds[k] == "dateline" or _commenter(norms[k]) for k in after):
            body[j:] = False
            return j
    says = [
        j
        for j in range(first + 1, len(norms))
        if norms[j].endswith(_SAYS_ENDS) and _SAYS.fullmatch(norms[j])  # the test in C first
    ]
    if len(says) >= _SAYS_LINES:
        body[says[0] :] = False
        return says[0]
    return None


def sources_cut(norms: list[str], body: BoolArray) -> None:
    """End the body at a "Sources" or "References" header after its first line.

    Args:
        norms: Normalised lines.
        body: Body flags (updated in place: no line from the header on is body).
    """
    if _SOURCES.isdisjoint(norms) or not body.any():
        return
    first = int(np.argmax(body))
    for j in range(first + 1, len(norms)):
        if norms[j] in _SOURCES:
            body[j:] = False
            return


def wire_leads(texts: list[str], words: FloatArray, body: BoolArray) -> None:
    """Take a paragraph that opens with a wire dateline ("LONDON (AP) —") into the body.

    Args:
        texts: The non-blank lines.
        words: Their word counts.
        body: Body flags (updated in place).
    """
    if not body.any():
        return
    first = int(np.argmax(body))
    low, high = max(first - _WIRE_REACH, 0), min(first + _WIRE_REACH, len(texts) - 1)
    for j in compress(
        range(low, high + 1), map(str.__contains__, texts[low : high + 1], repeat(") "))
    ):
        if words[j] >= _WIRE_WORDS and _WIRE_LEAD.match(texts[j]):
            body[j] = True


def legal_footer(texts: list[str], body: BoolArray) -> None:
    """Take a detached last run of body lines that holds a copyright notice out of the body.

    Args:
        texts: The non-blank lines.
        body: Body flags (updated in place).
    """
    rows = np.flatnonzero(body)
    breaks = np.flatnonzero(np.diff(rows) > _RUN_GAP)
    if not len(breaks):  # one run: the article itself, whatever notice it carries
        return
    run = rows[int(breaks[-1]) + 1 :].tolist()
    if any(map(_noticed, map(texts.__getitem__, run))):
        body[run] = False


def _noticed(text: str) -> bool:
    """Whether a line carries a copyright notice (substring tests first: most do not)."""
    hinted = "©" in text or "opyright" in text or "OPYRIGHT" in text or "eserved" in text
    return (hinted or "ESERVED" in text) and bool(_COPYRIGHT.search(text))


def _commenter(norm: str) -> bool:
    """A short line naming a commenter ("... said:"), or a "Reply" or avatar line."""
    return bool(_COMMENTER.fullmatch(norm)) and norm.count(" ") < _COMMENTER_WORDS


def list_gaps(
    texts: list[str], probs: FloatArray, words: FloatArray, body: BoolArray, chrome: BoolArray,
    features: FloatArray,
) -> None:  # fmt: skip
    """Keep content lines (list items, doubted paragraphs) that lie between two body lines.

    A run of at most `_GAP_LINES` non-body lines between body lines joins the body when
    every line in it reads as content: no chrome words or patterns, not printed twice on
    the page, not a link or an image placeholder. Items need no prose words: rows of a table
    or a list of names ("Path A: Iceland, Bulgaria, Hungary") are article text too.

    Args:
        texts: The non-blank lines.
        probs: Line model probabilities.
        words: Word counts.
        body: Body flags (updated in place).
        chrome: Lines that are chrome by their words or a pattern.
        features: The feature matrix (keyword hits, repeats).
    """
    strong = (features[:, _STRONG].sum(axis=1) > 0) & (words <= _STRONG_WORDS)
    single = (words == 0) | ((words < 2) & (features[:, _BULLET] == 0))
    blocked = chrome | (features[:, _DUP] > 0) | strong | single | (probs < _GAP_PROB)
    idx = np.flatnonzero(body)
    for a, b in zip(idx[:-1].tolist(), idx[1:].tolist(), strict=True):
        if not 2 <= b - a <= _GAP_LINES + 1 or blocked[a + 1 : b].any():
            continue
        if all(_content(texts[j]) for j in range(a + 1, b)):
            body[a + 1 : b] = True


def _content(text: str) -> bool:
    """Not a bracketed placeholder or a link."""
    return not (text[0] == "[" or text[-1] == "]" or "http" in text or "www." in text)

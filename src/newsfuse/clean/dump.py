"""Clean a plain-text page dump: headline, body blocks, captions, and labelled chrome."""

from __future__ import annotations

import numpy as np

from newsfuse.clean import dump_rules as rules
from newsfuse.clean.dump_features import line_features
from newsfuse.clean.dump_labels import captions, label_chrome, pattern_kinds, vetoed
from newsfuse.clean.dump_model import LineModel, shipped_model
from newsfuse.clean.lines import lexicon, normalise_line, split_lines
from newsfuse.models import Block, ChromeLabel, ChromeLine, CleanPage

__all__ = ["clean_dump", "normalise_line"]


def clean_dump(
    text: str, recurring: frozenset[str] = frozenset(), *, model: LineModel | None = None
) -> CleanPage:
    """Split a plain-text page dump into headline, body, captions and labelled chrome.

    The cascade, in order: split the dump into lines (re-joining hard-wrapped paragraphs);
    compute cheap features of each line and its neighbours; the line model gives each line
    a body probability; the main text region decides which lines are body; structural rules
    then find captions and bylines, subheads, repeated paragraphs and truncated teasers, and
    the headline above the body; every other line gets the label of the chrome it is.

    Args:
        text: The dump, as a text browser renders a whole page.
        recurring: Normalised lines (see `normalise_line`) seen on many pages of the same
            site; they are chrome whatever the model says.
        model: The line model; the one shipped with the package by default.

    Returns:
        The clean page. ``chrome`` lists every non-blank, non-body line with its label and
        0-based line number in ``text``; captions are also in ``captions``.
    """
    lex = lexicon()
    lines = split_lines(text)
    pos, features = line_features(lines, recurring)
    if not pos:
        return CleanPage(headline=None, body=())
    texts = [lines[k][1] for k in pos]
    norms = [normalise_line(t) for t in texts]
    probs = (model or shipped_model()).predict(features)
    words = np.expm1(features[:, 0])  # column 0 is log1p(words)
    body = rules.main_text(probs, words)
    body &= np.array([n not in recurring for n in norms])

    vetoed(texts, features, body)
    kinds = pattern_kinds(texts, words, lex)
    fixed: dict[int, ChromeLabel] = dict(captions(texts, kinds, body))
    fixed.update(rules.repeats(texts, norms, body))
    heads = rules.headings(texts, body, lex)
    top = rules.headline(texts, body, [k is not None for k in kinds])
    if top is not None:
        for j in [top, *rules.duplicates_of(norms, top)]:
            if not body[j]:
                fixed[j] = "headline"
    labels = label_chrome(texts, features, body, kinds, fixed, top)

    blocks = tuple(
        Block(texts[j], "heading" if j in heads else "paragraph")
        for j in range(len(texts))
        if body[j]
    )
    chrome = tuple(ChromeLine(texts[j], label, lines[pos[j]][0]) for j, label in labels.items())
    return CleanPage(
        headline=texts[top] if top is not None else None,
        body=blocks,
        captions=tuple(texts[j] for j, label in labels.items() if label == "caption"),
        chrome=chrome,
    )

"""Clean a plain-text page dump: headline, body blocks, captions, and labelled chrome."""

from __future__ import annotations

import re
from itertools import repeat
from operator import is_not

import numpy as np

from newsfuse.clean.budget import Budget
from newsfuse.clean.dump import regions, rules
from newsfuse.clean.dump.features import read_lines
from newsfuse.clean.dump.labels import (
    captions,
    images,
    keyword_chrome,
    label_chrome,
    related_links,
    vetoed,
)
from newsfuse.clean.dump.lines import split_lines
from newsfuse.clean.dump.model import LineModel, shipped_model
from newsfuse.models import Block, ChromeLabel, ChromeLine, CleanPage

__all__ = ["clean_dump"]

_NON_BLANK = re.compile(r"^[^\S\n]*\S", re.M)


def clean_dump(
    text: str,
    recurring: frozenset[str] = frozenset(),
    *,
    model: LineModel | None = None,
    budget: Budget | None = None,
) -> CleanPage:
    """Split a plain-text page dump into headline, body, captions and labelled chrome.

    The cascade, in order: split the dump into lines (re-joining hard-wrapped paragraphs);
    compute cheap features of each line and its neighbours; the line model gives each line
    a body probability; the main text region decides which lines are body. Then image text
    (an alt text above its caption, placeholders) and "Related: ..." links leave the body;
    a reader-comments section, a list of sources or a detached legal footer ends it; a wire
    story's dateline paragraph and list items between body paragraphs join it, and short
    titles with no body line around them leave it. Structural rules then find captions and
    bylines, subheads, repeated paragraphs and truncated teasers, and the headline above the
    body (skipping chrome); every other line gets the label of the chrome it is.

    Args:
        text: The dump, as a text browser renders a whole page.
        recurring: Normalised lines (see `normalise_line`) seen on many pages of the same
            site; they are chrome whatever the model says.
        model: The line model; the one shipped with the package by default.
        budget: The limits and time budget of this input; the default settings' from now
            when None.

    Returns:
        The clean page. ``chrome`` lists every non-blank, non-body line with its label and
        0-based line number in ``text``; captions are also in ``captions``.

    Raises:
        RejectedInput: ``too_many_lines`` over the budget's line limit (counted before any
            other work), ``too_slow`` past its deadline.
    """
    budget = budget or Budget.start()
    _check_lines(text, budget)
    lines = split_lines(text)
    budget.check("splitting lines")
    page = read_lines(lines, recurring)
    budget.check("line features")
    if not page.pos:
        return CleanPage(headline=None, body=())
    texts, norms, words, kinds, features = (
        page.texts,
        page.norms,
        page.words,
        page.kinds,
        page.features,
    )
    probs = (model or shipped_model()).predict(features, lambda: budget.check("line model"))
    patterned = np.fromiter(map(is_not, kinds, repeat(None)), dtype=bool, count=len(kinds))
    chrome = keyword_chrome(features, words) | patterned
    body = rules.main_text(probs, words, chrome)
    if recurring:
        body &= np.array([n not in recurring for n in norms])

    vetoed(texts, features, words, body)
    pictured = images(texts, norms, body, chrome)
    pictured.update(related_links(texts, body, chrome))
    regions.comments_cut(norms, kinds, body)
    regions.sources_cut(norms, body)
    regions.wire_leads(texts, words, body)
    regions.legal_footer(texts, body)
    regions.list_gaps(texts, probs, words, body, chrome, features)
    rules.islands(texts, words, body)
    budget.check("body regions")
    fixed: dict[int, ChromeLabel] = dict(captions(kinds, words, body))
    fixed.update(pictured)
    fixed.update(rules.repeats(texts, norms, body))
    heads = rules.headings(texts, words, body, chrome)
    top = rules.headline(texts, words, body, chrome)
    if top is not None:
        for j in [top, *rules.duplicates_of(norms, top)]:
            if not body[j]:
                fixed[j] = "headline"
    labels = label_chrome(features, words, body, kinds, fixed, top)

    blocks = tuple(
        Block(texts[j], "heading" if j in heads else "paragraph")
        for j in np.flatnonzero(body).tolist()
    )
    numbers = [lines[page.pos[j]][0] for j in labels]
    return CleanPage(
        headline=texts[top] if top is not None else None,
        body=blocks,
        captions=tuple(texts[j] for j, label in labels.items() if label == "caption"),
        chrome=tuple(map(ChromeLine, map(texts.__getitem__, labels), labels.values(), numbers)),
    )


def _check_lines(text: str, budget: Budget) -> None:
    """Reject a dump of more non-blank lines than the budget allows, counting cheaply."""
    if text.count("\n") < budget.max_lines:  # the common case: no need to look closer
        return
    count = sum(1 for _ in _NON_BLANK.finditer(text))
    budget.over("too_many_lines", "non-blank lines", count, budget.max_lines, "max_lines")

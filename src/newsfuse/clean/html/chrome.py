"""Block-level cleanup of extracted HTML bodies: page chrome the extractor let through."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfuse.models import Block, ChromeLabel, ChromeLine

# Chrome lines are short: a pattern only fires on blocks of at most this many words, so a real
# paragraph that happens to open with "Read more" or "Photo" is never dropped. Calibrated on
# half A of the extraction data (8 words: F1 0.971, 12: 0.972, 20: 0.972) and confirmed on
# half B (12: 0.962; 20 drops a body line, 0.961); see docs/bench/extraction_html.md.
MAX_CHROME_WORDS = 12

# Repeated paragraphs shorter than this many characters ("Advertisement", "Ad", "*") are handled
# by the patterns, not by deduplication: short repeats can be legitimate (a refrain in a quote).
MIN_REPEAT_CHARS = 40
# Only a repeat of one of the first blocks is dropped (a lead printed again after the photo):
# repeats further down are Q&A questions or recipe lines the article really repeats. Dropping
# every repeat cost 0.004 F1 on half A; 1 to 3 lead blocks score the same on both halves.
LEAD_BLOCKS = 3

# Data, not logic: (label, pattern) pairs matched against a whole short block, case-insensitive.
_CHROME_PATTERNS: tuple[tuple[ChromeLabel, str], ...] = (
    ("share", r"share (this|the) (article|story|page|post)\b.*|share( on| via)? \w+|share"),
    ("share", r"(like|enjoy(ed)?) this (story|article)\??.*\bshare\b.*|share (it|this) with .*"),
    ("share", r"(click|tap) (here )?to (share|print|email)\b.*"),
    ("share", r"copy (the )?link|print this (page|article)"),
    ("newsletter", r"(sign up|subscribe|register)\b.*\b(newsletters?|inbox|alerts?|updates)\b.*"),
    ("newsletter", r"(get|receive) (our|the) .*newsletter.*|.*newsletter sign[- ]?up.*"),
    ("related", r"(read|see|watch) (more|also|next)\b.*"),
    ("related", r"related( articles| stories| content| coverage)?:?"),
    ("related", r"(more|latest) (from|on|in) .{1,40}"),
    ("related", r"you (may|might) also (like|be interested in).*"),
    ("related", r"(recommended|most (read|popular|viewed)|trending)( (stories|articles|now))?:?"),
    ("advert", r"advertisement|advertising|sponsored( content)?|(story|article) continues below.*"),
    ("cookie", r".*\b(we|this (site|website)) uses? cookies\b.*"),
    # "(Graphic: ... here)" and "Video: ..." lines are often links to the story's own material
    ("credit", r"\(?(photo|image|picture)s?( credit)?\s*(:|by)\s*.+"),
    ("credit", r".{0,60}/\s*(getty images|afp|reuters|ap|shutterstock|epa|alamy)\)?\.?"),
    (
        "credit",
        r"(this )?(story|article|report|content) (was )?(provided|supplied|distributed)"
        r" by .{2,60}",
    ),
    ("reading_time", r"\d+\s*(min|mins|minutes?)( read)?"),
    ("footer", r"(©|\(c\)|copyright)\s.*|all rights reserved\.?"),
    ("navigation", r"(back to top|skip to (main )?content|(previous|next) (article|story|post))"),
    ("footer", r"(follow|like) (us|@\w+) on .*|(comments?|leave a (comment|reply))( \(\d+\))?:?"),
    ("footer", r"(have|got) a (news )?tip\?.*"),
    ("footer", r"(contact|reach) (the )?(author|reporter|writer) at .*"),
    ("dateline", r"(last )?(updated|published|posted)\b.{0,50}\d.{0,20}"),
)
_COMPILED = tuple((label, re.compile(rf"\s*(?:{pat})\s*", re.I)) for label, pat in _CHROME_PATTERNS)

# Trailing section starters: a block like this near the end opens a list of teasers that is not
# part of the article, so it and the short blocks after it go.
_TAIL_STARTER = re.compile(
    r"\s*(related|read more|more (stories|news|from \S.{0,40})|see also|you (may|might) also like|"
    r"recommended( for you)?|most (read|popular))\s*:?\s*",
    re.I,
)

_SPACE = re.compile(r"\s+")
_TRUNCATED = re.compile(r"(\.\.\.|…)\s*$")


def normalize(text: str) -> str:
    """Collapse whitespace and lower-case, for comparing blocks with each other."""
    return _SPACE.sub(" ", text).strip().casefold()


def classify(text: str) -> ChromeLabel | None:
    """Label a short block that is page chrome, or return ``None`` for body text.

    Args:
        text: the text of one block.

    Returns:
        The chrome label of the first matching pattern, or ``None``.
    """
    if len(text.split()) > MAX_CHROME_WORDS:
        return None
    for label, pattern in _COMPILED:
        if pattern.fullmatch(text):
            return label
    return None


#: Longest section label above a headline ("World", "Middle East", "Climate & Energy").
MAX_KICKER_WORDS = 4


def clean_blocks(
    blocks: Iterable[Block], headline: str | None, captions: Iterable[str]
) -> tuple[list[Block], list[ChromeLine]]:
    """Drop chrome, captions, the repeated headline and repeated paragraphs from a body.

    Args:
        blocks: body blocks as the extractor returned them, in page order.
        headline: the page headline, dropped when it opens the body.
        captions: figure captions of the page, dropped wherever they appear in the body.

    Returns:
        The kept blocks and the removed ones, each with its label.
    """
    caption_keys = {normalize(c) for c in captions if c.strip()}
    head_key = normalize(headline) if headline else None
    kept: list[Block] = []
    dropped: list[ChromeLine] = []
    lead: set[str] = set()
    blocks = list(blocks)
    # A kicker printed above the repeated headline ("Business") is a section label, not body.
    for i, block in enumerate(blocks[:4]):
        if (
            normalize(block.text) == head_key
            and i > 0
            and all(len(b.text.split()) <= MAX_KICKER_WORDS for b in blocks[:i])
        ):
            dropped = [ChromeLine(b.text, "section", -1) for b in blocks[:i]]
            blocks = blocks[i:]
            break
    for block in blocks:
        key = normalize(block.text)
        label = _label(block, key, head_key, caption_keys, lead, first=not kept)
        if label is None:
            kept.append(block)
            if len(kept) <= LEAD_BLOCKS:
                lead.add(key)
        else:
            dropped.append(ChromeLine(block.text, label, -1))
    kept, tail = _cut_tail(kept)
    return kept, dropped + tail


def _label(
    block: Block,
    key: str,
    head_key: str | None,
    caption_keys: set[str],
    lead: set[str],
    first: bool,
) -> ChromeLabel | None:
    if first and key == head_key:
        return "headline"
    if key in caption_keys:
        return "caption"
    if len(key) >= MIN_REPEAT_CHARS and key in lead:
        return "repeated_lead"
    if _is_teaser_repeat(key, lead):
        return "teaser_repeat"
    return classify(block.text)


def _is_teaser_repeat(key: str, lead: set[str]) -> bool:
    """A truncated block ("...") whose start repeats a lead paragraph."""
    if not _TRUNCATED.search(key):
        return False
    stem = _TRUNCATED.sub("", key).strip()
    return len(stem) >= MIN_REPEAT_CHARS and any(s.startswith(stem) for s in lead)


def _cut_tail(blocks: list[Block]) -> tuple[list[Block], list[ChromeLine]]:
    """Cut a trailing "Related"/"Read more" section made of short teaser blocks."""
    for i in range(len(blocks) - 1, max(len(blocks) - 12, 0) - 1, -1):
        if i == 0 or not _TAIL_STARTER.fullmatch(blocks[i].text):
            continue
        rest = blocks[i + 1 :]
        # teaser lists are headlines, not paragraphs: stop if a long block follows
        if all(len(b.text.split()) <= 2 * MAX_CHROME_WORDS for b in rest):
            cut = [ChromeLine(b.text, "related", -1) for b in blocks[i:]]
            return blocks[:i], cut
    return blocks, []

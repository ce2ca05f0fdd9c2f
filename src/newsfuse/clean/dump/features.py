"""Cheap per-line features of a page dump, computed a whole page at a time with numpy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.chars import CLASSES, SPACE, PageText, char_counts
from newsfuse.clean.dump.codepoints import char_table
from newsfuse.clean.dump.lexicon import LEXICON, keyword_counts
from newsfuse.clean.dump.lines import BULLET, Line, lines_containing, normalise_lines
from newsfuse.clean.dump.patterns import pattern_kinds

FloatArray = npt.NDArray[np.float64]

#: Feature names, in the column order of the matrix `line_features` returns.
FEATURES: tuple[str, ...] = (
    "log_words", "log_chars", "ends_sentence", "ends_ellipsis", "log_sentences", "bullet",
    "indent", "cap_ratio", "stop_ratio", "digit_ratio", "punct_ratio", "separators",
    "bracketed", "all_caps", "has_url", "cjk",
    "kw_cookie", "kw_newsletter", "kw_share", "kw_advert", "kw_related", "kw_footer",
    "kw_navigation", "kw_byline", "kw_dateline", "kw_credit", "credit_pattern", "marker",
    "rel_pos", "in_span", "span_dist", "density", "dup", "recurring", "block_size",
    "blank_before", "blank_after", "prev_words", "next_words", "prev_ends", "next_ends",
    "since_marker",
)  # fmt: skip

_SENTENCE_END = '.!?。！？:;"”’»)'
# The bullet symbols of `BULLET` (numbered items are its other kind).
_BULLET_SYMBOLS = "•◦▪▫■□☆★●○◆◇‣⁃*+·–—-"

# Lines add (words - _SPAN_WORDS), at least _SPAN_FLOOR, to the main-text span, so lines of
# fewer words pull it down. Set by out-of-fold F1 on the extraction pages: 8 or 12 words and
# floors of -4 or -10 scored within 0.003 of these.
_SPAN_WORDS = 10
_SPAN_FLOOR = -6


def _char_set(chars: str) -> npt.NDArray[np.bool_]:
    """A lookup table: True for the code points of ``chars``."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


# Built once, at import (~30 ms).
_ENDS_SENTENCE = _char_set(_SENTENCE_END)
_BULLET_SYMBOL = _char_set(_BULLET_SYMBOLS)
_MAYBE_BULLET = char_table(str.isdecimal) | _char_set("\uffff")  # confirmed by `BULLET`


def _bullets(texts: list[str], text: PageText) -> dict[int, int]:
    """The lines that open with a bullet (`BULLET`), and the length of that bullet and space.

    A bullet symbol and a space are read off the character codes; numbered items and lines
    opening beyond the BMP are left to the regex.
    """
    second = (CLASSES[text.at(1)] & SPACE) > 0
    symbol = _BULLET_SYMBOL[text.at(0)] & second & (text.chars >= 2)
    found = dict.fromkeys(np.flatnonzero(symbol).tolist(), 2)
    for j in np.flatnonzero(_MAYBE_BULLET[text.at(0)]).tolist():
        if match := BULLET.match(texts[j]):
            found[j] = match.end()
    return found


def _flags(values: Iterable[bool], n: int) -> FloatArray:
    return np.fromiter(values, dtype=bool, count=n).astype(np.float64)


@dataclass(frozen=True)
class PageLines:
    """The non-blank lines of a dump with what the cleaner computes about them once."""

    pos: list[int]  # index of each line in the `split_lines` output
    texts: list[str]
    norms: list[str]  # `normalise_line` of each
    words: FloatArray  # word counts (CJK: two characters to a word)
    kinds: list[str | None]  # chrome pattern kind (`clean.dump.patterns.pattern_kinds`)
    features: FloatArray  # one row per line, columns in `FEATURES` order


def read_lines(lines: list[Line], recurring: frozenset[str] = frozenset()) -> PageLines:
    """Features of the non-blank lines of a dump, computed a whole page at a time.

    Args:
        lines: Output of `newsfuse.clean.dump.lines.split_lines`.
        recurring: Normalised lines known to recur across a site's pages.
    """
    lex = LEXICON
    pos = [k for k, line in enumerate(lines) if line[1]]
    n = len(pos)
    if not n:
        return PageLines([], [], [], np.zeros(0), [], np.zeros((0, len(FEATURES))))
    picked = list(map(lines.__getitem__, pos))
    texts = list(map(itemgetter(1), picked))
    doc = "\n".join(texts)
    text = char_counts(doc)
    c, chars, last = text.counts, text.chars.astype(np.float64), text.at(-1)
    # A CJK run is a single \w+ token: count its characters, two to a word, instead.
    words = c["tokens"] - c["cjk_start"] + c["cjk"] // 2
    dots = (last == ord(".")) & (text.at(-2) == ord(".")) & (text.at(-3) == ord("."))
    ellipsis = ((dots & (chars >= 3)) | (last == ord("…"))).astype(np.float64)
    ends = _ENDS_SENTENCE[last] * (1 - ellipsis)
    bullets = _bullets(texts, text)
    norms = normalise_lines(texts, bullets)
    marker = _flags(map(lex.markers.__contains__, norms), n)
    stop, hits = keyword_counts(texts, lex)
    kinds, matched = pattern_kinds(texts, words, codes=text.codes, starts=text.starts)
    bullet = np.zeros(n)
    bullet[list(bullets)] = 1.0
    url = np.zeros(n)
    url[lines_containing(doc, text.starts, "http")] = 1.0
    url[lines_containing(doc, text.starts, "www.")] = 1.0
    own = [
        np.log1p(words),
        np.log1p(chars),
        ends,
        ellipsis,
        np.log1p(c["sentence"] + ends),
        bullet,
        _flags(map(itemgetter(2), picked), n),
        c["capitalised"] / np.maximum(c["alpha"], 1),
        stop,
        c["digit"] / chars,
        c["punct"] / chars,
        c["separator"],
        ((text.at(0) == ord("[")) | (last == ord("]"))).astype(np.float64),
        _flags(map(str.isupper, texts), n),
        url,
        (c["cjk"] > 0).astype(np.float64),
        *hits.T,
        matched["credit"].astype(np.float64),
        marker,
    ]
    context = _context(pos, words, ends, norms, marker, recurring)
    # Built column by column (one row of the stack per feature), used row by row.
    return PageLines(pos, texts, norms, words, kinds, np.stack(own + context).T)


def line_features(
    lines: list[Line], recurring: frozenset[str] = frozenset()
) -> tuple[list[int], FloatArray]:
    """Feature matrix of the non-blank lines of a dump, columns in ``FEATURES`` order.

    Args:
        lines: Output of `newsfuse.clean.dump.lines.split_lines`.
        recurring: Normalised lines known to recur across a site's pages.

    Returns:
        Positions (into ``lines``) of the non-blank lines, and one row per such line.
    """
    page = read_lines(lines, recurring)
    return page.pos, page.features


def _context(
    pos: list[int],
    words: FloatArray,
    ends: FloatArray,
    norms: list[str],
    marker: FloatArray,
    recurring: frozenset[str],
) -> list[FloatArray]:
    """Features of a line's place in the page: position, main span, neighbours, repeats."""
    n = len(pos)
    idx = np.arange(n)
    start, stop = _main_span(words)
    dist = np.where(idx < start, start - idx, np.where(idx > stop, idx - stop, 0))
    total = np.concatenate(([0.0], np.cumsum(words)))
    low, high = np.maximum(idx - 2, 0), np.minimum(idx + 3, n)
    density = (total[high] - total[low]) / (high - low)  # mean words of lines j-2..j+2
    seen = Counter(norms)  # every line's norm is in it: looked up in C
    copies = np.fromiter(map(seen.__getitem__, norms), dtype=np.intp, count=n)
    dup = (copies > 1).astype(np.float64)
    recurs = _flags(map(recurring.__contains__, norms), n) if recurring else np.zeros(n)
    gap = (np.diff(np.array(pos)) > 1).astype(np.float64)
    blank_before = np.concatenate(([1.0], gap))
    block = np.cumsum(blank_before).astype(np.int64)
    last_marker = np.maximum.accumulate(np.where(marker > 0, idx, -100))
    since = idx - np.concatenate(([-100], last_marker[:-1])) - 1
    return [
        idx / n,
        (dist == 0).astype(np.float64),
        np.log1p(dist),
        np.log1p(density),
        dup,
        recurs,
        np.log1p(np.bincount(block)[block]),
        blank_before,
        np.concatenate((gap, [1.0])),
        np.log1p(np.concatenate(([0.0], words[:-1]))),
        np.log1p(np.concatenate((words[1:], [0.0]))),
        np.concatenate(([0.0], ends[:-1])),
        np.concatenate((ends[1:], [0.0])),
        np.log1p(np.minimum(since, 30)),
    ]


def _main_span(words: FloatArray) -> tuple[int, int]:
    """Best-scoring contiguous run of lines (Kadane) where long lines score positive.

    Word counts are whole numbers, so prefix sums are exact: the best run ending at line j
    starts at the last lowest prefix sum up to j, and the span ends at the first line where
    that run peaks (as the running-sum loop finds it).
    """
    gain = np.maximum(words - _SPAN_WORDS, _SPAN_FLOOR)
    prefix = np.concatenate(([0.0], np.cumsum(gain)))
    low = np.minimum.accumulate(prefix[:-1])
    run = prefix[1:] - low
    end = int(np.argmax(run))
    if run[end] <= 0:
        return 0, -1
    return int(np.flatnonzero(prefix[: end + 1] == low[end])[-1]), end

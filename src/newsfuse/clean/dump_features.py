"""Cheap per-line features of a page dump, computed a whole page at a time with numpy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump_lexicon import LEXICON, keyword_counts, pattern_kinds
from newsfuse.clean.lines import BULLET, Line, normalise_lines

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

_SENTENCE_END = frozenset('.!?。！？:;"”’»)')
# Character class bits: word, digit, upper, alpha, space, CJK, separator, sentence end.
_W, _D, _U, _A, _S, _C, _P, _E = (1 << i for i in range(8))
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xF900, 0xFAFF))

# Lines add (words - _SPAN_WORDS), at least _SPAN_FLOOR, to the main-text span, so lines of
# fewer words pull it down. Set by out-of-fold F1 on the extraction pages: 8 or 12 words and
# floors of -4 or -10 scored within 0.003 of these.
_SPAN_WORDS = 10
_SPAN_FLOOR = -6


def _char_classes() -> npt.NDArray[np.uint8]:
    """Class bits of every Basic Multilingual Plane character (str methods mapped in C)."""
    chars = "".join(map(chr, range(0x10000)))

    def bits(test: Callable[[str], bool]) -> npt.NDArray[np.uint8]:
        return np.fromiter(map(test, chars), dtype=bool, count=len(chars)).astype(np.uint8)

    codes = np.arange(0x10000)
    cjk = np.zeros(0x10000, dtype=bool)
    for low, high in _CJK_RANGES:
        cjk |= (codes >= low) & (codes <= high)
    table = bits(str.isalnum) * _W | bits(str.isdigit) * _D | bits(str.isupper) * _U
    table |= bits(str.isalpha) * _A | bits(str.isspace) * _S | cjk.astype(np.uint8) * _C
    table[ord("_")] |= _W  # \w is alphanumeric or the underscore
    table |= bits("|»›>/".__contains__) * _P | bits(".!?。！？".__contains__) * _E
    return table.astype(np.uint8)


_CLASSES = _char_classes()  # built once, at import (~20 ms)


def _char_counts(doc: str) -> dict[str, FloatArray]:
    """Per-line counts of character classes and word starts of the newline-joined ``doc``."""
    raw = doc.encode("utf-32-le", "surrogatepass")
    codes = np.minimum(np.frombuffer(raw, dtype=np.uint32), 0xFFFF)
    bits = _CLASSES[codes]
    starts = np.concatenate(([0], np.flatnonzero(codes == 10) + 1))
    word = (bits & _W) > 0
    first = word.copy()
    first[1:] &= ~word[:-1]  # the first character of each \w+ token
    cjk = (bits & _C) > 0
    space_next = np.concatenate(((bits[1:] & _S) > 0, [True]))
    cols = {
        "tokens": first,
        "capitalised": first & ((bits & _U) > 0),
        "alpha": first & ((bits & _A) > 0),
        "digit": (bits & _D) > 0,
        "punct": (bits & (_W | _S)) == 0,
        "separator": (bits & _P) > 0,
        "sentence": ((bits & _E) > 0) & (space_next | cjk),
        "cjk": cjk,
        "cjk_start": first & cjk,
    }
    sums = np.add.reduceat(np.column_stack(list(cols.values())).astype(np.int32), starts, axis=0)
    return {name: sums[:, i].astype(np.float64) for i, name in enumerate(cols)}


def _flags(values: list[bool]) -> FloatArray:
    return np.array(values, dtype=np.float64)


@dataclass(frozen=True)
class PageLines:
    """The non-blank lines of a dump with what the cleaner computes about them once."""

    pos: list[int]  # index of each line in the `split_lines` output
    texts: list[str]
    norms: list[str]  # `normalise_line` of each
    words: FloatArray  # word counts (CJK: two characters to a word)
    kinds: list[str | None]  # chrome pattern kind (`dump_lexicon.pattern_kinds`)
    features: FloatArray  # one row per line, columns in `FEATURES` order


def read_lines(lines: list[Line], recurring: frozenset[str] = frozenset()) -> PageLines:
    """Features of the non-blank lines of a dump, computed a whole page at a time.

    Args:
        lines: Output of `newsfuse.clean.lines.split_lines`.
        recurring: Normalised lines known to recur across a site's pages.
    """
    lex = LEXICON
    pos = [k for k, line in enumerate(lines) if line[1]]
    if not pos:
        return PageLines([], [], [], np.zeros(0), [], np.zeros((0, len(FEATURES))))
    texts = [lines[k][1] for k in pos]
    c = _char_counts("\n".join(texts))
    chars = np.fromiter(map(len, texts), dtype=np.float64, count=len(texts))
    # A CJK run is a single \w+ token: count its characters, two to a word, instead.
    words = c["tokens"] - c["cjk_start"] + c["cjk"] // 2
    ellipsis = _flags([t.endswith(("...", "…")) for t in texts])
    ends = _flags([t[-1] in _SENTENCE_END for t in texts]) * (1 - ellipsis)
    norms = normalise_lines(texts)
    marker = _flags([n in lex.markers for n in norms])
    stop, hits = keyword_counts(texts, lex)
    kinds, matched = pattern_kinds(texts, words, lex)
    own = [
        np.log1p(words),
        np.log1p(chars),
        ends,
        ellipsis,
        np.log1p(c["sentence"] + ends),
        _flags([bool(BULLET.match(t)) for t in texts]),
        _flags([lines[k][2] for k in pos]),
        c["capitalised"] / np.maximum(c["alpha"], 1),
        stop,
        c["digit"] / chars,
        c["punct"] / chars,
        c["separator"],
        _flags([t[0] == "[" or t[-1] == "]" for t in texts]),
        _flags([t.isupper() for t in texts]),
        _flags(["http" in t or "www." in t for t in texts]),
        (c["cjk"] > 0).astype(np.float64),
        *hits.T,
        matched["credit"].astype(np.float64),
        marker,
    ]
    context = _context(pos, words, ends, norms, marker, recurring)
    return PageLines(pos, texts, norms, words, kinds, np.column_stack(own + context))


def line_features(
    lines: list[Line], recurring: frozenset[str] = frozenset()
) -> tuple[list[int], FloatArray]:
    """Feature matrix of the non-blank lines of a dump, columns in ``FEATURES`` order.

    Args:
        lines: Output of `newsfuse.clean.lines.split_lines`.
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
    start, stop = _main_span(words.tolist())
    dist = np.where(idx < start, start - idx, np.where(idx > stop, idx - stop, 0))
    total = np.concatenate(([0.0], np.cumsum(words)))
    low, high = np.maximum(idx - 2, 0), np.minimum(idx + 3, n)
    density = (total[high] - total[low]) / (high - low)  # mean words of lines j-2..j+2
    seen = Counter(norms)
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
        _flags([seen[m] > 1 for m in norms]),
        _flags([m in recurring for m in norms]),
        np.log1p(np.bincount(block)[block]),
        blank_before,
        np.concatenate((gap, [1.0])),
        np.log1p(np.concatenate(([0.0], words[:-1]))),
        np.log1p(np.concatenate((words[1:], [0.0]))),
        np.concatenate(([0.0], ends[:-1])),
        np.concatenate((ends[1:], [0.0])),
        np.log1p(np.minimum(since, 30)),
    ]


def _main_span(words: list[float]) -> tuple[int, int]:
    """Best-scoring contiguous run of lines (Kadane) where long lines score positive."""
    best, best_span = 0.0, (0, -1)
    run, start = 0.0, 0
    for j, w in enumerate(words):
        if run <= 0:
            run, start = 0.0, j
        run += max(w - _SPAN_WORDS, _SPAN_FLOOR)
        if run > best:
            best, best_span = run, (start, j)
    return best_span

"""Lines of a plain-text page dump: splitting, re-joining wrapped lines, normalising."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.codepoints import digits_and_blanks, from_code_points

Line = tuple[int, str, bool]  # (0-based input line number, stripped text, indented)

WORD = re.compile(r"\w+")
_BULLETS = r"(?:[•◦▪▫■□☆★●○◆◇‣⁃*+·–—-]|\d{1,3}[.)])"
BULLET = re.compile(rf"^{_BULLETS}\s")
_LINK_REF = re.compile(r"\[\d{1,4}\]")
# Link markers dropped from running text leave a double space behind.
_SPACE_RUN = re.compile(" {2,}")
# Lynx and similar browsers list the link targets at the end of a dump, under "References"
# ("   12. https://...").
_REFERENCE = re.compile(r"\d{1,5}\. \S+|(?:visible|hidden) links:?", re.I)
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_STRIP = " \t.,;:!?|•-–—…\"'“”‘’()[]"
_HEAD = itemgetter(slice(None, 1))  # a line's first character (or "")

# Width and margin are read from the lines over _LONG_CHARS characters (running text).
_LONG_CHARS = 30
# Hard-wrapped dumps (text browsers that wrap at ~80 columns) are re-joined when at least
# this share of the long lines ends within _WRAP_SLACK columns before the wrap column and at
# most _WRAP_OVER runs past it (`_wrap_width`). Checked on the extraction dumps re-wrapped at
# 72 and 80 columns, and rendered in lynx style at 72 and 79 (`bench/render_dumps.py`): all
# but 2-4 of the 181 lynx-style dumps (CJK pages, few long lines) are found wrapped, within
# 2 columns of the width; no w3m or Chromium dump is.
_WRAP_SHARE = 0.3
_WRAP_SLACK = 20
_WRAP_OVER = 0.05
_WRAP_MAX = 200  # unwrapped dumps have long paragraph lines
# A run of over 30 non-space characters (a URL) cannot be wrapped.
_UNWRAPPABLE = re.compile(r"\S{31}")
# The text margin is at most _MARGIN_MAX columns. The commonest indentation of long
# non-bullet lines is 3 in the lynx-style dumps; in the w3m dumps it is 0, except 4 or 8 in
# 20 (text of nested lists) and 235 in one: counting those as margins cost 0.007 out-of-fold
# F1. In the Chromium dumps it is always 0.
_MARGIN_MAX = 3


def normalise_line(line: str) -> str:
    """Normalise a line for comparison across pages and within one.

    Lowercased, bullets and surrounding punctuation stripped, digits replaced by ``0`` (so
    "© 2023" and "© 2024" match) and whitespace collapsed.

    Args:
        line: One line of a dump.

    Returns:
        The comparison key; empty for a line with no word characters.
    """
    text = BULLET.sub("", line.strip()).lower()
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip(_STRIP)


def normalise_lines(texts: list[str], bullets: Mapping[int, int] | None = None) -> list[str]:
    """`normalise_line` of many stripped lines, computed on the code points of the whole page.

    Each run of digits becomes ``0`` and each run of whitespace one space (the regex
    substitutions of `normalise_line`), by keeping the first character of every run.

    Args:
        texts: Stripped lines without newlines (as `split_lines` gives them).
        bullets: For each line that opens with a bullet (`BULLET`), the length of the bullet
            and its space, when the caller knows them already; found here otherwise.

    Returns:
        One comparison key per line, equal to ``normalise_line(text)``.
    """
    if bullets is None:
        found = map(BULLET.match, texts)
        bullets = {j: match.end() for j, match in enumerate(found) if match}
    unbulleted = list(texts)
    for j, length in bullets.items():
        unbulleted[j] = texts[j][length:]
    doc = "\n".join(unbulleted)
    codes = digits_and_blanks(doc)
    repeat = (codes[1:] == codes[:-1]) & ((codes[1:] == ord("0")) | (codes[1:] == ord(" ")))
    doc = from_code_points(codes[np.append(True, ~repeat)])  # the first of each run
    return [line.strip(_STRIP) for line in doc.split("\n")]


def split_lines(text: str) -> list[Line]:
    """Split a dump into lines, re-joining hard-wrapped paragraphs.

    Blank lines are kept (as empty strings) because they separate paragraphs. Link reference
    numbers such as ``[12]`` are dropped when a page is full of them, after re-joining (the
    wrap column counts them).

    Args:
        text: The whole dump.

    Returns:
        One ``(number, stripped text, indented)`` triple per logical line; the number is that
        of its first physical line (0-based).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    refs = text.count("[") >= 5 and len(_LINK_REF.findall(text)) >= 5
    raw = text.split("\n")
    stripped = list(map(str.strip, raw))
    long = [line for line, text in zip(raw, stripped, strict=True) if len(text) > _LONG_CHARS]
    width = _wrap_width(long)
    margin = _margin(long)
    if width:
        out = _rejoin(raw, stripped, width, margin)
    elif margin:
        out = [(i, stripped[i], line[margin : margin + 1].isspace()) for i, line in enumerate(raw)]
    else:  # mapped in C: most dumps are neither hard-wrapped nor indented
        indented = map(str.isspace, map(_HEAD, raw))
        out = list(zip(range(len(raw)), stripped, indented, strict=True))
    if refs:
        out = [(i, _SPACE_RUN.sub(" ", _LINK_REF.sub("", t)).strip(), ind) for i, t, ind in out]
        _drop_references(out)
    return out


def _drop_references(lines: list[Line]) -> None:
    """Blank a trailing list of link targets ("References", then numbered URLs) in place."""
    k = len(lines) - 1
    while k >= 0 and (not lines[k][1] or _REFERENCE.fullmatch(lines[k][1])):
        k -= 1
    if k >= 0 and k < len(lines) - 1 and lines[k][1] == "References":
        lines[k:] = [(i, "", ind) for i, _, ind in lines[k:]]


def _margin(long: list[str]) -> int:
    """The left margin of running text: the commonest indentation of long non-list lines.

    A line is indented when it starts right of this margin: lynx indents all text by 3
    columns and its list items further, w3m and Chromium print text at column 0. A deeper
    common indentation is not a margin but nesting (w3m prints the text of list items and
    table cells 4 or 8 columns in), where being indented tells a list from running text.
    """
    leads = Counter(
        len(line) - len(stripped) for line in long if not BULLET.match(stripped := line.lstrip())
    )
    margin = leads.most_common(1)[0][0] if leads else 0
    return margin if margin <= _MARGIN_MAX else 0


def _rejoin(raw: list[str], stripped: list[str], width: int, margin: int) -> list[Line]:
    """Join each physical line to the previous one when that one was broken at ``width``."""
    out: list[Line] = []
    joining = False
    for i, line in enumerate(raw):
        current = stripped[i]
        if joining and current and not BULLET.match(current):
            out[-1] = (out[-1][0], out[-1][1] + " " + current, out[-1][2])
        else:
            out.append((i, current, line[margin : margin + 1].isspace()))
        nxt = stripped[i + 1] if i + 1 < len(raw) else ""
        first = nxt.split(" ", 1)[0] if nxt else ""
        joining = bool(current and len(line.rstrip()) + 1 + len(first) > width)
    return out


def _wrap_width(long: list[str]) -> int:
    """The column a browser wrapped at, or 0 when lines were not hard-wrapped.

    The width is the smallest line length W such that at least `_WRAP_SHARE` of the
    wrappable lines end within `_WRAP_SLACK` columns before W and at most `_WRAP_OVER` run
    past it. Lines that cannot be wrapped (a URL or another token of over 30 characters,
    such as lynx's reference list) do not count: they run past any width.
    """
    if len(long) < 10:
        return 0
    over = 0  # first the common case, cheaply: many wrappable lines too long for any width
    for line in long:
        if len(line.rstrip()) > _WRAP_MAX and not _UNWRAPPABLE.search(line):
            over += 1
            if over > _WRAP_OVER * len(long):
                return 0
    lengths = sorted(len(line.rstrip()) for line in long if not _UNWRAPPABLE.search(line))
    n = len(lengths)
    if n < 10:
        return 0
    for width in sorted(set(lengths)):
        if width > _WRAP_MAX:
            break
        over = n - bisect.bisect_right(lengths, width)
        if over > _WRAP_OVER * n:
            continue
        near = n - over - bisect.bisect_left(lengths, width - _WRAP_SLACK)
        return width if near >= _WRAP_SHARE * n else 0
    return 0


def lines_containing(doc: str, starts: npt.NDArray[np.intp], needle: str) -> npt.NDArray[np.intp]:
    """Indices of the lines of the newline-joined ``doc`` that contain ``needle``."""
    found = []
    at = doc.find(needle)
    while at >= 0:
        found.append(at)
        at = doc.find(needle, at + 1)
    rows: npt.NDArray[np.intp] = np.searchsorted(starts, found, side="right") - 1
    return rows

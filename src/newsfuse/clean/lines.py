"""Lines of a plain-text page dump: splitting and normalising."""

from __future__ import annotations

import re

Line = tuple[int, str, bool]  # (0-based input line number, stripped text, indented)

WORD = re.compile(r"\w+")
_BULLETS = r"(?:[•◦▪▫■□☆★●○◆◇‣⁃*+·–—-]|\d{1,3}[.)])"
BULLET = re.compile(rf"^{_BULLETS}\s")
# The same bullet at the start of every line of a newline-joined page (`normalise_lines`).
_BULLET_LINES = re.compile(rf"^{_BULLETS}[^\S\n]", re.M)
_LINK_REF = re.compile(r"\[\d{1,4}\]")
_SPACES = re.compile(r"\s+")
# Whitespace other than the plain space and the newline, as one character class: a class or
# a literal opening a pattern lets the regex engine skip ahead, where "[^\S\n]+" tests every
# character. Mapping these to spaces, then runs of spaces to one, equals "[^\S\n]+" -> " ".
# (U+3000 is the highest whitespace code point.)
_ODD_SPACE = re.compile(
    "[" + "".join(re.escape(c) for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
    + "]"
)  # fmt: skip
_SPACE_RUN = re.compile(" {2,}")
_DIGITS = re.compile(r"\d+")
_STRIP = " \t.,;:!?|•-–—…\"'“”‘’()[]"

# Hard-wrapped dumps (text browsers that wrap at ~80 columns) are re-joined when at least
# this share of the lines over 30 characters ends within _WRAP_SLACK columns of the widest
# one; checked on the extraction dumps re-wrapped at 72 and 80 columns.
_WRAP_SHARE = 0.3
_WRAP_SLACK = 20


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


def normalise_lines(texts: list[str]) -> list[str]:
    """`normalise_line` of many stripped lines, each regex run once over the joined page.

    Args:
        texts: Stripped lines without newlines (as `split_lines` gives them).

    Returns:
        One comparison key per line, equal to ``normalise_line(text)``.
    """
    doc = _BULLET_LINES.sub("", "\n".join(texts)).lower()
    doc = _SPACE_RUN.sub(" ", _ODD_SPACE.sub(" ", _DIGITS.sub("0", doc)))
    return [line.strip(_STRIP) for line in doc.split("\n")]


def split_lines(text: str) -> list[Line]:
    """Split a dump into lines, re-joining hard-wrapped paragraphs.

    Blank lines are kept (as empty strings) because they separate paragraphs. Link reference
    numbers such as ``[12]`` are dropped when a page is full of them.

    Args:
        text: The whole dump.

    Returns:
        One ``(number, stripped text, indented)`` triple per logical line; the number is that
        of its first physical line (0-based).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    if len(_LINK_REF.findall(text)) >= 5:
        text = _LINK_REF.sub("", text)
    raw = text.split("\n")
    width = _wrap_width(raw)
    if not width:
        return [(i, line.strip(), line[:1].isspace()) for i, line in enumerate(raw)]
    out: list[Line] = []
    joining = False
    for i, line in enumerate(raw):
        stripped = line.strip()
        if joining and stripped and not BULLET.match(stripped):
            out[-1] = (out[-1][0], out[-1][1] + " " + stripped, out[-1][2])
        else:
            out.append((i, stripped, line[:1].isspace()))
        nxt = raw[i + 1].strip() if i + 1 < len(raw) else ""
        first = nxt.split(" ", 1)[0] if nxt else ""
        joining = bool(stripped and len(line.rstrip()) + 1 + len(first) > width)
    return out


def _wrap_width(raw: list[str]) -> int:
    """The column a browser wrapped at, or 0 when lines were not hard-wrapped."""
    lengths = [len(line.rstrip()) for line in raw if len(line.strip()) > 30]
    if len(lengths) < 10:
        return 0
    widest = max(lengths)
    if widest > 200:  # unwrapped dumps have long paragraph lines
        return 0
    near = sum(1 for n in lengths if n >= widest - _WRAP_SLACK)
    return widest if near >= _WRAP_SHARE * len(lengths) else 0

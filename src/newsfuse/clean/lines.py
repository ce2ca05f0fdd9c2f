"""Lines of a plain-text page dump: splitting, normalising, and reading them as code points."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

Line = tuple[int, str, bool]  # (0-based input line number, stripped text, indented)
Codes = npt.NDArray[np.uint32]
AnyArray = npt.NDArray[Any]

WORD = re.compile(r"\w+")
_BULLETS = r"(?:[•◦▪▫■□☆★●○◆◇‣⁃*+·–—-]|\d{1,3}[.)])"
BULLET = re.compile(rf"^{_BULLETS}\s")
_LINK_REF = re.compile(r"\[\d{1,4}\]")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_STRIP = " \t.,;:!?|•-–—…\"'“”‘’()[]"
_HEAD = itemgetter(slice(None, 1))  # a line's first character (or "")

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
    codes = recoded(doc, _NORMALISED)
    if codes is None:  # the rare page the table cannot do: character by character
        lowered = code_points(doc.lower())
        codes = _normalised(lowered, char_kinds(lowered, _NORM_KINDS, _norm_kind))
    repeat = (codes[1:] == codes[:-1]) & ((codes[1:] == ord("0")) | (codes[1:] == ord(" ")))
    doc = from_code_points(codes[np.append(True, ~repeat)])  # the first of each run
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
    if text.count("[") >= 5 and len(_LINK_REF.findall(text)) >= 5:
        text = _LINK_REF.sub("", text)
    raw = text.split("\n")
    stripped = list(map(str.strip, raw))
    width = _wrap_width(raw, stripped)
    if not width:  # mapped in C: most dumps are not hard-wrapped
        indented = map(str.isspace, map(_HEAD, raw))
        return list(zip(range(len(raw)), stripped, indented, strict=True))
    out: list[Line] = []
    joining = False
    for i, line in enumerate(raw):
        current = stripped[i]
        if joining and current and not BULLET.match(current):
            out[-1] = (out[-1][0], out[-1][1] + " " + current, out[-1][2])
        else:
            out.append((i, current, line[:1].isspace()))
        nxt = stripped[i + 1] if i + 1 < len(raw) else ""
        first = nxt.split(" ", 1)[0] if nxt else ""
        joining = bool(current and len(line.rstrip()) + 1 + len(first) > width)
    return out


def _wrap_width(raw: list[str], stripped: list[str]) -> int:
    """The column a browser wrapped at, or 0 when lines were not hard-wrapped."""
    pairs = zip(raw, stripped, strict=True)
    lengths = [len(line.rstrip()) for line, text in pairs if len(text) > 30]
    if len(lengths) < 10:
        return 0
    widest = max(lengths)
    if widest > 200:  # unwrapped dumps have long paragraph lines
        return 0
    near = sum(1 for n in lengths if n >= widest - _WRAP_SLACK)
    return widest if near >= _WRAP_SHARE * len(lengths) else 0


def lines_containing(doc: str, starts: npt.NDArray[np.intp], needle: str) -> npt.NDArray[np.intp]:
    """Indices of the lines of the newline-joined ``doc`` that contain ``needle``."""
    found = []
    at = doc.find(needle)
    while at >= 0:
        found.append(at)
        at = doc.find(needle, at + 1)
    rows: npt.NDArray[np.intp] = np.searchsorted(starts, found, side="right") - 1
    return rows


def char_table(test: Callable[[str], int], dtype: type[np.generic] = np.bool_) -> AnyArray:
    """``test`` of every character of the Basic Multilingual Plane, indexed by code point.

    The str method or function is mapped in C over all 65,536 characters (a few ms).
    """
    return np.fromiter(map(test, map(chr, range(0x10000))), dtype=dtype, count=0x10000)


def code_points(text: str) -> Codes:
    """The code points of ``text`` (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def from_code_points(codes: Codes) -> str:
    """The string of ``codes``, the inverse of `code_points`."""
    return codes.astype(np.uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def char_kinds(codes: Codes, table: AnyArray, test: Callable[[str], int]) -> AnyArray:
    """``table`` (see `char_table`) looked up for each code; beyond the BMP, ``test`` itself.

    The table answers for the Basic Multilingual Plane; the few characters beyond it
    (emoji, historic scripts, mathematical letters) are tested one by one.
    """
    kinds = table.take(np.minimum(codes, 0xFFFF))
    beyond = np.flatnonzero(codes > 0xFFFF)
    if len(beyond):
        kinds[beyond] = [test(chr(c)) for c in codes[beyond].tolist()]
    return kinds


#: In a `lowered_table`: no answer for this character (see `recoded`).
NO_CODE = 0xFFFFFFFF


def _lower_table() -> Codes:
    """The lowercase of each BMP character where ``str.lower`` maps it on its own.

    ``str.lower`` maps each character by itself except a capital sigma (final or not by its
    neighbours); characters whose lowercase is longer (U+0130) have no answer either, nor
    U+FFFF, which `recoded` reads for everything beyond the Basic Multilingual Plane.
    """
    lowered = list(map(str.lower, map(chr, range(0x10000))))
    sizes = np.fromiter(map(len, lowered), dtype=np.intp, count=0x10000)
    table: Codes = code_points("".join(lowered))[np.cumsum(sizes) - sizes]
    table[sizes != 1] = NO_CODE
    table[[0x3A3, 0xFFFF]] = NO_CODE
    return table


_LOWER = _lower_table()  # built once, at import (~10 ms)


def lowered_table(recode: Callable[[Codes], Codes]) -> Codes:
    """A `recoded` table: ``recode`` of the lowercase of each BMP character.

    Args:
        recode: Maps an array of lowercase code points to the codes wanted for them.
    """
    table = _LOWER.copy()
    known = table != NO_CODE
    table[known] = recode(table[known])
    return table


def recoded(text: str, table: Codes) -> Codes | None:
    """``table`` (see `lowered_table`) looked up for each character of ``text``.

    Returns:
        The codes, or None when the table has no answer for some character: the caller
        then lowers the text with ``str.lower`` and goes character by character.
    """
    codes = table.take(np.minimum(code_points(text), 0xFFFF))
    return None if (codes == NO_CODE).any() else codes


# Character kinds that `normalise_lines` collapses: decimal digits (regex \d) and whitespace
# other than the newline (what "[^\S\n]" matches).
_DIGIT, _BLANK = 1, 2


def _norm_kinds() -> npt.NDArray[np.uint8]:
    table = char_table(str.isdecimal).astype(np.uint8) * _DIGIT
    table |= char_table(str.isspace).astype(np.uint8) * _BLANK
    table[ord("\n")] = 0
    return table


def _norm_kind(char: str) -> int:
    return _DIGIT if char.isdecimal() else _BLANK if char.isspace() and char != "\n" else 0


def _normalised(codes: Codes, kinds: npt.NDArray[np.uint8]) -> Codes:
    """Digits as "0" and whitespace other than the newline as " "."""
    return np.where(kinds == _DIGIT, ord("0"), np.where(kinds == _BLANK, ord(" "), codes))


# Built once, at import.
_NORM_KINDS = _norm_kinds()
_NORMALISED = lowered_table(lambda low: _normalised(low, _NORM_KINDS.take(low)))

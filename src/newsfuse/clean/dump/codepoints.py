"""Read a page as an array of code points, through per-character tables built at import."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

Codes = npt.NDArray[np.uint32]
AnyArray = npt.NDArray[Any]


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


# Character kinds that `digits_and_blanks` marks: decimal digits (regex \d) and whitespace other
# than the newline (what "[^\S\n]" matches).
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


def digits_and_blanks(text: str) -> Codes:
    """The lowercase code points of ``text``, decimal digits as "0" and whitespace other than
    the newline as " " (what normalising a line collapses, read off a whole page at once)."""
    codes = recoded(text, _NORMALISED)
    if codes is None:  # the rare page the table cannot do: character by character
        lowered = code_points(text.lower())
        codes = _normalised(lowered, char_kinds(lowered, _NORM_KINDS, _norm_kind))
    return codes

"""The characters of a page dump's lines: class bits of every character, counts per line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.codepoints import char_table, code_points

FloatArray = npt.NDArray[np.float64]

# Character class bits: word, digit, upper, alpha, space, CJK, separator, sentence end.
_W, _D, _U, _A, _S, _C, _P, _E = (1 << i for i in range(8))
SPACE = _S
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xF900, 0xFAFF))
# Lines are counted in chunks of about this many characters (whole lines, at least one): the
# counts take ~25 bytes a character while they are made, so a chunk holds ~25 MB whatever
# the size of the page. Each line's counts depend on its own characters only, so they are
# those of one pass over the page.
CHUNK_CHARS = 1 << 20


def _bits(test: Callable[[str], bool]) -> npt.NDArray[np.uint8]:
    return char_table(test).astype(np.uint8)


def _char_classes() -> npt.NDArray[np.uint8]:
    """Class bits of every Basic Multilingual Plane character."""
    codes = np.arange(0x10000)
    cjk = np.zeros(0x10000, dtype=bool)
    for low, high in _CJK_RANGES:
        cjk |= (codes >= low) & (codes <= high)
    table = _bits(str.isalnum) * _W | _bits(str.isdigit) * _D | _bits(str.isupper) * _U
    table |= _bits(str.isalpha) * _A | _bits(str.isspace) * _S | cjk.astype(np.uint8) * _C
    table[ord("_")] |= _W  # \w is alphanumeric or the underscore
    table |= _bits("|»›>/".__contains__) * _P | _bits(".!?。！？".__contains__) * _E
    return table.astype(np.uint8)


# Built once, at import.
CLASSES = _char_classes()
_COUNTED = (
    "tokens", "capitalised", "alpha", "digit", "punct", "separator", "sentence", "cjk",
    "cjk_start",
)  # fmt: skip


@dataclass(frozen=True)
class PageText:
    """The characters of the newline-joined non-blank lines of a page, and per-line counts."""

    codes: npt.NDArray[np.uint32]  # code points, those beyond the BMP as U+FFFF
    starts: npt.NDArray[np.intp]  # offset of each line
    chars: npt.NDArray[np.intp]  # line lengths (never 0)
    counts: dict[str, FloatArray]  # character classes and word starts, per line

    def at(self, offset: int) -> npt.NDArray[np.uint32]:
        """Code of each line's character at ``offset`` (from the end when negative).

        Where a line is too short for ``offset`` the code is that of a neighbouring
        character; callers check the line length.
        """
        index = self.starts + (offset if offset >= 0 else self.chars + offset)
        return self.codes.take(index, mode="clip")


def char_counts(doc: str) -> PageText:
    """Per-line counts of character classes and word starts of the newline-joined ``doc``.

    Characters beyond the Basic Multilingual Plane count as U+FFFF, which is in no class.
    """
    codes = np.minimum(code_points(doc), 0xFFFF)
    breaks = np.flatnonzero(codes == 10)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.append(breaks + 1, len(codes))  # each line with its newline
    sums, line = [], 0
    while line < len(starts):
        low = int(starts[line])
        upto = int(np.searchsorted(starts, low + CHUNK_CHARS, side="right"))
        upto = max(upto, line + 1)
        sums.append(_line_sums(codes[low : int(ends[upto - 1])], starts[line:upto] - low))
        line = upto
    counts = np.concatenate(sums, axis=1)
    return PageText(
        codes=codes,
        starts=starts,
        chars=np.append(breaks, len(codes)) - starts,
        counts={name: row.astype(np.float64) for name, row in zip(_COUNTED, counts, strict=True)},
    )


def _line_sums(
    codes: npt.NDArray[np.uint32], starts: npt.NDArray[np.intp]
) -> npt.NDArray[np.int32]:
    """The `_COUNTED` rows of whole lines (``codes`` opens with a line and ends with one)."""
    bits = CLASSES.take(codes)
    word = (bits & _W) > 0
    first = word.copy()
    first[1:] &= ~word[:-1]  # the first character of each \w+ token
    cjk = (bits & _C) > 0
    space_next = np.append((bits[1:] & _S) > 0, True)
    cols = (
        first,
        first & ((bits & _U) > 0),
        first & ((bits & _A) > 0),
        (bits & _D) > 0,
        (bits & (_W | _S)) == 0,
        (bits & _P) > 0,
        ((bits & _E) > 0) & (space_next | cjk),
        cjk,
        first & cjk,
    )
    # One row per class, characters along the contiguous axis: one reduceat sums them all.
    rows = np.stack(cols).view(np.uint8)
    sums: npt.NDArray[np.int32] = np.add.reduceat(rows, starts, axis=1, dtype=np.int32)
    return sums

"""Lines of a plain-text page dump: splitting, normalising, and the chrome word lists."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

Line = tuple[int, str, bool]  # (0-based input line number, stripped text, indented)

WORD = re.compile(r"\w+")
BULLET = re.compile(r"^(?:[•◦▪▫■□☆★●○◆◇‣⁃*+·–—-]|\d{1,3}[.)])\s")
_LINK_REF = re.compile(r"\[\d{1,4}\]")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")

# Hard-wrapped dumps (text browsers that wrap at ~80 columns) are re-joined when at least
# this share of the lines over 30 characters ends within _WRAP_SLACK columns of the widest
# one; checked on the extraction dumps re-wrapped at 72 and 80 columns.
_WRAP_SHARE = 0.3
_WRAP_SLACK = 20


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/chrome_words.json``, ready for per-token lookups."""

    stopwords: frozenset[str]
    categories: tuple[str, ...]
    words: dict[str, tuple[int, ...]]  # one-token entry -> categories it signals
    phrases: dict[str, tuple[tuple[tuple[str, ...], int], ...]]  # by first token
    symbols: tuple[tuple[str, int], ...]  # entries without word characters, such as "©"
    markers: frozenset[str]  # normalised lines that open a related or comments block
    patterns: dict[str, re.Pattern[str]]  # kind ("credit", "byline", ...) -> alternation


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the chrome word lists shipped with the package (read once)."""
    raw = json.loads(resources.files("newsfuse").joinpath("data/chrome_words.json").read_text())
    cats: dict[str, list[str]] = raw["categories"]
    words: dict[str, list[int]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    symbols: list[tuple[str, int]] = []
    for cat, entries in enumerate(cats.values()):
        for entry in entries:
            tokens = tuple(WORD.findall(entry.lower()))
            if not tokens:
                symbols.append((entry, cat))
            elif len(tokens) == 1:
                words.setdefault(tokens[0], []).append(cat)
            else:
                phrases.setdefault(tokens[0], []).append((tokens, cat))
    return Lexicon(
        stopwords=frozenset(raw["stopwords"]),
        categories=tuple(cats),
        words={w: tuple(c) for w, c in words.items()},
        phrases={w: tuple(p) for w, p in phrases.items()},
        symbols=tuple(symbols),
        markers=frozenset(raw["markers"]["related"]),
        # Multiline, so that one pattern can also scan many newline-joined lines at once.
        patterns={
            kind: re.compile("|".join(f"(?:{p})" for p in alternatives), re.M)
            for kind, alternatives in raw["patterns"].items()
        },
    )


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
    return _SPACES.sub(" ", text).strip(" \t.,;:!?|•-–—…\"'“”‘’()[]")


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
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "").split("\n")
    if len(_LINK_REF.findall(text)) >= 5:
        raw = [_LINK_REF.sub("", line) for line in raw]
    width = _wrap_width(raw)
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
        joining = bool(width and stripped and len(line.rstrip()) + 1 + len(first) > width)
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

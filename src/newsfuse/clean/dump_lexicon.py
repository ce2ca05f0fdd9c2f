"""The chrome word lists and patterns of page dumps, and their per-line hit counts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from itertools import chain, compress, repeat
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from newsfuse.clean.lines import (
    Codes,
    char_kinds,
    char_table,
    code_points,
    from_code_points,
    lowered_table,
    recoded,
)

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# Keyword and stopword counts read a line's first HEAD characters: the head of a line tells
# prose from chrome as well as the whole line does, and bounds the cost of long ones.
HEAD = 160
#: Pattern kinds, in the order they are tried (a later match wins in `pattern_kinds`).
KINDS = ("dateline", "credit", "byline", "reading_time")
# Chrome patterns (byline, date, reading time) describe short lines; a longer line that
# matches is prose quoting a date or a name. 12 words covers the longest bylines seen
# ("By Name and Name, Agency Staff Writers | Updated ..."); photo credits are looked for in
# captions of up to 60 words.
_PATTERN_WORDS = {"dateline": 12, "credit": 60, "byline": 12, "reading_time": 12}
_UNKNOWN, _NEWLINE = 0, 1
_HEAD = itemgetter(slice(None, HEAD))


def _is_word(char: str) -> bool:
    """Whether ``char`` is a regex word character (``\\w``)."""
    return char.isalnum() or char == "_"


def _token_chars(lowered: Codes, test: Callable[[str], bool] | None = None) -> Codes:
    """Word characters and newlines as they are, every other character as a space."""
    word = _WORD_CHARS.take(lowered) if test is None else char_kinds(lowered, _WORD_CHARS, test)
    return np.where(word | (lowered == ord("\n")), lowered, ord(" "))


# Built once, at import.
_WORD_CHARS = char_table(_is_word)
_TOKEN_CHARS = lowered_table(_token_chars)
# A pattern's lead: one character or class, then a lookbehind, as in "\d(?<!\w\d)".
_LEAD = re.compile(r"(?:\\[dw]|\[[^\]]+\]|\w)\(\?<![^)]*\)")


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/chrome_words.json``, compiled for whole-page lookups.

    Tokens map to ids (0 unknown; 1, the newline, is never a token); ``table[id]`` holds a
    token's stopword flag (column 0) and its one-word category hits (column 1 + category).
    """

    categories: tuple[str, ...]
    ids: dict[str, int]
    table: FloatArray  # (tokens, 1 + categories)
    keyword: BoolArray  # by id: a one-word entry of some category
    phrase_pairs: BoolArray  # by id pair (first * len(table) + second): opens an entry
    phrases: dict[str, tuple[tuple[tuple[str, ...], int], ...]]  # by first token
    symbols: tuple[tuple[str, int], ...]  # entries without word characters, such as "©"
    markers: frozenset[str]  # normalised lines that open a related or comments block
    patterns: dict[str, tuple[re.Pattern[str], ...]]  # kind ("credit", ...) -> alternatives


def _load() -> Lexicon:
    raw = json.loads(resources.files("newsfuse").joinpath("data/chrome_words.json").read_text())
    cats: dict[str, list[str]] = raw["categories"]
    ids: dict[str, int] = {"\n": _NEWLINE}
    rows: list[list[float]] = [[0.0] * (1 + len(cats)), [0.0] * (1 + len(cats))]
    phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    symbols: list[tuple[str, int]] = []

    def row(token: str) -> list[float]:
        if token not in ids:
            ids[token] = len(rows)
            rows.append([0.0] * (1 + len(cats)))
        return rows[ids[token]]

    for word in raw["stopwords"]:
        row(word)[0] = 1.0
    for cat, entries in enumerate(cats.values()):
        for entry in entries:
            tokens = tuple(re.findall(r"\w+", entry.lower()))
            if not tokens:
                symbols.append((entry, cat))
            elif len(tokens) == 1:
                row(tokens[0])[1 + cat] += 1.0
            else:
                for token in tokens:
                    row(token)
                phrases.setdefault(tokens[0], []).append((tokens, cat))
    pairs = np.zeros(len(rows) ** 2, dtype=bool)
    for opening in phrases.values():
        for phrase, _ in opening:
            pairs[ids[phrase[0]] * len(rows) + ids[phrase[1]]] = True
    return Lexicon(
        categories=tuple(cats),
        ids=ids,
        table=np.array(rows),
        keyword=np.array(rows)[:, 1:].any(axis=1).astype(bool),
        phrase_pairs=pairs,
        phrases={w: tuple(p) for w, p in phrases.items()},
        symbols=tuple(symbols),
        markers=frozenset(raw["markers"]["related"]),
        patterns={kind: _compile(alts) for kind, alts in raw["patterns"].items()},
    )


def _compile(alternatives: list[str]) -> tuple[re.Pattern[str], ...]:
    """Compile a kind's alternatives into few patterns that a fast scan can look for.

    Multiline, so that a pattern scans all newline-joined lines of a page at once. A pattern
    whose first element is a literal or a character class is searched for by a fast scan,
    while an alternation of such patterns, or one opening with ``^`` or ``\\b``, is tried at
    every position, several times slower. So alternatives sharing a lead such as
    ``\\d(?<!\\w\\d)`` (a digit that starts a word) become one pattern, the others stay
    apart, and those anchored with ``^`` share one alternation that opens with the newline
    before the line (`pattern_kinds` puts one before the first line; a match of it starts one
    character before its line). Like the leads, this takes each alternative as one sequence,
    with no ``|`` outside a group.
    """
    anchored: list[str] = []
    by_lead: dict[str, list[str]] = {}
    for alt in alternatives:
        if alt.startswith("^"):
            anchored.append(alt)
            continue
        lead = _LEAD.match(alt)
        key = lead.group(0) if lead else alt
        by_lead.setdefault(key, []).append(alt[len(key) :])
    found = [
        re.compile(lead + ("(?:" + "|".join(rests) + ")" if any(rests) else ""), re.M)
        for lead, rests in by_lead.items()
    ]
    if anchored:  # searched from the newline before each line: a literal lead
        found.append(re.compile("\n(?:" + "|".join(f"(?:{p})" for p in anchored) + ")", re.M))
    return tuple(found)


LEXICON = _load()  # read and compiled once, at import


def lexicon() -> Lexicon:
    """The chrome word lists shipped with the package."""
    return LEXICON


def opens_with_chrome(text: str, categories: frozenset[str], lex: Lexicon = LEXICON) -> bool:
    """Whether a line opens with a word or phrase of the given chrome categories.

    Navigation phrases count ("Sign in to ...", "Skip to ..."), and so does "Menu", but not
    one-word navigation entries such as "more" or "home" that also open headlines.
    """
    tokens = re.findall(r"\w+", text[:HEAD].lower())
    if not tokens:
        return False
    first = tokens[0]
    wanted = categories | {"navigation"}
    for phrase, cat in lex.phrases.get(first, ()):
        if lex.categories[cat] in wanted and tuple(tokens[: len(phrase)]) == phrase:
            return True
    row = lex.table[lex.ids.get(first, _UNKNOWN)]
    opens = {lex.categories[c] for c in np.flatnonzero(row[1:]).tolist()}
    return bool(opens & categories) or first == "menu"


def keyword_counts(texts: list[str], lex: Lexicon = LEXICON) -> tuple[FloatArray, FloatArray]:
    """Stopword share and chrome keyword hits (per category, capped at 3) of each line's head.

    The heads of all lines are tokenised together: every character that is not a word
    character (regex ``\\w``) or a newline becomes a space, so that splitting each line on
    spaces gives its ``\\w+`` tokens. Token ids index the lexicon table; per-line sums
    are counted by line number.

    Args:
        texts: The non-blank lines of a page.
        lex: The word lists.

    Returns:
        A vector of stopword shares and a (lines, categories) matrix of hits.
    """
    if not texts:
        return np.zeros(0), np.zeros((0, len(lex.categories)))
    heads = "\n".join(map(_HEAD, texts))
    codes = recoded(heads, _TOKEN_CHARS)
    if codes is None:  # the rare page the table cannot do: character by character
        codes = _token_chars(code_points(heads.lower()), _is_word)
    per_line = list(map(str.split, from_code_points(codes).split("\n")))
    counts = np.fromiter(map(len, per_line), dtype=np.intp, count=len(per_line))
    tokens = list(chain.from_iterable(per_line))
    ids = np.fromiter(map(lex.ids.get, tokens, repeat(_UNKNOWN)), dtype=np.intp, count=len(tokens))
    line_of = np.repeat(np.arange(len(texts)), counts)
    stops = np.bincount(line_of, weights=lex.table[:, 0].take(ids), minlength=len(texts))
    stop = stops / np.maximum(counts, 1)
    hits = np.zeros((len(texts), len(lex.categories)))
    keywords = np.flatnonzero(lex.keyword.take(ids))  # the few one-word chrome entries
    np.add.at(hits, line_of[keywords], lex.table[ids[keywords], 1:])
    # Multi-word entries start where a pair of tokens of one line does.
    pairs = ids[:-1] * len(lex.table) + ids[1:]
    for i in np.flatnonzero(lex.phrase_pairs[pairs] & (line_of[:-1] == line_of[1:])).tolist():
        for phrase, cat in lex.phrases[tokens[i]]:
            last = i + len(phrase) - 1
            within = last < len(tokens) and line_of[last] == line_of[i]
            if within and tuple(tokens[i : last + 1]) == phrase:
                hits[line_of[i], cat] += 1
    for symbol, cat in lex.symbols:
        hits[:, cat] += np.fromiter(map(str.__contains__, texts, repeat(symbol)), dtype=bool)
    return stop, np.minimum(hits, 3)


def pattern_kinds(
    texts: list[str], words: FloatArray, lex: Lexicon = LEXICON
) -> tuple[list[str | None], dict[str, BoolArray]]:
    """Which chrome patterns each short enough line matches.

    Each pattern scans all eligible lines at once (newline-joined, multiline mode), which
    costs far less than one search per line; a pattern describes one line and never
    matches a newline.

    Returns:
        The last kind of `KINDS` each line matches (or None), and per kind a flag per line.
    """
    kinds: list[str | None] = [None] * len(texts)
    found: dict[str, BoolArray] = {}
    chars = np.fromiter(map(len, texts), dtype=np.intp, count=len(texts))
    docs: dict[int, tuple[str, npt.NDArray[np.intp], npt.NDArray[np.intp]]] = {}
    for name in KINDS:
        limit = _PATTERN_WORDS[name]
        if limit not in docs:  # the lines of at most `limit` words, newline before each
            kept = words <= limit
            rows = np.flatnonzero(kept)
            starts = np.cumsum(chars[rows] + 1) - chars[rows]  # where each kept line starts
            docs[limit] = ("\n" + "\n".join(compress(texts, kept.tolist())), rows, starts)
        doc, rows, starts = docs[limit]
        hits = []
        for pattern in lex.patterns[name]:
            # Anchored alternatives match from the newline before their line.
            shift = pattern.pattern.startswith("\n")
            hits += [m.start() + shift for m in pattern.finditer(doc)]
        flags = np.zeros(len(texts), dtype=bool)
        if hits:
            lines = rows[np.searchsorted(starts, hits, side="right") - 1]
            flags[lines] = True
            for j in lines.tolist():
                kinds[j] = name
        found[name] = flags
    return kinds, found

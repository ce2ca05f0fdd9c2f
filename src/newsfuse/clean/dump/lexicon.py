"""The chrome word lists and patterns of page dumps, and their per-line hit counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.codepoints import (
    Codes,
    char_kinds,
    char_table,
    code_points,
    from_code_points,
    lowered_table,
    recoded,
)
from newsfuse.data import load_json

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# Keyword and stopword counts read a line's first HEAD characters: the head of a line tells
# prose from chrome as well as the whole line does, and bounds the cost of long ones.
HEAD = 160
_UNKNOWN, _NEWLINE = 0, 1
_HEAD = itemgetter(slice(None, HEAD))


def _is_word(char: str) -> bool:
    """Whether ``char`` is a regex word character (``\\w``)."""
    return char.isalnum() or char == "_"


def _token_chars(lowered: Codes, test: Callable[[str], bool] | None = None) -> Codes:
    """Word characters and newlines as they are, every other character as a space."""
    word = _WORD_CHARS.take(lowered) if test is None else char_kinds(lowered, _WORD_CHARS, test)
    return np.where(word | (lowered == ord("\n")), lowered, ord(" "))


def word_tokens(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, as ``re.findall`` gives them, read off its code points.

    Every character that is not a word character becomes a space (no word character is
    whitespace), then one ``str.split`` gives the runs of word characters; on a long text
    this is about twice as fast as the regex.
    """
    codes = code_points(text)
    word = char_kinds(codes, _WORD_CHARS, _is_word)
    return from_code_points(np.where(word, codes, ord(" "))).split()


# Built once, at import.
_WORD_CHARS = char_table(_is_word)
_TOKEN_CHARS = lowered_table(_token_chars)


@dataclass(frozen=True)
class ChromeLexicon:
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


def _load() -> ChromeLexicon:
    raw = load_json("chrome_words.json")
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
    return ChromeLexicon(
        categories=tuple(cats),
        ids=ids,
        table=np.array(rows),
        keyword=np.array(rows)[:, 1:].any(axis=1).astype(bool),
        phrase_pairs=pairs,
        phrases={w: tuple(p) for w, p in phrases.items()},
        symbols=tuple(symbols),
        markers=frozenset(raw["markers"]["related"]),
    )


LEXICON = _load()  # read and compiled once, at import


def lexicon() -> ChromeLexicon:
    """The chrome word lists shipped with the package."""
    return LEXICON


def opens_with_chrome(text: str, categories: frozenset[str], lex: ChromeLexicon = LEXICON) -> bool:
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


def keyword_counts(texts: list[str], lex: ChromeLexicon = LEXICON) -> tuple[FloatArray, FloatArray]:
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
    # One split of the page gives the tokens, in order (the newline is whitespace too); a
    # token starts at a character other than a space or newline that follows one of them.
    tokens = from_code_points(codes).split()
    gap = (codes == ord(" ")) | (codes == ord("\n"))
    starts = np.flatnonzero(~gap & np.append(True, gap[:-1]))
    line_of = np.cumsum(codes == ord("\n")).take(starts)
    counts = np.bincount(line_of, minlength=len(texts))
    ids = np.fromiter(map(lex.ids.get, tokens, repeat(_UNKNOWN)), dtype=np.intp, count=len(tokens))
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

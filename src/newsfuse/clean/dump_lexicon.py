"""The chrome word lists and patterns of page dumps, and their per-line hit counts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from itertools import repeat

import numpy as np
import numpy.typing as npt

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
_TOKENS = re.compile(r"\w+|\n")
_UNKNOWN, _NEWLINE = 0, 1
# A pattern's lead: one character or class, then a lookbehind, as in "\d(?<!\w\d)".
_LEAD = re.compile(r"(?:\\[dw]|\[[^\]]+\]|\w)\(\?<![^)]*\)")


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/chrome_words.json``, compiled for whole-page lookups.

    Tokens map to ids (0 unknown, 1 end of line); ``table[id]`` holds a token's stopword
    flag (column 0) and its one-word category hits (column 1 + category).
    """

    categories: tuple[str, ...]
    ids: dict[str, int]
    table: FloatArray  # (tokens, 1 + categories)
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
    apart, and those anchored with ``^`` share one alternation.
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
    if anchored:
        found.append(re.compile("|".join(f"(?:{p})" for p in anchored), re.M))
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

    The heads of all lines are tokenised in one regex pass, with a token for each line end;
    token ids index the lexicon table and per-line sums come from one ``reduceat``.

    Args:
        texts: The non-blank lines of a page.
        lex: The word lists.

    Returns:
        A vector of stopword shares and a (lines, categories) matrix of hits.
    """
    if not texts:
        return np.zeros(0), np.zeros((0, len(lex.categories)))
    tokens = _TOKENS.findall("\n".join([t[:HEAD] for t in texts]).lower() + "\n")
    ids = np.fromiter(map(lex.ids.get, tokens, repeat(_UNKNOWN)), dtype=np.intp, count=len(tokens))
    ends = np.flatnonzero(ids == _NEWLINE)
    starts = np.concatenate(([0], ends[:-1] + 1))
    sums = np.add.reduceat(lex.table[ids], starts, axis=0)
    counts = np.diff(np.concatenate(([-1], ends))) - 1  # tokens per line
    stop = sums[:, 0] / np.maximum(counts, 1)
    hits = sums[:, 1:]
    line_of = np.cumsum(ids == _NEWLINE)
    pairs = ids[:-1] * len(lex.table) + ids[1:]  # multi-word entries start where a pair does
    for i in np.flatnonzero(lex.phrase_pairs[pairs]).tolist():
        for phrase, cat in lex.phrases[tokens[i]]:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                hits[line_of[i], cat] += 1
    for symbol, cat in lex.symbols:
        for j, text in enumerate(texts):
            if symbol in text:
                hits[j, cat] += 1
    return stop, np.minimum(hits, 3)


def pattern_kinds(
    texts: list[str], words: FloatArray, lex: Lexicon = LEXICON
) -> tuple[list[str | None], dict[str, BoolArray]]:
    """Which chrome patterns each short enough line matches.

    Each pattern scans all eligible lines at once (newline-joined, multiline mode), which
    costs far less than one search per line.

    Returns:
        The last kind of `KINDS` each line matches (or None), and per kind a flag per line.
    """
    kinds: list[str | None] = [None] * len(texts)
    found: dict[str, BoolArray] = {}
    counts = words.tolist()
    docs: dict[int, tuple[str, npt.NDArray[np.int64]]] = {}
    for name in KINDS:
        limit = _PATTERN_WORDS[name]
        if limit not in docs:  # the lines of at most `limit` words, the others blanked
            kept = [t if w <= limit else "" for t, w in zip(texts, counts, strict=True)]
            docs[limit] = ("\n".join(kept), np.cumsum([0] + [len(t) + 1 for t in kept]))
        doc, starts = docs[limit]
        hits = [m.start() for p in lex.patterns[name] for m in p.finditer(doc)]
        flags = np.zeros(len(texts), dtype=bool)
        if hits:
            rows = np.searchsorted(starts, hits, side="right") - 1
            flags[rows] = True
            for j in rows.tolist():
                kinds[j] = name
        found[name] = flags
    return kinds, found

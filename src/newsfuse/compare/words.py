"""Words of claims: clause splitting, stems, synonyms and figures with units."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from newsfuse.data import load_json

TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'’-]*|%")
# Where a sentence may hold two main clauses: a semicolon, or a comma before a conjunction.
_JOINT = re.compile(r";\s+|,\s+(?:and|but|while|whereas|yet)\s+|\s+but\s+")
#: Finite-verb cues (auxiliaries, reporting verbs; data/compare_lexicon.json) show that a
#: clause after a conjunction has its own verb; a past-tense "-ed" word covers most others.
_QUOTE_OPEN = "“‘"
_QUOTE_CLOSE = "”’"


@cache
def lexicon() -> dict[str, Any]:
    """The comparison word lists (``data/compare_lexicon.json``), read once."""
    data: dict[str, Any] = load_json("compare_lexicon.json")
    return data


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon()["stopwords"])


@cache
def _synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in lexicon()["synonyms"]:
        head = stem(group[0])
        for word in group:
            out[stem(word)] = head
    return out


def stem(word: str) -> str:
    """A light suffix-stripping stem: plurals, -ing, -ed, -ly, -ment, -ional, a final e.

    Deliberately weaker than Porter: aligning claims needs "touring"/"tour" and
    "regional"/"region" to meet, not "general"/"generate".
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) <= 3:
        return w
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ments", ""),
        ("ment", ""),
        ("ingly", ""),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("ional", "ion"),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[: -len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=1 << 16)
def concept(word: str) -> str:
    """The stem of ``word`` with synonyms folded onto their group's first word (kept for
    the words met most: a story's claims repeat their words)."""
    s = stem(word)
    return _synonyms().get(s, s)


def content_words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, concept)`` of each content word of ``text`` (stopwords dropped)."""
    stop = _stopwords()
    out = []
    for m in TOKEN.finditer(text):
        word = m.group().lower().replace("’", "'")
        if word in stop or word.split("'")[0] in stop or word[0].isdigit():
            continue
        out.append((m.start(), m.end(), concept(word)))
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence where it joins main clauses ("X rose, and Y fell"); else keep it.

    A split needs both parts to hold at least four words and the right part to open with a
    subject followed by a finite verb within ten words; quoted text is never split.
    """
    out: list[tuple[int, int]] = []
    at = start
    for m in _JOINT.finditer(text, start, end):
        if _inside_quote(text, start, m.start()):
            continue
        left, right = text[at : m.start()], text[m.end() : end]
        if len(left.split()) < 4 or len(right.split()) < 4 or not _main_clause(right):
            continue
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return out


def _inside_quote(text: str, start: int, at: int) -> bool:
    chunk = text[start:at]
    opened = sum(chunk.count(c) for c in _QUOTE_OPEN) - sum(chunk.count(c) for c in _QUOTE_CLOSE)
    return opened > 0 or chunk.count('"') % 2 == 1


def _main_clause(text: str) -> bool:
    words = [w.lower() for w in TOKEN.findall(text)[:10]]
    lex = lexicon()
    if not words or not (
        words[0] in lex["subjects"]
        or text.lstrip()[:1].isupper()
        or words[0] in {"the", "a", "an", "his", "her", "its", "their"}
    ):
        return False
    return any(w in lex["finite_verbs"] or (w.endswith("ed") and len(w) > 4) for w in words[1:])

"""The chrome patterns of page dumps (bylines, dates, credits, reading times), line by line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from newsfuse.clean.dump.codepoints import Codes, char_table, code_points
from newsfuse.data import load_json

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.intp]

#: Pattern kinds, in the order they are tried (a later match wins in `pattern_kinds`).
KINDS = ("dateline", "credit", "byline", "reading_time")
# Chrome patterns (byline, date, reading time) describe short lines; a longer line that
# matches is prose quoting a date or a name. 12 words covers the longest bylines seen
# ("By Name and Name, Agency Staff Writers | Updated ..."); photo credits are looked for in
# captions of up to 60 words.
PATTERN_WORDS = {"dateline": 12, "credit": 60, "byline": 12, "reading_time": 12}


@dataclass(frozen=True)
class Need:
    """What a line must hold for a pattern to match it: one of ``chars`` at a place.

    ``where`` is "any" (anywhere in the line), "first" (its first character) or "last" (its
    last character, trailing spaces aside: a line ending in a space always qualifies).
    ``digit`` adds every decimal digit (regex ``\\d``) to ``chars``.
    """

    where: Literal["any", "first", "last"]
    chars: str = ""
    digit: bool = False


# What a line must hold for an alternative of ``data/chrome_words.json`` to match it. A
# pattern is tried only on the lines that hold what one of its alternatives needs, a few
# per page, so the result is that of trying every line. Each entry holds for every input,
# not only for the pages seen: the alternative cannot match without consuming one of the
# characters, as its comment says. An alternative that is not listed here (an edited
# pattern, say) is tried on every line.
NEEDS: dict[str, Need] = {
    # credit. Capital words "[A-Z]+(?: [A-Z]{2,})*" can only be left through the literal "/".
    r"[A-Z](?<!\w[A-Z])[A-Z]+(?: [A-Z]{2,})*/[A-Z][\w .-]*": Need("any", "/"),
    # Every branch is followed by optional parts and then the literal ":".
    r"(?:P(?<!\wP)(?:hoto|hotograph|icture)|I(?<!\wI)(?:mage|llustration)|C(?<!\wC)redit"
    r"|F(?<!\wF)oto)s?(?: by)? *:": Need("any", ":"),
    r"/ *File Photo\b": Need("any", "/"),  # opens with the literal "/"
    r"via(?<!\wvia) (?:Reuters|AP|AFP|Getty Images)\b": Need("any", "v"),
    r"Getty(?<!\wGetty) Images\b": Need("any", "G"),
    # A match ends the line, but for spaces: after " *" comes "$"; before it ")", "Photo" or
    # one of the agencies (AP, AFP, EPA, Reuters, Shutterstock, iStock).
    r"(?:A(?<!\wA)(?:P|FP)|E(?<!\wE)PA|R(?<!\wR)euters|S(?<!\wS)hutterstock|i(?<!\wi)Stock)"
    r"(?: Photo)? *\)? *$": Need("last", "PAsko)"),
    r"\(Photo\b": Need("any", "("),
    # byline. Anchored: the line opens with the first letter of one of the opening words.
    r"^(?:[Bb]y|BY|Written by|Posted by|Words by|Von|Par|Por|Oleh) +[A-ZÀ-Þ][\w.'’-]*(?: +"
    r"(?:[A-ZÀ-Þ][\w.'’-]*|and|&|,|de|van|von|al|bin|da|di|du|la|le))*"
    r"(?: *[,|] *[A-Z][\w .&-]*)?$": Need("first", "BbWPVO"),
    # The names are followed by the mandatory "(?:\||,)".
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} *(?:\||,) *(?:Reuters|AP|AFP|Associated Press"
    r"|Bloomberg|CNN|BBC|[A-Z][\w]+ (?:Staff|Writer|Correspondent|Reporter|Editor))$": Need(
        "any", "|,"
    ),
    # reading_time. The line opens with a digit or one of the number words.
    r"^(?:\d+|one|two|three|four|five|ten) *(?:-| )?(?:min|mins|minutes?)(?: read| to read)?$": (
        Need("first", "otf", digit=True)
    ),
    r"\d(?<!\w\d)\d* *(?:min|mins|minutes?) read\b": Need("any", digit=True),
    r"^(?:Reading time|Read time|Lesezeit|Temps de lecture|Tiempo de lectura) *:? *\d+": Need(
        "first", "RLT"
    ),
    # dateline. A digit ("\d{4}", or opening with "\d"), or an anchored opening word.
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?<!\w\w\w\w)[a-z]*\.? +\d{1,2}"
    r"(?:st|nd|rd|th)?,? +\d{4}\b": Need("any", digit=True),
    r"\d(?<!\w\d)\d?(?:st|nd|rd|th)? +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.? +\d{4}\b": Need("any", digit=True),
    r"\d(?<!\w\d)\d{3}-\d{2}-\d{2}\b": Need("any", digit=True),
    r"\d(?<!\w\d)\d?[./]\d{1,2}[./]\d{2,4}\b": Need("any", digit=True),
    r"^(?:Updated|Published|Posted|Last updated|First published)\b": Need("first", "UPLF"),
    r"\d(?<!\w\d)\d?:\d{2} *(?:[ap]\.?m\.?|[AP]M|GMT|UTC|ET|EST|EDT|BST|CET)\b": Need(
        "any", digit=True
    ),
    r"\d(?<!\w\d)\d* (?:minutes?|hours?|days?) ago\b": Need("any", digit=True),
}
# A pattern's lead: one character or class, then a lookbehind, as in "\d(?<!\w\d)".
_LEAD = re.compile(r"(?:\\[dw]|\[[^\]]+\]|\w)\(\?<![^)]*\)")


# Bit k of a line's need bits: it holds `NEEDS`'s k-th distinct need.
_BIT = {need: 1 << k for k, need in enumerate(dict.fromkeys(NEEDS.values()))}
# Held by every line: the need of a pattern that needs nothing known.
_EVERY = 1 << 31
if len(_BIT) >= 31:
    raise ValueError("chrome pattern needs: at most 30 distinct ones fit the need bits")
# The bits of the needs held anywhere in a line, by its first character, by its last one.
_HELD_ANYWHERE, _HELD_FIRST, _HELD_LAST = (
    sum(bit for need, bit in _BIT.items() if need.where == where)
    for where in ("any", "first", "last")
)


@dataclass(frozen=True)
class Scan:
    """One compiled pattern of a kind, and what a line needs for it to match."""

    pattern: re.Pattern[str]
    anchored: bool  # every alternative opens with "^": tried at the start of a line only
    # The bits (`_BIT`) of its alternatives' needs: a line it matches holds one of them.
    # None: unknown, every line is tried.
    needs: int | None


def compile_kind(alternatives: list[str]) -> tuple[Scan, ...]:
    """Compile a kind's alternatives into few patterns, each with what a match needs.

    A pattern whose first element is a literal or a character class is searched for by a
    fast scan, while an alternation of such patterns is tried at every position, several
    times slower. So alternatives sharing a lead such as ``\\d(?<!\\w\\d)`` (a digit that
    starts a word) become one pattern, searched once per line, the others stay apart, and
    those anchored with ``^`` share one alternation, matched at the start of a line only.
    Like the leads, this takes each alternative as one sequence, with no ``|`` outside a
    group. A pattern needs what one of its alternatives needs (`NEEDS`).
    """
    anchored: list[str] = []
    by_lead: dict[str, list[str]] = {}
    for alt in alternatives:
        if alt.startswith("^"):
            anchored.append(alt)
            continue
        lead = _LEAD.match(alt)
        key = lead.group(0) if lead else alt
        by_lead.setdefault(key, []).append(alt)
    scans = []
    for key, alts in by_lead.items():
        rests = [alt[len(key) :] for alt in alts]
        pattern = key + ("(?:" + "|".join(rests) + ")" if any(rests) else "")
        scans.append(Scan(re.compile(pattern, re.M), False, _needs(alts)))
    if anchored:
        pattern = "|".join(f"(?:{alt})" for alt in anchored)
        scans.append(Scan(re.compile(pattern, re.M), True, _needs(anchored)))
    return tuple(scans)


def _needs(alternatives: list[str]) -> int | None:
    if not all(alt in NEEDS for alt in alternatives):
        return None
    return sum(_BIT[need] for need in dict.fromkeys(NEEDS[alt] for alt in alternatives))


def _need_bits() -> npt.NDArray[np.uint32]:
    """The bits (`_BIT`) of the needs each BMP character meets.

    U+FFFF stands for the characters beyond the BMP (as in `pattern_kinds`' codes), of
    which some are decimal digits: it has the bit of every need with ``digit``. The space
    has the bit of every "last" need (a line may end in spaces after its match).
    """
    table = np.zeros(0x10000, dtype=np.uint32)
    digits = char_table(str.isdecimal)  # what regex \d matches in the BMP
    for need, bit in _BIT.items():
        table[[ord(c) for c in need.chars]] |= bit
        if need.digit:
            table[digits] |= bit
            table[0xFFFF] |= bit
        if need.where == "last":
            table[ord(" ")] |= bit
    return table


def _load() -> dict[str, tuple[Scan, ...]]:
    raw = load_json("chrome_words.json")
    return {kind: compile_kind(alternatives) for kind, alternatives in raw["patterns"].items()}


@dataclass(frozen=True)
class _Plan:
    """All scans of all kinds, in `KINDS` order, with what each needs as arrays."""

    kinds: tuple[int, ...]  # index into KINDS of each scan
    tests: tuple[Callable[[str], re.Match[str] | None], ...]  # match or search
    needs: npt.NDArray[np.uint32]  # need bits per scan (`_EVERY` when unknown)
    limits: npt.NDArray[np.float64]  # most words of a line it is tried on


def _plan(scans: dict[str, tuple[Scan, ...]]) -> _Plan:
    flat = [(k, scan) for k, name in enumerate(KINDS) for scan in scans[name]]
    return _Plan(
        kinds=tuple(k for k, _ in flat),
        tests=tuple(
            scan.pattern.match if scan.anchored else scan.pattern.search for _, scan in flat
        ),
        needs=np.array([_EVERY if s.needs is None else s.needs for _, s in flat], dtype=np.uint32),
        limits=np.array([PATTERN_WORDS[KINDS[k]] for k, _ in flat], dtype=np.float64),
    )


# Built once, at import.
SCANS = _load()
_BITS = _need_bits()
_PLAN = _plan(SCANS)


def pattern_kinds(
    texts: list[str],
    words: FloatArray,
    *,
    codes: Codes | None = None,
    starts: IntArray | None = None,
) -> tuple[list[str | None], dict[str, BoolArray]]:
    """Which chrome patterns each short enough line matches.

    A pattern describes one line: it never matches a newline, not even in a lookbehind, so
    a line matches it or not whatever the lines around it. Each pattern is tried on the
    lines that hold what it needs (`NEEDS`), read for all lines at once off their code
    points.

    Args:
        texts: The non-blank lines of a page (no newlines).
        words: Their word counts.
        codes: The code points of ``"\\n".join(texts)``, those beyond the BMP as U+FFFF, and
            ``starts``, where each line starts in them, when the caller has them.
        starts: See ``codes``.

    Returns:
        The last kind of `KINDS` each line matches (or None), and per kind a flag per line.
    """
    n = len(texts)
    if codes is None or starts is None:
        codes = np.minimum(code_points("\n".join(texts)), 0xFFFF)
        chars = np.fromiter(map(len, texts), dtype=np.intp, count=n)
        starts = np.cumsum(chars + 1) - chars - 1
    bits = _BITS.take(np.append(codes, ord("\n")))  # an empty last line reads the newline
    ends = np.append(starts[1:] - 1, len(codes))  # an empty line reads a newline as last
    held = np.bitwise_or.reduceat(bits, starts) & _HELD_ANYWHERE | _EVERY
    held |= bits[starts] & _HELD_FIRST
    held |= bits[ends - 1] & _HELD_LAST
    plan = _PLAN
    # (scan, line) pairs to try, scan by scan: the line is short enough and holds a need.
    tried = (held & plan.needs[:, None] > 0) & (words <= plan.limits[:, None])
    scan_of, line_of = np.nonzero(tried)
    hit_kinds: list[int] = []
    hits: list[int] = []
    tests, texts_of = plan.tests, texts.__getitem__
    for k, j in zip(scan_of.tolist(), line_of.tolist(), strict=True):
        if tests[k](texts_of(j)):
            hit_kinds.append(plan.kinds[k])
            hits.append(j)
    flags = np.zeros((len(KINDS), n), dtype=bool)
    flags[hit_kinds, hits] = True
    kinds: list[str | None] = [None] * n
    for k, j in zip(hit_kinds, hits, strict=True):  # in `KINDS` order: the last one stays
        kinds[j] = KINDS[k]
    return kinds, dict(zip(KINDS, flags, strict=True))

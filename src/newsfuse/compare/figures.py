"""Figures with units in a claim: "about 2,500 troops", "8%", "38 million dollars"."""

from __future__ import annotations

import re

from newsfuse.compare.words import TOKEN, concept, lexicon
from newsfuse.models import Quantity

_NUMBER = re.compile(
    r"(?P<pre>\$|€|£)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>\s?%)?"
    r"(?:-(?P<hyph>[a-z]+))?"
)
#: Words passed over between a figure and its unit ("2,500 U.S. troops", "38 million
#: Canadian dollars") and words after which it has none: lists in data/compare_lexicon.json.


def quantities(text: str, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Figures with units in ``text``, leaving out spans in ``skip`` (dates, years)."""
    lex = lexicon()
    multipliers: dict[str, int] = lex["multipliers"]
    hedges = sorted(lex["hedges"], key=len, reverse=True)
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in skip) or _in_word(text, m.start(), m.end()):
            continue
        value = float(m.group("num").replace(",", ""))
        rest = text[m.end() :]
        unit = "percent" if m.group("pct") else (m.group("hyph") or "")
        mult = re.match(r"\s+(\w+)", rest)
        end = m.end()
        if mult and mult.group(1).lower() in multipliers and not m.group("hyph"):
            value *= multipliers[mult.group(1).lower()]
            end += mult.end()
            rest = text[end:]
        if not unit:
            unit = _unit(rest)
        if m.group("pre"):
            unit = {"$": "dollar", "€": "euro", "£": "pound"}[m.group("pre")]
        bare = not m.group("pct") and not m.group("pre") and not unit
        if bare and re.fullmatch(r"(1[89]|20)\d\d", m.group("num")):
            continue  # a bare year the date stage did not claim
        lead = " " + text[max(0, m.start() - 16) : m.start()].lower().rstrip()
        hedge = next((h for h in hedges if lead.endswith(" " + h)), "")
        begin = m.start() - (
            len(text[max(0, m.start() - 16) : m.start()]) - lead.rfind(hedge) + 1 if hedge else 0
        )
        out.append(Quantity(text[begin:end].strip(), begin, end, value, unit, hedge))
    return out


def _in_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalpha() or after.isalpha()


def _unit(rest: str) -> str:
    """The counted noun after a figure: "dockworkers walked" -> "dockworker"."""
    if rest[:1] not in (" ", "-"):
        return ""
    lex = lexicon()
    for i, word in enumerate(TOKEN.findall(rest[:60])[:4]):
        low = word.lower()
        if low in lex["unit_stop"] or low[0].isdigit():
            return ""
        if (
            low in lex["unit_skip"]
            or (word[0].isupper() and "." in word)
            or (i == 0 and "-" in low)
        ):
            continue
        if low in ("percent", "per", "pct"):
            return "percent"
        return concept(low)
    return ""

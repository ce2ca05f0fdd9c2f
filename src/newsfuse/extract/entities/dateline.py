"""Names read off the shape of the text: dateline cities and geographic phrases."""

from __future__ import annotations

import re
from functools import cache

from newsfuse.extract.entities.heads import head_type, heads
from newsfuse.extract.entities.raw import RawMention

_UPPER = "".join(sorted({ch for ch in map(chr, range(0x250)) if ch.isupper()}))
# A capitalised name word ("Gdańsk", "O'Brien", "Wilkes-Barre"); a dateline word may be
# written in capitals ("CORK", "ST. JOHN'S").
_CAP = rf"[{_UPPER}][\w'’-]*"
_WORD = r"[^\W\d_][\w'’.-]*"


@cache
def _dateline() -> re.Pattern[str]:
    """Datelines: "CITY, Region, Month Day (Agency) -", "CITY (Agency) —", "City, Month Day —"."""
    name = rf"{_WORD}(?: {_WORD}){{0,3}}"
    return re.compile(
        rf"^\s*(?P<city>{name})"
        rf"(?:, (?P<region>{name}))?"
        rf"(?:, (?P<date>{heads().month} \d{{1,2}}))?"
        rf"\s*(?:\((?P<agency>[{_UPPER}][^()]{{1,60}})\))?"
        r"\s*(?:-|–|—|--)\s"
    )


@cache
def _geo_phrase() -> re.Pattern[str]:
    """Geographic phrases NER may split: "River Lee", "Bay of Fundy", "Gulf of Gdańsk"."""
    h = heads()
    prefixes = "|".join(re.escape(p) for p in sorted(h.place_prefixes, key=len, reverse=True))
    of_heads = "|".join(sorted(h.place_heads | h.place_prefixes, key=len, reverse=True))
    name = rf"{_CAP}(?:\s+{_CAP})*"
    return re.compile(
        rf"(?<![\w'’.-])(?:(?:{prefixes})\s+{name}|(?:{of_heads})\s+of\s+(?:the\s+)?{name})"
    )


def dateline_mentions(index: int, text: str) -> list[RawMention]:
    """The city, region and agency of a dateline at the start of a paragraph.

    The city (and the region after it) is a place whatever the NER says ("CORK" typed a
    person); the agency in brackets is an organisation. A city in title case counts only
    with a date or an agency after it, so that "Smith, Jones - " is not a dateline.

    Args:
        index: Paragraph index.
        text: The paragraph.

    Returns:
        Mentions with their cue set ("dateline", "agency"); empty when there is no dateline.
    """
    match = _dateline().match(text)
    if match is None:
        return []
    city = match.group("city")
    if not all(w[0].isupper() for w in city.split()) or re.fullmatch(heads().month, city):
        return []
    shouted = city.isupper()
    if not shouted and not (match.group("date") or match.group("agency")):
        return []
    out = [_mention(index, match, "city", "GPE", "dateline")]
    region = match.group("region")
    capitalised = bool(region) and all(w[0].isupper() for w in region.split())
    if capitalised and not re.match(heads().month, region):
        out.append(_mention(index, match, "region", "GPE", "dateline"))
    if match.group("agency"):
        out.append(_mention(index, match, "agency", "ORG", "agency"))
    return out


def geo_phrases(index: int, text: str) -> list[RawMention]:
    """Places named by a geographic word and a name ("River Lee", "Bay of Fundy").

    An organisation named after one keeps its own head ("River Lee Catchment Authority").
    """
    out: list[RawMention] = []
    for match in _geo_phrase().finditer(text):
        label = "ORG" if head_type(match.group()) == "org" else "LOC"
        out.append(RawMention(index, match.start(), match.end(), match.group(), label, cue="head"))
    return out


def _mention(index: int, match: re.Match[str], group: str, label: str, cue: str) -> RawMention:
    start, end = match.span(group)
    return RawMention(index, start, end, match.group(group), label, cue=cue)

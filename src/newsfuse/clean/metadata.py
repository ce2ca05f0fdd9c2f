"""Describe an article: headline, byline, outlet, wire credit, section, date, language.

Caller hints (CLI flags, JSONL fields) win over what the page's markup states, which wins
over what is read off the page's own text; for the language, the text overrules the markup
when it is sure (see :mod:`newsfuse.clean.language`).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from functools import cache

from newsfuse.clean.language import choose
from newsfuse.data import load_json
from newsfuse.models import CleanPage, Hints, Metadata

_BY = re.compile(r"^\s*(?:by|written by|words by)\s*[:\-]?\s+", re.I)
_BYLINE_TAIL = re.compile(r"(?:\s+[-–—]\s+.*|\s*[|,;]\s*.*)$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"([A-Z][\w&.'’ -]{1,60}?)(?:[.,|]|\s+all rights|\s*$)",
    re.I,
)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_DATE_MDY = re.compile(
    r"\b(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b"
)
_DATE_DMY = re.compile(
    r"\b(?P<day>\d{1,2})\s+(?P<mon>[A-Z][a-z]{2,8})\.?,?\s+(?P<year>(?:19|20)\d{2})\b"
)
_DATE_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s*([ap])\.?m\.?", re.I)
# A page's text longer than twice this is searched for credits at its two ends only (chrome
# and dateline first, "contributed to this report" last): the credit patterns cost ~1 s per
# 100,000 characters, and the longest page of the extraction data has ~59,000 in all, so
# every normal page is still read whole.
_CREDIT_END_CHARS = 100_000
_PUBLISHED_CUE = re.compile(r"\b(published|posted|updated|last updated|first published)\b", re.I)


@cache
def _wires() -> dict[str, list[str]]:
    data = load_json("wires.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def _credit_patterns() -> list[tuple[str, tuple[str, ...], re.Pattern[str]]]:
    """One regex per agency: the printed forms that mean the agency supplied the text or photo,
    with the names every one of those forms contains.

    A bare mention ("Reuters reported") is a citation, not a credit, so only forms that
    credit are matched: dateline "(Reuters)", "told Reuters", "via Reuters", "REUTERS/",
    "contributed to this report", "provided by", "© Reuters".
    """
    out = []
    for canon, names in _wires().items():
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = (
            rf"\(\s*(?:{alt})\s*\)|\btold\s+(?:the\s+)?(?:{alt})\b|\bvia\s+(?:{alt})\b"
            rf"|\b(?:{alt})(?:\s+Photo)?/|\b(?:{alt})\s+via\s|\b(?:{alt})\s+contributed\s+to\s+this"
            rf"|\bprovided\s+by\s+(?:the\s+)?(?:{alt})\b|©\s*(?:\d{{4}}\s+)?(?:{alt})\b"
            rf"|^\s*(?:{alt})\s*$"
        )
        out.append((canon, tuple(names), re.compile(pattern, re.M)))
    return out


_NAME = r"(?P<name>[A-Z][\w&'’.]*(?:[ -][A-Z][\w&'’.]*){0,4})"
#: Forms that credit an agency by any name: a dateline "CITY, Date (Agency) -", "provided by",
#: a byline affiliation "By Name, Agency", a photo credit ".../Agency" or "via Agency".
_GENERIC_CREDITS = tuple(
    re.compile(p, re.M)
    for p in (
        rf"^[A-Z][A-Za-z .'’-]+,[^()\n]{{0,60}}\({_NAME}\)\s*[-–—]",
        rf"\b(?:story|article|report|content)\s+(?:was\s+)?(?:provided|supplied|distributed)"
        rf"\s+by\s+(?:the\s+)?{_NAME}",
        rf"^\s*By\s+[^,\n]+,\s+{_NAME}\s*$",
        rf"/{_NAME}\s*$",
        rf"\bvia\s+{_NAME}",
    )
)


@cache
def _words() -> dict[str, frozenset[str]]:
    data = load_json("bylines.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def describe(page: CleanPage, hints: Hints) -> Metadata:
    """Metadata of one cleaned page, hints first, then markup, then the text itself."""
    meta = page.page_meta
    chrome = {c.label: c.text for c in reversed(page.chrome)}  # first line of each label wins
    body_text = "\n".join(b.text for b in page.body)
    published, source = _published(hints, meta, page)
    return Metadata(
        headline=hints.title or page.headline,
        byline=hints.byline or meta.get("author") or _byline(chrome.get("byline")),
        outlet=hints.outlet or meta.get("sitename") or _outlet(page),
        credit=credit(page),
        section=meta.get("section") or _section(chrome.get("section")),
        published=published,
        published_source=source,
        language=choose(hints.language, meta.get("language"), body_text),
        url=hints.url or meta.get("url"),
        canonical_url=meta.get("canonical") or meta.get("url"),
        site_name=meta.get("sitename"),
    )


def credit(page: CleanPage) -> str | None:
    """The news agency the page credits for its text or photos, if any."""
    texts = [c.text for c in page.chrome] + list(page.captions) + [b.text for b in page.body]
    joined = "\n".join(texts)
    if len(joined) > 2 * _CREDIT_END_CHARS:
        joined = joined[:_CREDIT_END_CHARS] + "\n" + joined[-_CREDIT_END_CHARS:]
    counts: Counter[str] = Counter()
    for canon, names, pattern in _credit_patterns():
        # Every form holds one of the names as printed (the patterns are case-sensitive):
        # a plain substring test passes over most agencies for a fraction of the regex's
        # cost (credits took 4.5 ms of the 7.5 ms of cleaning a short ECB+ text).
        if any(name in joined for name in names):
            counts[canon] = len(pattern.findall(joined))
    for pattern in _GENERIC_CREDITS:
        for m in pattern.finditer(joined):
            name = _agency_name(m.group("name"))
            if name:
                counts[name] += 1
    best = [(n, canon) for canon, n in counts.items() if n]
    return max(best)[1] if best else None


def _agency_name(name: str) -> str | None:
    """The canonical agency a captured name stands for, if it names one.

    A captured name counts when it is a known agency, or ends in a word agencies are named
    with ("Wire", "Press", "Agency" ...), so that "(Northwind Wire)" is a credit while
    "(Sudan)" or "via Twitter" are not.
    """
    name = name.strip(" .")
    for canon, names in _wires().items():
        if name in names or name == canon:
            return canon
    lower = name.lower()
    if any(lower.endswith(" " + w) or lower == w for w in _words()["agency_words"]):
        return name
    return None


def parse_date(text: str) -> str | None:
    """An ISO date (with time when printed) from a printed date, or None."""
    m = _DATE_ISO.search(text)
    if m:
        y, mo, d, hh, mm = m.groups()
        if _valid(int(y), int(mo), int(d)):
            return f"{y}-{mo}-{d}" + (f"T{hh}:{mm}" if hh else "")
    for rx in (_DATE_MDY, _DATE_DMY):
        m = rx.search(text)
        if not m:
            continue
        mon = m["mon"].lower()
        month = _MONTHS.get(mon) or _MONTH_ABBR.get(mon[:4].rstrip(".")) or _MONTH_ABBR.get(mon[:3])
        if month and _valid(int(m["year"]), month, int(m["day"])):
            iso = f"{int(m['year']):04d}-{month:02d}-{int(m['day']):02d}"
            t = _TIME.search(text, m.end())
            if t:
                hour = int(t[1]) % 12 + (12 if t[3].lower() == "p" else 0)
                iso += f"T{hour:02d}:{t[2]}"
            return iso
    return None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def normalise_published(value: str) -> str | None:
    """An ISO form of a user- or feed-given date, or None when it cannot be read."""
    value = value.strip()
    # Cut to the written length, so "2024-12-13" stays a date; "Z" is spelt out first, so a
    # UTC time keeps its whole offset.
    iso = value.removesuffix("Z") + "+00:00" if value.endswith("Z") else value
    try:
        return datetime.fromisoformat(iso).isoformat()[: len(iso)]
    except ValueError:
        return parse_date(value)


def _published(
    hints: Hints, meta: dict[str, str], page: CleanPage
) -> tuple[str | None, str | None]:
    if hints.published:
        return normalise_published(hints.published), "hint"
    if meta.get("date"):
        return meta["date"], "page"
    for line in page.chrome:
        if line.label == "dateline" or _PUBLISHED_CUE.search(line.text):
            found = parse_date(line.text)
            if found:
                return found, "text"
    crawled = hints.extra.get("crawled")
    if isinstance(crawled, str) and crawled:
        # A web archive's capture date: the page existed by then. CC-NEWS captures news within
        # hours of publication, so it stands in when neither page nor text dates the report.
        return normalise_published(crawled), "crawl"
    return None, None


def _byline(line: str | None) -> str | None:
    if not line:
        return None
    name = _BY.sub("", line).strip()
    name = _BYLINE_TAIL.sub("", name).strip()
    return _strip_trailing(name, role=True) or None


def _strip_trailing(name: str, role: bool) -> str:
    """Drop a job title after a byline name ("Business Reporter"), or a company suffix."""
    words = name.split()
    lists = _words()
    if role:
        if words and words[-1].lower() in lists["roles"]:
            words.pop()
            while len(words) > 2 and words[-1].lower() in lists["desks"]:
                words.pop()
    else:
        while len(words) > 2 and words[-1].lower() in lists["corporate"]:
            words.pop()
    return " ".join(words)


def _section(line: str | None) -> str | None:
    return line.strip() if line and line.strip() else None


def _outlet(page: CleanPage) -> str | None:
    for line in reversed(page.chrome):
        m = _COPYRIGHT.search(line.text)
        if m:
            return _strip_trailing(m.group(1).strip(" ."), role=False)
    return None

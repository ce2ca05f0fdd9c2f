"""Split article paragraphs into sentences, each with a stable id citations can point at.

A small regex splitter until the claim stage provides sentence ids: a sentence ends at ``.``,
``!`` or ``?`` (optionally followed by closing quotes or brackets) before white space and an
upper-case letter, digit or opening quote, unless the word before the stop is a known
abbreviation or a single initial.
"""

from __future__ import annotations

import re
from typing import Any

#: Words that end with a full stop without ending a sentence (lower-cased, without the stop).
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "fig",
        "mt",
        "ft",
    }
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_LAST_WORD = re.compile(r"([\w.]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text[start : m.start()]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            out.append((s + lead, s + len(chunk.rstrip())))
    return out


def _is_abbreviation(before: str) -> bool:
    m = _LAST_WORD.search(before)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_id(article_id: str, paragraph: int, sentence: int) -> str:
    """The element id of a sentence: ``a-<article id>-p<paragraph>-s<sentence>``, 0-based."""
    return f"a-{article_id}-p{paragraph}-s{sentence}"


def paragraphs(article_id: str, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Body blocks (``{"text", "heading"}``) with their sentences and element ids."""
    out = []
    for p, block in enumerate(blocks):
        text = block["text"]
        out.append(
            {
                "id": f"a-{article_id}-p{p}",
                "heading": block["heading"],
                "sentences": [
                    {
                        "id": sentence_id(article_id, p, s),
                        "start": a,
                        "end": b,
                        "text": text[a:b],
                        "status": None,
                    }
                    for s, (a, b) in enumerate(sentence_spans(text))
                ],
            }
        )
    return out


def sentence_at(paras: list[dict[str, Any]], paragraph: int, offset: int) -> str | None:
    """The element id of the sentence holding character ``offset`` of a paragraph."""
    if not 0 <= paragraph < len(paras):
        return None
    sentences = paras[paragraph]["sentences"]
    for sent in sentences:
        if offset < sent["end"]:
            return str(sent["id"])
    return str(sentences[-1]["id"]) if sentences else None

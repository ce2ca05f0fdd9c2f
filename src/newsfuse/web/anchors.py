"""Article paragraphs as the pages show them: sentences with stable ids citations point at.

The sentences are the analysis's (the parse's, :mod:`newsfuse.text`), the same that claims and
the brief cite; a report not yet analysed shows each paragraph as one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsfuse.text import sentence_spans


def sentence_id(article_id: str, paragraph: int, sentence: int) -> str:
    """The element id of a sentence: ``a-<article id>-p<paragraph>-s<sentence>``, 0-based."""
    return f"a-{article_id}-p{paragraph}-s{sentence}"


def paragraphs(
    article_id: str,
    blocks: list[dict[str, Any]],
    analysis: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Body blocks (``{"text", "heading"}``) with their sentences and element ids.

    Args:
        article_id: The article, for the element ids.
        blocks: Its body blocks.
        analysis: Its stored analysis, whose ``sentences`` cut each block; None or an analysis
            stored before sentences were kept leaves each block one sentence.
    """
    stored: Sequence[Any] = (analysis or {}).get("sentences") or ()
    out = []
    for p, block in enumerate(blocks):
        text = block["text"]
        cut = sentence_spans(text, stored[p] if p < len(stored) else None)
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
                        "fact": None,
                        "backing": [],
                    }
                    for s, (a, b) in enumerate(cut)
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

"""The cited brief of a story and the status of each of its sentences, for the story page.

Citations and claims become links to sentence element ids. Claims, citations and the page cut
paragraphs into the same sentences (the analysis keeps the parse's, :mod:`newsfuse.text`), so
a citation's sentence number is the page's; a claim (a sentence or a clause of one) is placed
by the character offset where it starts.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from newsfuse.brief.build import brief
from newsfuse.compare.comparison import compare
from newsfuse.models import Citation, Comparison, StoryInput
from newsfuse.web.anchors import sentence_at, sentence_id

log = logging.getLogger(__name__)

#: When one page sentence holds claims of several statuses, the most important one shows.
_RANK = {"conflicting": 3, "corroborated": 2, "single-source": 1}


def story_brief(
    story: StoryInput, paragraphs: Mapping[str, list[dict[str, Any]]]
) -> dict[str, Any] | None:
    """The story's brief and claim statuses.

    Returns ``{"sources", "sections": [{"key", "title", "sentences"}], "claims": {anchor:
    status}}``; each brief sentence is ``{"text", "note", "citations": [{"anchor",
    "article_id", "outlet", "label"}]}``. Returns None when comparing fails on this story.
    """
    try:
        comparison = compare(story)
        result = brief(story, comparison)
    except Exception:  # the brief is an extra: a failing stage must not break the story page
        log.exception("brief of story %s failed; showing the story without it", story.story_id)
        return None
    return {
        "sources": int(result.sources),
        "sections": [
            {
                "key": sec.key,
                "title": sec.title,
                "sentences": [
                    {
                        "text": s.text,
                        "note": s.note,
                        "citations": [_citation(c) for c in s.citations],
                    }
                    for s in sec.sentences
                ],
            }
            for sec in result.sections
        ],
        "claims": _statuses(comparison, paragraphs),
    }


def _statuses(
    comparison: Comparison, paragraphs: Mapping[str, list[dict[str, Any]]]
) -> dict[str, str]:
    """Sentence element id -> the status of the claims it holds."""
    out: dict[str, str] = {}
    for group in comparison.groups:
        for claim in group.claims:
            anchor = sentence_at(paragraphs.get(claim.article_id, []), claim.paragraph, claim.start)
            if anchor and _RANK[group.status] > _RANK.get(out.get(anchor, ""), 0):
                out[anchor] = group.status
    return out


def mark_sentences(
    paragraphs: Mapping[str, list[dict[str, Any]]], statuses: Mapping[str, str]
) -> None:
    """Give each page sentence its claim status (``None`` when it states no compared claim)."""
    for paras in paragraphs.values():
        for para in paras:
            for sent in para["sentences"]:
                sent["status"] = statuses.get(sent["id"])


def _citation(cite: Citation) -> dict[str, Any]:
    anchor = sentence_id(cite.article_id, cite.paragraph, cite.sentence)
    return {
        "anchor": anchor,
        "article_id": cite.article_id,
        "outlet": cite.outlet,
        "label": cite.label(),
    }

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

from newsfuse.models import Citation, ComparedStory, Comparison, StoryInput
from newsfuse.pipeline.comparisons import compare_story, compared
from newsfuse.store.base import Store
from newsfuse.web.anchors import sentence_at, sentence_id

log = logging.getLogger(__name__)

#: When one page sentence holds claims of several statuses, the most important one shows.
_RANK = {"conflicting": 3, "corroborated": 2, "single-source": 1}


def compared_story(store: Store, story: StoryInput) -> ComparedStory | None:
    """A story's comparison, briefs, entities and quotes, as the page read the story: the
    stored ones when current, made now otherwise (and not stored: the web only reads); None
    when comparing fails.

    The stored comparison is looked up after the page read the story's reports; when a
    writer changed the story in between, the stored one may cite a report the page does not
    hold. Then the reports the page read are compared instead.
    """
    try:
        made = compared(store, story.story_id, story, save=False)
        if _cites_beyond(made, {a.id for a in story.articles}):
            made = compare_story(story)
        return made
    except Exception:  # the brief is an extra: a failing stage must not break the story page
        log.exception(
            "comparing story %s failed; showing the story without a brief", story.story_id
        )
        return None


def _cites_beyond(made: ComparedStory, articles: set[str]) -> bool:
    """Whether ``made`` reads a report that is not among ``articles``."""
    return any(c.article_id not in articles for c in made.comparison.claims) or any(
        v["article_id"] not in articles for group in made.quotes for v in group["versions"]
    )


def story_brief(
    made: ComparedStory | None, paragraphs: Mapping[str, list[dict[str, Any]]]
) -> dict[str, Any] | None:
    """The story's brief and claim statuses (None when it could not be compared).

    Returns ``{"sources", "sections": [{"key", "title", "sentences"}], "facts": {anchor:
    {"status", "fact", "backing"}}}`` (see :func:`mark_sentences`); each brief sentence is
    ``{"text", "note", "citations": [{"anchor", "article_id", "outlet", "label"}]}``.
    """
    if made is None:
        return None
    comparison, result = made.comparison, made.brief
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
        "facts": _statuses(comparison, paragraphs),
    }


def _statuses(
    comparison: Comparison, paragraphs: Mapping[str, list[dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """Sentence element id -> ``{"status", "fact", "backing"}`` of the most telling group its
    claims sit in: its status, the group's number (``f<index>``: every sentence of one fact
    shares it, so the page can show a sentence's partners), and the outlets that state it."""
    out: dict[str, dict[str, Any]] = {}
    for index, group in enumerate(comparison.groups):
        for claim in group.claims:
            anchor = sentence_at(paragraphs.get(claim.article_id, []), claim.paragraph, claim.start)
            if anchor and _RANK[group.status] > _RANK.get(out.get(anchor, {}).get("status", ""), 0):
                fact = f"f{index}" if group.status != "single-source" else None
                out[anchor] = {"status": group.status, "fact": fact, "backing": list(group.outlets)}
    return out


def mark_sentences(
    paragraphs: Mapping[str, list[dict[str, Any]]], statuses: Mapping[str, dict[str, Any]]
) -> None:
    """Give each page sentence its claim status (``None`` when it states no compared claim),
    and for a fact two or more reports state, its fact number and the outlets that state it."""
    for paras in paragraphs.values():
        for para in paras:
            for sent in para["sentences"]:
                found = statuses.get(sent["id"], {})
                sent["status"] = found.get("status")
                sent["fact"] = found.get("fact")
                sent["backing"] = found.get("backing", [])


def _citation(cite: Citation) -> dict[str, Any]:
    anchor = sentence_id(cite.article_id, cite.paragraph, cite.sentence)
    return {
        "anchor": anchor,
        "article_id": cite.article_id,
        "outlet": cite.outlet,
        "label": cite.label(),
    }

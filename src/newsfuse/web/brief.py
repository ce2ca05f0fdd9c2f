"""The cited brief of a story, when the brief stage is installed (``newsfuse.brief``).

The brief is optional for the web: without the stage (or when it fails on a story) the story
page is shown without one. Citations become links to sentence element ids. The brief counts
sentences with the claim stage's splitter, which may cut a paragraph differently from
:mod:`newsfuse.web.text`, so each citation is placed by the character offset where its
sentence starts, not by its number.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

from newsfuse.dedupe import Lineage
from newsfuse.extract.analyse import from_json
from newsfuse.models import Article
from newsfuse.web.text import sentence_at, sentence_id

log = logging.getLogger(__name__)


def _stage(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def story_brief(
    story_id: str,
    articles: Sequence[Article],
    analyses: Mapping[str, dict[str, Any]],
    members: Sequence[dict[str, Any]],
    paragraphs: Mapping[str, list[dict[str, Any]]],
) -> dict[str, Any] | None:
    """The story's brief: ``{"sources", "sections": [{"key", "title", "sentences"}]}``.

    Each sentence is ``{"text", "note", "citations": [{"anchor", "article_id", "outlet",
    "label"}]}``. Returns None when the brief stage is not installed or fails on this story.
    """
    stage, compare = _stage("newsfuse.brief"), _stage("newsfuse.compare")
    if stage is None or compare is None:
        return None
    try:
        lineages = {m["id"]: Lineage(m["id"], m["copy_of"], m["reuse"], m["copy_kind"],
                                     m["original"]) for m in members}
        story = compare.StoryInput(story_id, list(articles),
                                   {k: from_json(v) for k, v in analyses.items()}, lineages)
        result = stage.brief(story)
        texts = {a.id: [b.text for b in a.body] for a in articles}
        split = _stage("newsfuse.compare_text")
        return {
            "sources": int(result.sources),
            "sections": [
                {"key": str(sec.key), "title": str(sec.title), "sentences": [
                    {"text": str(s.text), "note": str(s.note),
                     "citations": [_citation(c, texts, paragraphs, split)
                                   for c in s.citations]}
                    for s in sec.sentences]}
                for sec in result.sections
            ],
        }
    except Exception:  # the brief is an extra: a failing stage must not break the story page
        log.exception("brief of story %s failed; showing the story without it", story_id)
        return None


def _citation(
    cite: Any,
    texts: Mapping[str, list[str]],
    paragraphs: Mapping[str, list[dict[str, Any]]],
    split: ModuleType | None,
) -> dict[str, Any]:
    aid, para, sent = str(cite.article_id), int(cite.paragraph), int(cite.sentence)
    anchor = sentence_id(aid, para, sent)
    body = texts.get(aid, [])
    if split is not None and 0 <= para < len(body):
        spans = split.sentences(body[para])
        if 0 <= sent < len(spans):
            anchor = sentence_at(paragraphs.get(aid, []), para, int(spans[sent][0])) or anchor
    return {"anchor": anchor, "article_id": aid, "outlet": str(cite.outlet),
            "label": str(cite.label())}

"""A story as the comparing, merging and reading stages take it, loaded from a store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsfuse.models import Article, Lineage, StoryInput, analysis_from_json
from newsfuse.store.base import Store


def member_lineages(members: Sequence[dict[str, Any]]) -> dict[str, Lineage]:
    """The copy lineage of a story's members, from their stored rows."""
    return {
        m["id"]: Lineage(m["id"], m["copy_of"], m["reuse"], m["copy_kind"], m["original"])
        for m in members
    }


def assemble_story(
    row: dict[str, Any], articles: Sequence[Article], stored: dict[str, dict[str, Any]]
) -> StoryInput:
    """A story's comparable form from what a reader already loaded: its row (with members),
    its articles and their stored analyses."""
    analyses = {aid: analysis_from_json(data) for aid, data in stored.items()}
    return StoryInput(row["id"], list(articles), analyses, member_lineages(row["members"]))


def story_input(store: Store, story_id: str) -> StoryInput:
    """What comparing a story needs: its articles, their analyses and copy lineage."""
    return load_story(store, story_id)[1]


def load_story(store: Store, story_id: str) -> tuple[dict[str, Any], StoryInput]:
    """A story's row (with its members) and its comparable form, each read once."""
    row = store.story_row(story_id)
    ids = [m["id"] for m in row["members"]]
    return row, assemble_story(row, store.articles_by_ids(ids), store.analyses(ids))

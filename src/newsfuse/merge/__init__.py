"""Per story, after each article is read: one entity per actor, quotes matched across
reports, and event mentions merged into events."""

from __future__ import annotations

from newsfuse.merge.entities import canonicalise_story, story_entities
from newsfuse.merge.events import code_story_events, event_row, story_events
from newsfuse.merge.quotes import match_quotes

__all__ = [
    "canonicalise_story",
    "code_story_events",
    "event_row",
    "match_quotes",
    "story_entities",
    "story_events",
]

"""Each story's comparison and briefs: made when its members change, kept in the store.

Comparing a story takes a quarter of a second or more (claims, their embeddings, the pair
model), far too long for every page view; so it is done once per change of the story, after
its members are analysed, and stored under a key naming what it was made from: the story's
basis (its members and their analysis versions) and the compare and brief versions. A reader
uses a stored result only when its key is the story's current one: a new or deleted member,
a new analysis or a newer version of the code makes it stale, and it is made again.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from newsfuse.errors import NewsfuseError
from newsfuse.models import (
    ComparedStory,
    StoryInput,
    brief_from_json,
    comparison_from_json,
    comparison_to_json,
)
from newsfuse.progress import Progress, unwatched
from newsfuse.store.base import Store
from newsfuse.store.stories import story_input

__all__ = ["compare_pending", "compare_story", "compared", "comparison_key"]

log = logging.getLogger(__name__)


def comparison_key(basis: str) -> str:
    """The key of a story's comparison made from ``basis`` (``Store.story_basis``) by the
    current compare and brief code."""
    from newsfuse.brief.build import BRIEF_VERSION
    from newsfuse.compare.comparison import COMPARE_VERSION

    made_by = f"compare {COMPARE_VERSION} brief {BRIEF_VERSION}\n{basis}"
    return hashlib.sha256(made_by.encode("utf-8")).hexdigest()[:32]


def compare_story(story: StoryInput) -> ComparedStory:
    """Compare a story and build its short and long briefs from that one comparison."""
    from newsfuse.brief.build import brief
    from newsfuse.compare.comparison import compare

    comparison = compare(story)
    return ComparedStory(comparison, brief(story, comparison), brief(story, comparison, long=True))


def compared(
    store: Store, story_id: str, story: StoryInput | None = None, save: bool = True
) -> ComparedStory:
    """A story's comparison and briefs: the stored ones when made from its current members,
    otherwise made now (and stored, with ``save``).

    Args:
        store: The store.
        story_id: The story (old merged ids and unique prefixes resolve).
        story: The story as the caller already loaded it, used only when not saving (a
            read-only reader): what is saved is loaded after the key is read, so that a
            change made meanwhile by another process leaves it stale rather than wrong.
        save: Store what is made now (a reader with a read-only store passes False).
    """
    sid = store.resolve_story(story_id)
    key = comparison_key(store.story_basis(sid))
    stored = store.story_comparison(sid)
    if stored is not None and stored[0] == key:
        return _from_json(stored[1])
    if save or story is None:
        story = story_input(store, sid)
    made = compare_story(story)
    if save:
        store.save_story_comparison(sid, key, _to_json(made))
    return made


def compare_pending(store: Store, progress: Progress = unwatched) -> int:
    """Compare every story whose members or analyses changed and store the results; return
    how many were compared.

    Looks at the stories marked as changed (``Store.pending_story_ids``) without unmarking
    them: event coding, which runs next, unmarks them. A story whose stored comparison is
    current is passed over; one whose comparison fails is logged and left to its readers.
    """
    done = 0
    # One process compares a store's stories at a time: another would compare the same.
    with store.claim("comparisons"):
        pending = store.pending_story_ids()
        progress("comparing", 0, len(pending))
        for checked, sid in enumerate(pending, 1):
            key = comparison_key(store.story_basis(sid))
            stored = store.story_comparison(sid)
            if stored is None or stored[0] != key:
                try:
                    made = compare_story(story_input(store, sid))
                except NewsfuseError:
                    raise
                except Exception:  # noqa: BLE001 - one story's comparison never blocks others
                    log.exception("comparing story %s failed; left to its readers", sid)
                else:
                    store.save_story_comparison(sid, key, _to_json(made))
                    done += 1
            progress("comparing", checked, len(pending))
    return done


def _to_json(made: ComparedStory) -> dict[str, Any]:
    from newsfuse.brief.render import to_json

    return {
        "comparison": comparison_to_json(made.comparison),
        "brief": to_json(made.brief),
        "dossier": to_json(made.dossier),
    }


def _from_json(data: dict[str, Any]) -> ComparedStory:
    return ComparedStory(
        comparison_from_json(data["comparison"]),
        brief_from_json(data["brief"]),
        brief_from_json(data["dossier"]),
    )

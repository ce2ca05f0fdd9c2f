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
from newsfuse.pipeline.workers import Runner, processes
from newsfuse.progress import Progress, unwatched
from newsfuse.store.base import Store
from newsfuse.store.stories import story_input

__all__ = ["compare_pending", "compare_story", "compared", "comparison_key"]

log = logging.getLogger(__name__)

#: Bump when what is stored changes shape, or when merging entities or quotes (newsfuse.merge)
#: gives other rows: what was stored before is then made again.
STORED_VERSION = 1


def comparison_key(basis: str) -> str:
    """The key of a story's comparison made from ``basis`` (``Store.story_basis``) by the
    current compare and brief code."""
    from newsfuse.brief.build import BRIEF_VERSION
    from newsfuse.compare.comparison import COMPARE_VERSION

    made_by = f"compare {COMPARE_VERSION} brief {BRIEF_VERSION} stored {STORED_VERSION}\n{basis}"
    return hashlib.sha256(made_by.encode("utf-8")).hexdigest()[:32]


def compare_story(story: StoryInput) -> ComparedStory:
    """Compare a story, build its short and long briefs from that one comparison, and merge
    its entities and quotes across its reports."""
    from newsfuse.brief.build import brief
    from newsfuse.compare.comparison import compare
    from newsfuse.merge.entities import story_entities
    from newsfuse.merge.quotes import quote_rows

    comparison = compare(story)
    analyses = [story.analyses[aid] for aid in sorted(story.analyses)]
    outlets = {a.id: a.meta.outlet for a in story.articles}
    return ComparedStory(
        comparison,
        brief(story, comparison),
        brief(story, comparison, long=True),
        story_entities(analyses),
        quote_rows(analyses, outlets),
    )


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
    key, current = _stored(store, sid)
    if current is not None:
        return _from_json(current)
    if save or story is None:
        story = story_input(store, sid)
    made = compare_story(story)
    if save:
        store.save_story_comparison(sid, key, _to_json(made))
    return made


def compare_pending(
    store: Store,
    progress: Progress = unwatched,
    workers: int = 1,
    runner: Runner | None = None,
) -> int:
    """Compare every story whose members or analyses changed and store the results; return
    how many were compared.

    Looks at the stories marked as changed (``Store.pending_story_ids``) without unmarking
    them: event coding, which runs next, unmarks them. A story whose stored comparison is
    current is passed over; one whose comparison fails is logged and left to its readers.
    With ``workers`` over 1 (and enough stories to repay starting them), stories are compared
    in that many worker processes while this one stores the results; a ``runner`` (a Spark
    cluster) compares them wherever it runs jobs.
    """
    done = 0
    # One process compares a store's stories at a time: another would compare the same.
    with store.claim("comparisons"):
        pending = store.pending_story_ids()
        progress("comparing", 0, len(pending))
        jobs = (job for sid in pending if (job := _job(store, sid)) is not None)
        if runner is None and workers > 1 and len(pending) > _STORIES_PER_WORKER:
            runner = processes(min(workers, len(pending) // _STORIES_PER_WORKER))
        results = map(_compare_job, jobs) if runner is None else runner(_compare_job, jobs, _warm)
        for checked, (sid, key, data) in enumerate(results, 1):
            if data is not None:
                store.save_story_comparison(sid, key, data)
                done += 1
            progress("comparing", checked, len(pending))
        progress("comparing", len(pending), len(pending))
    return done


#: A worker costs a start and a model load (about 2 s): none for fewer stories than this each.
_STORIES_PER_WORKER = 16

#: What a worker is given: a story's id, the key of what it is made from, and the story.
Job = tuple[str, str, StoryInput]


def _stored(store: Store, sid: str) -> tuple[str, dict[str, Any] | None]:
    """The key of a story's comparison as its members stand now, and the stored comparison
    when it was made from them (None when there is none, or it is stale)."""
    key = comparison_key(store.story_basis(sid))
    stored = store.story_comparison(sid)
    return key, stored[1] if stored is not None and stored[0] == key else None


def _job(store: Store, sid: str) -> Job | None:
    """The story to compare, or None when its stored comparison is current."""
    key, current = _stored(store, sid)
    return None if current is not None else (sid, key, story_input(store, sid))


def _compare_job(job: Job) -> tuple[str, str, dict[str, Any] | None]:
    """A story's comparison in stored form (None when comparing it failed); plain data, as it
    crosses from a worker process to the one that stores it."""
    sid, key, story = job
    try:
        return sid, key, _to_json(compare_story(story))
    except NewsfuseError:
        raise
    except Exception:  # noqa: BLE001 - one story's comparison never blocks the others
        log.exception("comparing story %s failed; left to its readers", sid)
        return sid, key, None


def _warm() -> None:
    """What a worker loads once: the claim pair model and the sentence embeddings."""
    from newsfuse.compare.embedding.static import load_embedder
    from newsfuse.compare.pairs import pair_model

    pair_model()
    load_embedder()


def _to_json(made: ComparedStory) -> dict[str, Any]:
    from newsfuse.brief.render import to_json

    return {
        "comparison": comparison_to_json(made.comparison),
        "brief": to_json(made.brief),
        "dossier": to_json(made.dossier),
        "entities": made.entities,
        "quotes": made.quotes,
    }


def _from_json(data: dict[str, Any]) -> ComparedStory:
    return ComparedStory(
        comparison_from_json(data["comparison"]),
        brief_from_json(data["brief"]),
        brief_from_json(data["dossier"]),
        data["entities"],
        data["quotes"],
    )

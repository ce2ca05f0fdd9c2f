"""The order of stages, written once.

read -> decode -> clean -> describe -> store (:mod:`~newsfuse.pipeline.articles`), then per
batch: stories, incrementally (:mod:`~newsfuse.pipeline.stories`), analyse
(:mod:`~newsfuse.pipeline.analysis`), compare the changed stories and store their comparisons
and briefs (:mod:`~newsfuse.pipeline.comparisons`; or leave them for later, with the
``compare`` setting), code events. Slow stages tell a
:data:`~newsfuse.progress.Progress` callback how far they got.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from newsfuse.ingest import Limits, PassedOver, Skipped, read
from newsfuse.models import Hints, IngestSummary, RawDocument, Rejected
from newsfuse.pipeline.analysis import analyse_pending, code_events_pending
from newsfuse.pipeline.articles import Cleaned, content_key, ingest, prepare, process
from newsfuse.pipeline.comparisons import compare_pending, compared
from newsfuse.pipeline.stories import assign_stories, recluster_store, upgrade_index
from newsfuse.pipeline.workers import Runner, available_cores
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.store.base import Store

__all__ = [
    "Cleaned",
    "Runner",
    "analyse_pending",
    "assign_stories",
    "available_cores",
    "code_events_pending",
    "compare_pending",
    "compared",
    "content_key",
    "ingest",
    "ingest_items",
    "ingest_paths",
    "prepare",
    "process",
    "recluster_store",
    "settle",
    "upgrade_index",
]


def ingest_paths(
    paths: list[str],
    hints: Hints,
    store: Store,
    settings: Settings,
    analyse: bool = True,
    progress: Progress = unwatched,
    workers: int = 1,
) -> IngestSummary:
    """Ingest what ``paths`` name (files, folders, globs, ``-``), then put it into stories and,
    with ``analyse``, read entities, quotes and dates and code events; each stage tells
    ``progress`` how far it got; ``workers`` processes parse and read the articles (see
    :func:`analyse_pending`). Returns the counts of every stage."""
    items = read(paths, hints, settings.max_bytes, progress, Limits.of(settings))
    return ingest_items(items, store, settings, analyse, progress, workers)


def ingest_items(
    items: Iterable[RawDocument | Rejected | Skipped | PassedOver],
    store: Store,
    settings: Settings,
    analyse: bool = True,
    progress: Progress = unwatched,
    workers: int = 1,
) -> IngestSummary:
    """Store ``items`` (see :func:`ingest`), then put them into stories and, with ``analyse``,
    read entities, quotes and dates, compare the changed stories (unless ``settings.compare``
    is ``later``) and code events. Returns the counts of every stage."""
    stored = ingest(items, store, settings, progress)
    return settle(stored, store, analyse, progress, workers, compare=settings.compares_at_ingest)


def settle(
    summary: IngestSummary,
    store: Store,
    analyse: bool = True,
    progress: Progress = unwatched,
    workers: int = 1,
    runner: Runner | None = None,
    compare: bool = True,
) -> IngestSummary:
    """Put the stored articles that are in no story yet into stories and, with ``analyse``,
    read them, compare the stories that changed (storing their comparisons and briefs) and
    code events: ``summary`` with the counts of those stages added. Articles are read in
    ``workers`` processes, or by ``runner`` (see :func:`analyse_pending`). Without
    ``compare`` the changed stories stay marked after their events are coded, for a later
    :func:`compare_pending` (``newsfuse analyse``) to find."""
    clustered = assign_stories(store, progress=progress)
    if not analyse:
        return replace(summary, clustered=clustered)
    run = analyse_pending(store, progress=progress, workers=workers, runner=runner)
    # Before event coding: it unmarks the changed stories this stage looks for.
    if compare:
        compare_pending(store, progress, workers, runner)
    coded = code_events_pending(store, progress, unmark=compare)
    return replace(
        summary, clustered=clustered, analysed=run.analysed, coded=coded, failed=run.failed
    )

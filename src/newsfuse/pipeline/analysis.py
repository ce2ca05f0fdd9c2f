"""What is read off stored articles (entities, quotes, dates) and the events coded per story."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from newsfuse.errors import NewsfuseError
from newsfuse.models import Analysis, AnalysisRun, Article, StoryInput
from newsfuse.pipeline.workers import Runner, processes
from newsfuse.progress import Progress, unwatched
from newsfuse.store.base import Store
from newsfuse.store.stories import story_input

__all__ = ["analyse_pending", "code_events_pending"]

#: What analysing one article gave: its analysis as stored, or its failure (reason, message).
Outcome = dict[str, Any] | tuple[str, str]

#: Characters of an error's message kept with a failed article (a message can quote the text).
_MESSAGE_CHARS = 300


def analyse_pending(
    store: Store,
    batch_size: int = 16,
    progress: Progress = unwatched,
    retry: bool = False,
    workers: int = 1,
    runner: Runner | None = None,
) -> AnalysisRun:
    """Analyse every stored article that has no current analysis.

    Each article's analysis is written in its own transaction, so an interrupted run is
    resumed by running it again. An article whose analysis raises is recorded as failed, with
    the error, and the run goes on; later runs leave it out unless ``retry`` (or a newer
    analysis version) asks for it again. Returns how many were analysed, and the failures.

    With ``workers`` over 1, batches are parsed and read in that many worker processes (each
    loads the model once) while this process stores the results in the order of the
    articles, so the store ends the same as with one process. A ``runner`` (a Spark cluster)
    takes the place of the worker processes.
    """
    # Imported here: loading spaCy takes seconds, which ingest-only runs should not pay.
    from newsfuse.extract.analyse import ANALYSIS_VERSION
    from newsfuse.extract.nlp import load_nlp

    load_nlp()  # a missing model fails the run (ConfigError), not each article in turn
    # One process analyses a store at a time: another would analyse the same articles again.
    with store.claim("analysis"):
        if retry:
            store.retry_analyses()
        done, failed = _analyse_all(store, batch_size, progress, ANALYSIS_VERSION, workers, runner)
    return AnalysisRun(done, tuple(store.analysis_failures(failed)))


def _analyse_all(
    store: Store,
    batch_size: int,
    progress: Progress,
    version: int,
    workers: int,
    runner: Runner | None,
) -> tuple[int, list[str]]:
    """Analyse and store every pending article; how many were analysed, which failed."""
    done, failed = 0, []
    total = store.count_unanalysed(version)
    progress("analysing", 0, total)
    for aid, outcome in _outcomes(store, batch_size, version, workers, runner):
        if isinstance(outcome, tuple):
            store.add_analysis_failure(aid, version, *outcome)
            failed.append(aid)
        else:
            store.add_analysis(outcome)
            done += 1
        progress("analysing", done + len(failed), max(done + len(failed), total))
    return done, failed


def _outcomes(
    store: Store, batch_size: int, version: int, workers: int, runner: Runner | None
) -> Iterator[tuple[str, Outcome]]:
    """Each pending article's id with its outcome, in the order of the articles."""
    ids = store.unanalysed_ids(version) if workers > 1 or runner is not None else []
    # A worker costs a model load (about 3 s): none for what one batch holds. A given runner
    # is used whatever the batch: its workers are there already.
    if runner is None and len(ids) <= batch_size:
        # The pending list shrinks as results are stored (a failure too is left out).
        while batch := store.unanalysed(version, batch_size):
            yield from _analyse_batch((batch, _estimates(store, batch)))
        return
    if runner is None:
        runner = processes(min(workers, -(-len(ids) // batch_size)))
    jobs = (_job(store, ids[at : at + batch_size]) for at in range(0, len(ids), batch_size))
    for outcomes in runner(_analyse_batch, jobs, _warm):
        yield from outcomes


def _job(store: Store, ids: list[str]) -> tuple[list[Article], dict[str, date]]:
    loaded = {a.id: a for a in store.articles_by_ids(ids)}
    batch = [loaded[aid] for aid in ids if aid in loaded]
    return batch, _estimates(store, batch)


def _estimates(store: Store, batch: list[Article]) -> dict[str, date]:
    """Publication dates estimated from their stories, for the articles that give none."""
    # Once per story: a batch's articles are mostly of a few stories, and each estimate loads
    # every member (4,488 article loads for the 287 undated ECB+ texts, now 287).
    by_story: dict[str, date | None] = {}
    out = {}
    for a in batch:
        story_id = None if a.meta.published else store.story_of(a.id)
        if story_id is None:
            continue
        if story_id not in by_story:
            by_story[story_id] = _story_date(store, story_id)
        if (d := by_story[story_id]) is not None:
            out[a.id] = d
    return out


def _warm() -> None:
    """What a worker process loads once, before its first batch: the model, the gazetteer."""
    from newsfuse.extract.entities.gazetteer import alternate_index
    from newsfuse.extract.nlp import load_nlp

    load_nlp()
    alternate_index()


def _analyse_batch(job: tuple[list[Article], dict[str, date]]) -> list[tuple[str, Outcome]]:
    """Each article's stored form of its analysis, or the reason and message of its failure.

    Plain data only: it crosses from a worker process to the one that stores it.
    """
    from newsfuse.extract.analyse import to_json

    out: list[tuple[str, Outcome]] = []
    for article, result in _analyse_each(*job):
        if isinstance(result, Exception):
            message = " ".join(str(result).split())[:_MESSAGE_CHARS] or "(no message)"
            out.append((article.id, (type(result).__name__, message)))
        else:
            out.append((article.id, to_json(result)))
    return out


def _analyse_each(
    batch: list[Article], estimates: dict[str, date]
) -> Iterator[tuple[Article, Analysis | Exception]]:
    """Each article with its analysis, or with the exception analysing it raised.

    The batch is parsed together (faster); only when that raises is each article analysed
    alone, to tell the one that fails from the others.
    """
    from newsfuse.extract.analyse import analyse

    try:
        yield from zip(batch, analyse(batch, estimates=estimates), strict=True)
        return
    except NewsfuseError:
        raise
    except Exception:  # noqa: BLE001 - any error of one article must not stop the batch
        pass
    for article in batch:
        try:
            (result,) = analyse([article], estimates=estimates)
        except NewsfuseError:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded with the article, shown to the user
            yield article, exc
        else:
            yield article, result


def _story_date(store: Store, story_id: str) -> date | None:
    """The earliest publication date among a story's members, if any has one."""
    dates = [
        a.meta.published[:10]
        for a in store.articles_by_ids(store.story_article_ids(story_id))
        if a.meta.published
    ]
    try:
        return date.fromisoformat(min(dates)) if dates else None
    except ValueError:
        return None


def code_events_pending(store: Store, progress: Progress = unwatched, unmark: bool = True) -> int:
    """Code the events of every story whose members or analyses changed; return how many.

    Only stories marked when their members or analyses changed are looked at (the mark is
    written in the same transaction as the change, so a run interrupted before coding them
    leaves them marked). Each story's coding is stored with the basis it was made from (its
    members and their analysis versions); a story whose basis is unchanged is just unmarked.
    Without ``unmark`` the stories stay marked (their comparisons are left for later: see
    :func:`~newsfuse.pipeline.settle`), and a later run finds their events current.
    """
    # Imported here: event coding loads spaCy's parser, which ingest-only runs should not pay.
    from newsfuse.merge.events import code_story_events

    # One process codes a store's events at a time: another would code the same stories.
    with store.claim("events"):
        return _code_all(store, progress, code_story_events, unmark)


def _code_all(
    store: Store,
    progress: Progress,
    code: Callable[[StoryInput], list[dict[str, Any]]],
    unmark: bool = True,
) -> int:
    done = 0
    pending = store.pending_story_ids()
    progress("events", 0, len(pending))
    for checked, sid in enumerate(pending, 1):
        basis = store.story_basis(sid)
        stored = store.story_events(sid)
        if stored is not None and stored[0] == basis:
            if unmark:
                store.story_checked(sid, basis)
        else:
            try:
                rows = code(story_input(store, sid))
            except NewsfuseError:
                raise
            except Exception:  # noqa: BLE001 - one story's coding never blocks the others
                # Stored with no events and its basis, so that it is tried again only when
                # its members or their analyses change. The story page shows no events.
                rows = []
            store.save_story_events(sid, basis, rows, unmark)
            done += 1
        progress("events", checked, len(pending))
    return done

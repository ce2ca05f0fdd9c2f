"""Work spread over worker processes, its results handed back in the order it was given.

Each worker is a fresh process (``spawn``: nothing of the parent's store connection, threads
or locks is inherited) that runs ``warm`` once, e.g. to load the language model, and then
one job after another. At most two jobs per worker are in flight, so memory stays bounded
whatever the number of jobs, and the caller consumes results in submission order: what it
does with them is the same as with one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Protocol, TypeVar

__all__ = ["Runner", "available_cores", "in_order", "processes"]

Job = TypeVar("Job")
Result = TypeVar("Result")

#: Jobs queued per worker ahead of the one it runs: enough to keep it busy while the parent
#: stores the previous result, few enough that the jobs' articles stay a small share of memory.
_AHEAD = 2


class Runner(Protocol):
    """Somewhere else to run jobs: ``run(job)`` for each job, the results yielded in job order.

    :func:`in_order` with a number of workers is one; a Spark cluster is another
    (:mod:`newsfuse.spark`). ``warm`` is called once in each process before its first job.
    """

    def __call__(
        self,
        run: Callable[[Job], Result],
        jobs: Iterable[Job],
        warm: Callable[[], None] | None = None,
        /,
    ) -> Iterator[Result]: ...


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows: no affinity call
        return max(1, os.cpu_count() or 1)


def in_order(
    run: Callable[[Job], Result],
    jobs: Iterable[Job],
    workers: int,
    warm: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """``run(job)`` for each job, computed in ``workers`` processes, yielded in job order.

    ``run`` and ``warm`` must be module-level functions (they are sent by name). An exception
    a job raises is raised here, at its place in the order; closing the iterator early stops
    the workers.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start, initargs=(gc.get_threshold(), warm)) as pool:
        pending: deque[AsyncResult[Result]] = deque()
        for job in jobs:
            pending.append(pool.apply_async(run, (job,)))
            if len(pending) > workers * _AHEAD:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _start(thresholds: tuple[int, int, int], warm: Callable[[], None] | None) -> None:
    """A worker's start: the collector's thresholds of the process that started it (a spawned
    process begins with Python's defaults), then ``warm``."""
    gc.set_threshold(*thresholds)
    if warm is not None:
        warm()


def processes(workers: int) -> Runner:
    """:func:`in_order` over ``workers`` worker processes, as a :class:`Runner`."""

    def run(
        job: Callable[[Job], Result],
        jobs: Iterable[Job],
        warm: Callable[[], None] | None = None,
        /,
    ) -> Iterator[Result]:
        return in_order(job, jobs, workers, warm)

    return run

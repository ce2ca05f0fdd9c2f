"""Jobs run as Spark tasks, their results handed back in the order they were given."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pyspark import SparkContext

__all__ = ["SparkRunner"]

Job = TypeVar("Job")
Result = TypeVar("Result")

#: Jobs sent to the cluster at once, per core: enough that a slow task does not leave the
#: other cores idle for long, few enough that a wave's results stay a small share of memory.
_JOBS_PER_CORE = 4
#: Waves in flight: the next one runs on the executors while the driver stores the last one.
_WAVES = 2

#: The ``warm`` functions this executor process has run (a Python worker runs many tasks).
_warmed: set[str] = set()


class SparkRunner:
    """A :class:`~newsfuse.pipeline.Runner` over a Spark context.

    Jobs go to the executors in waves of a few per core, one task each; two waves are in
    flight, so the executors work on one while the driver consumes the results of the other.
    ``run`` and ``warm`` must be importable functions of an installed module (Spark sends
    them by name).
    """

    def __init__(self, context: SparkContext) -> None:
        self.context = context
        self.wave = _JOBS_PER_CORE * max(1, context.defaultParallelism)

    def __call__(
        self,
        run: Callable[[Job], Result],
        jobs: Iterable[Job],
        warm: Callable[[], None] | None = None,
        /,
    ) -> Iterator[Result]:
        """``run(job)`` for each job on the executors, yielded in job order."""
        task = partial(_task, run, warm)
        todo = iter(jobs)  # read here, on the driver's thread: jobs may come from the store
        with ThreadPoolExecutor(max_workers=_WAVES) as pool:
            pending: deque[Future[list[Result]]] = deque()
            while True:
                while len(pending) < _WAVES and (wave := list(islice(todo, self.wave))):
                    pending.append(pool.submit(self._collect, task, wave))
                if not pending:
                    return
                yield from pending.popleft().result()

    def _collect(self, task: Callable[[Job], Result], wave: list[Job]) -> list[Result]:
        return self.context.parallelize(wave, len(wave)).map(task).collect()


def _task(run: Callable[[Job], Result], warm: Callable[[], None] | None, job: Job) -> Result:
    """One job on an executor, after ``warm`` if this process has not run it yet."""
    if warm is not None:
        name = f"{warm.__module__}.{warm.__qualname__}"
        if name not in _warmed:
            warm()
            _warmed.add(name)
    return run(job)

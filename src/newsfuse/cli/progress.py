"""One progress display for every slow stage of an ingest, on stderr, only on a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from newsfuse.progress import Progress as ProgressCallback

#: What each stage is called on screen, in the order they run.
LABELS = {
    "polling": "reading feeds",
    "fetching": "fetching pages",
    "reading": "reading files",
    "cleaning": "cleaning",
    "clustering": "grouping into stories",
    "analysing": "analysing",
    "comparing": "comparing stories",
    "events": "coding events",
}


@contextmanager
def stage_progress(console: Console) -> Iterator[ProgressCallback]:
    """A :data:`newsfuse.progress.Progress` callback drawing a line per stage on ``console``.

    Nothing is drawn when ``console`` is not a terminal (a pipe, a file, a test), and the
    display is cleared when the block ends, leaving only the summary.
    """
    with Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                # A later stage began: a count without a total (cleaning) is final now. Stages
                # with a total end on their own (reading goes on while cleaning counts).
                for task in bar.tasks:
                    if task.total is None:
                        bar.update(task.id, total=task.completed)
                tasks[stage] = bar.add_task(LABELS.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield report

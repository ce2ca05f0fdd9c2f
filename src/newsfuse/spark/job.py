"""The Spark ingest job: executors read and clean, the driver stores; executors analyse,
the driver stores and codes events."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from newsfuse.errors import ConfigError
from newsfuse.ingest import Limits, PassedOver, Skipped, Source, expand
from newsfuse.models import Hints, IngestSummary, Rejected
from newsfuse.pipeline import Cleaned, ingest, settle
from newsfuse.progress import Progress, unwatched
from newsfuse.settings import Settings
from newsfuse.spark.inputs import ReadSpec, in_file_order, plan, read_job
from newsfuse.spark.runner import SparkRunner
from newsfuse.spark.session import spark_context
from newsfuse.store.base import Store

__all__ = ["spark_ingest"]

#: The largest job, in bytes of input: a larger file is cut into parts (CC-NEWS archives are
#: about 1 GB, some 30,000 pages: one part is a few minutes of one core).
MAX_JOB_BYTES = 32 * 1024 * 1024


def spark_ingest(
    paths: list[str],
    hints: Hints,
    store: Store,
    settings: Settings,
    analyse: bool = True,
    progress: Progress = unwatched,
    master: str | None = None,
    conf: Mapping[str, str] | None = None,
    max_job_bytes: int = MAX_JOB_BYTES,
) -> IngestSummary:
    """Ingest what ``paths`` name on a Spark cluster; the store ends as with plain ingest.

    Executors read the files and clean and describe each report; the driver stores them in
    input order (file order, then record order), puts them into stories, has the executors
    read the articles (entities, quotes, dates: they need the stories, for the dates of
    undated reports) and codes events. ``master`` and ``conf`` configure Spark (see
    :func:`~newsfuse.spark.session.spark_context`). Returns the counts of every stage.

    Raises:
        ConfigError: ``-`` (standard input) is named: executors cannot read the driver's;
            pyspark or Java is missing.
    """
    if "-" in paths:
        raise ConfigError("the Spark job reads files, not standard input: save it to a file")
    reading = ReadSpec(hints, settings, Limits.of(settings))
    with spark_context(master, conf) as context:
        runner = SparkRunner(context)
        items = list(expand(paths))
        sources = [item for item in items if isinstance(item, Source)]
        jobs = plan(sources, context.defaultParallelism, max_job_bytes)
        results = runner(read_job, ((reading, job) for job in jobs))
        files = in_file_order(jobs, results)
        stored = ingest(_in_place(items, files, progress), store, settings, progress)
        return settle(
            stored, store, analyse, progress, runner=runner, compare=settings.compares_at_ingest
        )


def _in_place(
    items: list[Source | Rejected | Skipped],
    files: Iterator[list[Cleaned | Rejected | PassedOver]],
    progress: Progress,
) -> Iterator[Cleaned | Rejected | Skipped | PassedOver]:
    """What the inputs gave, in their order: each file's records where the file was listed."""
    total = sum(isinstance(item, Source) for item in items)
    done = 0
    progress("reading", done, total)
    for item in items:
        if isinstance(item, Source):
            yield from next(files)
            done += 1
            progress("reading", done, total)
        else:
            yield item

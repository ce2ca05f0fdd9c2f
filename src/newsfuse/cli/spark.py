"""``newsfuse spark ...``: the batch jobs that run on an Apache Spark cluster."""

from __future__ import annotations

import sys

import click

from newsfuse.cli.articles import report_ingest
from newsfuse.cli.context import Context
from newsfuse.cli.output import err


def _conf_pair(
    _ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]
) -> dict[str, str]:
    pairs = [item.partition("=") for item in value]
    if bad := [key for key, eq, _ in pairs if not eq or not key]:
        raise click.BadParameter(f"{bad[0]!r}: write KEY=VALUE", param_hint="--conf")
    return {key: val for key, _, val in pairs}


@click.group()
def spark() -> None:
    """Batch jobs on Apache Spark (pip install 'newsfuse[spark]'; see docs/spark.md)."""


@spark.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--master", help="Spark master URL [spark-submit's, else local[*]].")
@click.option("--conf", multiple=True, callback=_conf_pair, help="A Spark setting KEY=VALUE.")
@click.option("--no-analyse", is_flag=True, help="Skip entities, quotes, dates and events.")
@click.pass_obj
def ingest(
    obj: Context, paths: tuple[str, ...], master: str | None, conf: dict[str, str], no_analyse: bool
) -> None:
    """Ingest files, folders or globs with Spark: the store ends as with 'newsfuse ingest'.

    Executors read and clean the inputs and read the articles; this process stores them in
    input order, puts them into stories and codes events. Exit status as 'newsfuse ingest'.
    """
    from newsfuse.cli.progress import stage_progress
    from newsfuse.models import Hints
    from newsfuse.spark import spark_ingest

    store = obj.store(create=True)
    with stage_progress(err) as progress:
        summary = spark_ingest(
            list(paths), Hints(), store, obj.settings, not no_analyse, progress, master, conf
        )
    store.close()
    report_ingest(summary)
    sys.exit(1 if summary.rejected or summary.failed else 0)

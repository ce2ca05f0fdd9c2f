"""The ``newsfuse`` command line: parse flags, call one library function, format the result.

Commands are listed once, in :data:`COMMANDS`. Command modules import stage code (spaCy, the
story index, the web stack) inside the commands that need it, so that ``newsfuse --help`` and
the listings start at once; ``tests/test_cli_startup.py`` checks that importing this package
loads none of it.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import MutableMapping

import click

from newsfuse.cli import (
    articles,
    compare,
    events,
    extract,
    live,
    outlets,
    serve,
    spark,
    store,
    stories,
)
from newsfuse.cli.context import Context
from newsfuse.cli.output import err, show
from newsfuse.errors import NewsfuseError
from newsfuse.settings import load_settings

__all__ = ["cli", "main"]


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        import newsfuse  # the version is read from the package metadata only when asked for

        click.echo(f"newsfuse {newsfuse.__version__}")
        ctx.exit()


@click.group()
@click.option("--db", envvar="NEWSFUSE_DB", help="SQLite file or database URL [./newsfuse.db].")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """newsfuse: clean news reports from many outlets into cited stories."""
    ctx.obj = Context(load_settings(db=db))


COMMANDS: tuple[click.Command, ...] = (
    articles.ingest,
    live.fetch,
    live.feeds,
    live.watch,
    articles.articles,
    articles.article,
    articles.delete,
    articles.rejects,
    articles.export_cmd,
    articles.settings_cmd,
    articles.eval_group,
    stories.stories,
    stories.story,
    stories.recluster,
    outlets.outlets,
    compare.compare,
    events.events,
    compare.brief,
    extract.analyse,
    extract.entities,
    extract.quotes,
    serve.serve,
    store.migrate,
    spark.spark,
)
for _command in COMMANDS:
    cli.add_command(_command)


def one_blas_thread(env: MutableMapping[str, str]) -> None:
    """Let numpy's OpenBLAS use one thread unless the user set ``OPENBLAS_NUM_THREADS``.

    newsfuse's matrices are small (a story's claims), and a second BLAS thread keeps spinning
    after each product: on two cores it doubled the CPU of comparing 300 ECB+ texts' stories
    (4.3 s against 2.2-2.5 s) for the same wall time, and with ``--workers`` it takes the
    core another worker needs. Set before numpy is first imported (the CLI imports it only
    inside the commands); worker processes inherit it.
    """
    env.setdefault("OPENBLAS_NUM_THREADS", "1")


#: The cyclic garbage collector's thresholds for a newsfuse process (Python's are 700, 10, 10).
#: An ingest makes millions of short-lived objects that reference counting frees; at the
#: default, 1,300 collections took 0.7-0.8 s of a 21-22 s ingest of 300 ECB+ texts, at these
#: 22 took 0.11 s, with the same peak memory (536 / 533 MB).
COLLECT_AFTER = (20_000, 10, 10)


def fewer_collections() -> None:
    """Run the cyclic collector less often (``COLLECT_AFTER``); worker processes take the
    thresholds of the process that starts them."""
    gc.set_threshold(*COLLECT_AFTER)


def main() -> None:
    """Entry point: run the CLI, turning newsfuse errors into a message and exit status 2.

    Exit status 1 is left to commands that report refused inputs (ingest, analyse); 2 is a
    run that failed, also by an unexpected error (its traceback is printed first).
    """
    one_blas_thread(os.environ)
    fewer_collections()
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        # A usage error is 2 already; click's other errors (a file it cannot open) are 1,
        # which here means refused inputs.
        sys.exit(max(exc.exit_code, 2))
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except NewsfuseError as exc:
        show(f"error: {exc}", multiline=True, to=err)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the run failed: exit 2, never 1 (rejects)
        traceback.print_exc()
        err.print(f"error: unexpected {type(exc).__name__}: {exc}", markup=False)
        sys.exit(2)

"""The ``migrate`` command: copy a SQLite store into PostgreSQL and check the copy."""

from __future__ import annotations

import click

from newsfuse.cli.output import err, show, table


@click.command()
@click.option("--from", "source", required=True, help="The SQLite store: sqlite:PATH or a path.")
@click.option("--to", "target", required=True, help="An empty store: postgresql://user@host/db.")
@click.option(
    "--sample",
    type=click.IntRange(1),
    default=50,
    show_default=True,
    help="Articles and stories whose export is compared in both stores.",
)
def migrate(source: str, target: str, sample: int) -> None:
    """Copy a SQLite store into PostgreSQL; check row counts and a sample of exports."""
    from newsfuse.export import migrate_store

    summary = migrate_store(source, target, sample)
    rows = [{"table": t, "source": a, "target": b} for t, (a, b) in summary.counts.items()]
    table(rows, ["table", "source", "target"])
    show(
        f"compared the export of {summary.articles_checked} articles and "
        f"{summary.stories_checked} stories"
    )
    for line in summary.differences:
        show(f"differs: {line}", to=err)
    if not summary.ok:
        raise click.ClickException("the copy differs from the source (see above)")

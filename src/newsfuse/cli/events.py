"""Commands about events: who did what to whom, where and when, one row per real event."""

from __future__ import annotations

import csv
import sys
from typing import Any

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import json_lines, table
from newsfuse.views import EVENT_COLUMNS, EVENT_SUMMARY, event_rows


@click.command()
@click.option("--story", "story_id", help="Only this story's events.")
@click.option("--type", "event_type", help="Only events of this PLOVER or POLECAT type.")
@click.option("--actor", help="Only events whose source or target actor's name contains this.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event (--format json).")
@click.pass_obj
def events(
    obj: Context,
    story_id: str | None,
    event_type: str | None,
    actor: str | None,
    fmt: str,
    as_json: bool,
) -> None:
    """Events (PLOVER) of every story, or of one: one row per real event, not per report."""
    rows = event_rows(obj.store(), story_id, event_type, actor)
    if as_json or fmt == "json":
        json_lines(rows)
    elif fmt == "csv":
        write_csv(rows, sys.stdout)
    else:
        table(rows, list(EVENT_SUMMARY))


def write_csv(rows: list[dict[str, Any]], fh: Any) -> None:
    """Write event rows as CSV with the documented columns."""
    writer = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)

"""Commands about what was read off articles: analyse, entities, quotes."""

from __future__ import annotations

import click

from newsfuse import pipeline
from newsfuse.cli.context import Context
from newsfuse.cli.output import json_lines, out, table


@click.command()
@click.pass_obj
def analyse(obj: Context) -> None:
    """Read entities, quotes and dates off every article that lacks them (resumable)."""
    done = pipeline.analyse_pending(obj.store())
    out.print(f"analysed {done}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity.")
@click.pass_obj
def entities(obj: Context, as_json: bool) -> None:
    """Entities named in the stored articles, most mentioned first."""
    rows = obj.store().entity_rows()
    if as_json:
        json_lines(rows)
        return
    table(rows, ["entity_id", "name", "type", "articles", "mentions"])


@click.command()
@click.option("--speaker", help="Only quotes whose speaker's name contains this.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote.")
@click.pass_obj
def quotes(obj: Context, speaker: str | None, as_json: bool) -> None:
    """Who said what in the stored articles."""
    rows = obj.store().quote_rows(speaker=speaker)
    if as_json:
        json_lines(rows)
        return
    table(rows, ["article_id", "speaker_name", "kind", "cue", "text"])

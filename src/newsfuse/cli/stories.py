"""Commands about stories: list, show, recluster."""

from __future__ import annotations

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import json_lines, json_text, show, table


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.pass_obj
def stories(obj: Context, as_json: bool, limit: int | None) -> None:
    """List stories, most recent first: label, dates, articles, independent sources, outlets.

    With --json each story also carries its coverage: which outlets reported it, from which
    countries, and who reported it first and when.
    """
    from newsfuse.coverage import story_rows_with_coverage

    rows = story_rows_with_coverage(obj.store(), limit=limit)
    if as_json:
        json_lines(rows)
        return
    for row in rows:
        row["dates"] = _span(row["first_day"], row["last_day"])
        row["outlets"] = ", ".join(row["outlets"])
    table(rows, ["id", "dates", "articles", "sources", "outlets", "label"])


@click.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="The story and its members as JSON.")
@click.pass_obj
def story(obj: Context, story_id: str, as_json: bool) -> None:
    """Show one story: its articles, and which are copies of which (old ids resolve)."""
    data = obj.store().story_row(story_id)
    if as_json:
        click.echo(json_text(data, indent=2))
        return
    show(data["label"] or "(no headline)", style="bold")
    show(
        f"  {data['id']}  {_span(data['first_day'], data['last_day'])}  "
        f"{data['articles']} articles, {data['sources']} independent sources"
        + (f", updated ({data['revisions']} revised)" if data["revisions"] else "")
    )
    for m in data["members"]:
        m["origin"] = (
            "independent"
            if m["copy_of"] is None
            else f"{m['copy_kind']} copy of {m['copy_of']} ({m['reuse']:.0%})"
        ) + (f", revises {m['revision_of']}" if m["revision_of"] else "")
    table(data["members"], ["id", "published", "outlet", "credit", "origin", "headline"])


@click.command()
@click.pass_obj
def recluster(obj: Context) -> None:
    """Re-cluster every stored article from scratch (deterministic, order-independent)."""
    store = obj.store()  # first: a wrong --db fails before stage code loads
    from newsfuse.pipeline import recluster_store

    count = recluster_store(store)
    show(f"{count} stories")


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} – {last}"

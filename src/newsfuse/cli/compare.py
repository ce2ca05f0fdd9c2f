"""Commands about what a story's sources say: compare, brief."""

from __future__ import annotations

from typing import Any

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import json_lines, json_text, show, table
from newsfuse.views import comparison_rows


@click.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim group.")
@click.pass_obj
def compare(obj: Context, story_id: str, as_json: bool) -> None:
    """Claims of a story: corroborated (by N independent sources), single-source, conflicting."""
    store = obj.store()
    sid = store.resolve_story(story_id)  # first: a wrong id or --db fails before spaCy loads
    from newsfuse.pipeline import compared

    rows = comparison_rows(compared(store, sid).comparison)
    if as_json:
        json_lines(rows)
        return
    table(_sides(rows), ["fact", "status", "sources", "outlet", "claim"])


def _sides(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per claim, so that every side of a fact shows: the fact's number, status and
    sources on its first line; a conflict's disputed value after each claim."""
    lines = []
    for number, row in enumerate(rows, start=1):
        conflict = row["conflict"]
        value_of = {
            cid: value for value, ids in (conflict["values"] if conflict else []) for cid in ids
        }
        for k, claim in enumerate(row["claims"]):
            text = claim["text"]
            if claim["id"] in value_of:
                text += f"  [{conflict['slot']}: {value_of[claim['id']]}]"
            first = k == 0
            lines.append(
                {
                    "fact": number if first else "",
                    "status": row["status"] if first else "",
                    "sources": row["sources"] if first else "",
                    "outlet": claim["outlet"],
                    "claim": text,
                }
            )
    return lines


@click.command()
@click.argument("story_id")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True
)
@click.option(
    "--long", "long_", is_flag=True, help="The full dossier instead of the lead and key points."
)
@click.pass_obj
def brief(obj: Context, story_id: str, fmt: str, long_: bool) -> None:
    """A neutral multi-source brief of a story: a lead and key points (at most 250 words),
    every sentence cited to the reports that state it; --long for the full dossier."""
    store = obj.store()
    sid = store.resolve_story(story_id)  # first: a wrong id or --db fails before spaCy loads
    from newsfuse.brief.render import to_html, to_json, to_markdown
    from newsfuse.pipeline import compared

    made = compared(store, sid)
    result = made.dossier if long_ else made.brief
    if fmt == "json":
        click.echo(json_text(to_json(result), indent=2))
    elif fmt == "html":
        click.echo(to_html(result))
    else:
        show(to_markdown(result), multiline=True)

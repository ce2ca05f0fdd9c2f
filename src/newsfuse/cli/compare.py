"""Commands about what a story's sources say: compare, brief."""

from __future__ import annotations

import json

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import json_lines, out, table
from newsfuse.views import comparison_rows


@click.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim group.")
@click.pass_obj
def compare(obj: Context, story_id: str, as_json: bool) -> None:
    """Claims of a story: corroborated (by N independent sources), single-source, conflicting."""
    story = obj.story(story_id)  # first: a wrong id or --db fails before spaCy loads
    from newsfuse.compare.comparison import compare as compare_story

    rows = comparison_rows(compare_story(story))
    if as_json:
        json_lines(rows)
        return
    for row in rows:
        row["outlets"] = ", ".join(row["outlets"])
        row["claim"] = row["claims"][0]["text"]
        if row["conflict"]:
            row["claim"] = " | ".join(f"{c['outlet']}: {c['text']}" for c in row["claims"])
    table(rows, ["status", "sources", "outlets", "claim"])


@click.command()
@click.argument("story_id")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True
)
@click.pass_obj
def brief(obj: Context, story_id: str, fmt: str) -> None:
    """A neutral multi-source brief of a story; every sentence cites its sources."""
    story = obj.story(story_id)  # first: a wrong id or --db fails before spaCy loads
    from newsfuse.brief.build import brief as make_brief
    from newsfuse.brief.render import to_html, to_json, to_markdown

    result = make_brief(story)
    if fmt == "json":
        click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    elif fmt == "html":
        click.echo(to_html(result))
    else:
        out.print(to_markdown(result), markup=False)

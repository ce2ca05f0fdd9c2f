"""Commands about what was read off articles: analyse, entities, quotes."""

from __future__ import annotations

import sys

import click

from newsfuse.cli.context import Context
from newsfuse.cli.output import err, json_lines, out, table
from newsfuse.views import story_entity_rows, story_quote_rows


@click.command()
@click.option(
    "--retry", is_flag=True, help="Also try again the articles whose analysis failed before."
)
@click.pass_obj
def analyse(obj: Context, retry: bool) -> None:
    """Read entities, quotes, dates off articles that lack them; compare the changed stories
    and code their events (what 'ingest --compare later' left pending).

    An article whose analysis fails is recorded (see 'newsfuse rejects') and left out of
    later runs until --retry. Exit status: 0, or 1 when an article's analysis failed.
    """
    store = obj.store()  # first: a wrong --db fails before stage code loads
    from newsfuse.pipeline import analyse_pending, code_events_pending, compare_pending

    run = analyse_pending(store, retry=retry)
    compare_pending(store)
    coded = code_events_pending(store)
    for failure in run.failed:
        err.print(f"analysis failed: {failure.message}", markup=False)
    out.print(
        f"analysed {run.analysed}, failed {len(run.failed)}, stories with events coded {coded}"
    )
    sys.exit(1 if run.failed else 0)


@click.command()
@click.option("--story", "story_id", help="Only this story's entities, merged across its reports.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity.")
@click.pass_obj
def entities(obj: Context, story_id: str | None, as_json: bool) -> None:
    """Entities named in the stored articles (or one story), most mentioned first."""
    if story_id:
        rows = story_entity_rows(obj.story(story_id))
        columns = ["id", "name", "type", "articles", "mentions", "country", "aliases"]
        for row in rows:
            row["aliases"] = ", ".join(row["aliases"]) if not as_json else row["aliases"]
    else:
        rows = obj.store().entity_rows()
        columns = ["entity_id", "name", "type", "articles", "mentions"]
    if as_json:
        json_lines(rows)
        return
    table(rows, columns)


@click.command()
@click.option("--story", "story_id", help="Only this story's quotes, matched across reports.")
@click.option("--speaker", help="Only quotes whose speaker's name contains this.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote.")
@click.pass_obj
def quotes(obj: Context, story_id: str | None, speaker: str | None, as_json: bool) -> None:
    """Who said what; with --story, one row per statement and how many reports quote it."""
    if story_id:
        rows = story_quote_rows(obj.story(story_id), speaker)
        columns = ["speaker_name", "kind", "reports", "wording", "text"]
    else:
        rows = obj.store().quote_rows(speaker=speaker)
        columns = ["article_id", "speaker_name", "kind", "cue", "text"]
    if as_json:
        json_lines(rows)
        return
    table(rows, columns)

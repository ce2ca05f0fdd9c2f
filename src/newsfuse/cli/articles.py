"""Commands about articles: ingest, list, show, delete, rejects, export, settings, evaluation."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsfuse.cli.context import Context
from newsfuse.cli.events import write_csv
from newsfuse.cli.output import err, escape_json, json_lines, json_text, out, show, table
from newsfuse.settings import COMPARE_WHEN
from newsfuse.views import article_row, reject_row, setting_rows, stored_article

if TYPE_CHECKING:
    from newsfuse.models import IngestSummary

#: Names of skipped files listed after an ingest; the rest are counted.
SHOW_SKIPPED = 20


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date of these reports (ISO, e.g. 2024-12-13).")
@click.option("--outlet", help="Outlet name of these reports.")
@click.option("--url", help="URL of the report (for a single input).")
@click.option(
    "--no-analyse",
    is_flag=True,
    help="Skip entities, quotes, dates and events (run later with 'newsfuse analyse').",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    help="Processes that parse and read articles (default 1; 0: the number of cores).",
)
@click.option(
    "--compare",
    type=click.Choice(COMPARE_WHEN),
    default=None,
    help="Compare the changed stories now, or leave that to 'newsfuse analyse' (later) "
    "[setting compare: now].",
)
@click.pass_obj
def ingest(
    obj: Context,
    paths: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    url: str | None,
    no_analyse: bool,
    workers: int,
    compare: str | None,
) -> None:
    """Ingest files, folders, globs or - (stdin): text dumps, HTML, JSONL, web archives.

    A folder or glob gives only files named as news inputs (.txt, .html, .htm, .xhtml,
    .jsonl, .ndjson, and .gz of those; .warc, .warc.gz); the others are listed as skipped.
    Of a web archive, the HTML pages of HTTP 200 responses are read; its other records are
    counted. A file named on its
    own is read whatever its name. Creates the store if it does not exist.

    Exit status: 0 when every input became an article or was already present; 1 when any
    input was rejected or an article's analysis failed (see 'newsfuse rejects'); 2 when the
    run itself failed (the store, a setting, an unexpected error).
    """
    # Imported here: stage code loads spaCy and the story index, which other commands skip.
    from newsfuse.clean.metadata import normalise_published
    from newsfuse.cli.progress import stage_progress
    from newsfuse.models import Hints
    from newsfuse.pipeline import available_cores, ingest_paths

    if published is not None and normalise_published(published) is None:
        raise click.BadParameter(
            f"cannot read {published!r} as a date; use YYYY-MM-DD", param_hint="--published"
        )
    store = obj.store(create=True)
    with stage_progress(err) as progress:
        hints = Hints(published=published, outlet=outlet, url=url)
        summary = ingest_paths(
            list(paths),
            hints,
            store,
            replace(obj.settings, compare=compare or obj.settings.compare),
            not no_analyse,
            progress,
            # Default 1: concurrent ingests gave other stories than one after another in
            # tests/test_pipeline_concurrent.py under load, more often with workers (see
            # docs/pipeline.md); until that is explained, workers are asked for.
            workers or available_cores(),
        )
    store.close()
    report_ingest(summary)
    sys.exit(1 if summary.rejected or summary.failed else 0)


def report_ingest(s: IngestSummary) -> None:
    """The rejects and skipped files on stderr, the counts on stdout."""
    for rej in s.rejects:
        show(f"rejected {rej.origin.describe()}: {rej.reason}: {rej.message}", to=err)
    for warn in s.warnings:
        show(f"warning {warn.origin.describe()}: {warn.reason}: {warn.message}", to=err)
    for failure in s.failed:
        show(f"analysis failed: {failure.message}", to=err)
    if s.skipped:
        more = len(s.skipped) - SHOW_SKIPPED
        names = ", ".join(s.skipped[:SHOW_SKIPPED]) + (f" and {more} more" if more > 0 else "")
        show(f"skipped (not news inputs by their name; name one to read it): {names}", to=err)
    if s.passed_over:
        kinds = ", ".join(f"{reason} {n}" for reason, n in s.passed_over)
        show(f"web archive records holding no report: {kinds}", to=err)
    passed = sum(n for _, n in s.passed_over)
    out.print(
        f"ingested {s.ingested}, already present {s.present}, rejected {s.rejected}, "
        f"skipped {len(s.skipped)}, into stories {s.clustered}, analysed {s.analysed}"
        + (f", archive records passed over {passed}" if s.passed_over else "")
        + (f", analysis failed {len(s.failed)}" if s.failed else "")
    )


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.pass_obj
def articles(obj: Context, as_json: bool, limit: int | None) -> None:
    """List stored articles."""
    rows = [article_row(a) for a in obj.store().articles(limit=limit)]
    if as_json:
        json_lines(rows)
        return
    table(rows, ["id", "published", "outlet", "credit", "paragraphs", "headline"])


@click.command()
@click.argument("article_id")
@click.option("--chrome", is_flag=True, help="Also show what was removed from the page, and why.")
@click.option("--json", "as_json", is_flag=True, help="The article as JSON.")
@click.pass_obj
def article(obj: Context, article_id: str, chrome: bool, as_json: bool) -> None:
    """Show one article: metadata, clean body, entities, quotes, dates (ID may be a prefix)."""
    data, _ = stored_article(obj.store(), article_id, chrome)
    if as_json:
        click.echo(json_text(data, indent=2))
        return
    show(data["headline"] or "(no headline)", style="bold")
    for key, value in data["meta"].items():
        if value:
            show(f"  {key}: {value}")
    if data["analysis_failed"]:
        show(f"  analysis failed: {data['analysis_failed']}")
    out.print()
    for block in data["body"]:
        show(f"## {block['text']}" if block["heading"] else block["text"], multiline=True)
        out.print()
    for caption in data["captions"]:
        show(f"[caption] {caption}", multiline=True)
    reading = data.get("reading", {})
    if reading.get("skipped"):
        show(f"[not read] {', '.join(reading['skipped'])}: {reading['reason']}")
    for ent in data.get("entities", []):
        show(f"[entity] {ent['name']} ({ent['type']}): {', '.join(ent['aliases'])}")
    for q in data.get("quotes", []):
        show(f"[quote] {q['speaker_name'] or '?'} ({q['kind']}): {q['text']}", multiline=True)
    for d in data.get("dates", []):
        note = ", photo" if d["caption"] else ""
        note += f": {d['reason']}" if d["reason"] else ""
        show(f"[date] {d['text']} -> {d['value'] or '-'} ({d['status']}{note})")
    for line in data.get("chrome", []):
        show(f"[{line['label']}] {line['text']}")


@click.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.pass_obj
def delete(obj: Context, article_ids: tuple[str, ...]) -> None:
    """Delete articles (IDs may be prefixes); the stories that held them are updated."""
    store = obj.store()  # first: a wrong --db fails before stage code loads
    from newsfuse.delete import delete_articles

    summary = delete_articles(store, article_ids)
    for aid in summary.deleted:
        show(f"deleted {aid}")
    for sid in summary.stories:
        show(f"updated story {sid}")
    for sid in summary.removed:
        show(f"removed story {sid} (no articles left)")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rejection.")
@click.pass_obj
def rejects(obj: Context, as_json: bool) -> None:
    """List inputs that were rejected, with the reason."""
    rows = [reject_row(r) for r in obj.store().rejects()]
    if as_json:
        json_lines(rows)
        return
    table(rows, ["origin", "reason", "message"])


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: every record; csv: one row per event.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.pass_obj
def export_cmd(obj: Context, fmt: str, output: Path | None) -> None:
    """Export everything as JSON lines, or the events as CSV (docs/export.md)."""
    store = obj.store()  # first: a wrong --db fails before stage code loads
    from newsfuse import export as exporting

    fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            write_csv(list(exporting.event_rows(store)), fh)
            return
        for rec in exporting.records(store):
            fh.write(escape_json(exporting.json_line(rec)))
    finally:
        if output:
            fh.close()


@click.command(name="settings")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per setting.")
def settings_cmd(as_json: bool) -> None:
    """List every setting with its default and help."""
    rows = setting_rows()
    if as_json:
        json_lines(rows)
        return
    table(rows, ["name", "default", "help"])


@click.group(name="eval")
def eval_group() -> None:
    """Score newsfuse on public evaluation data."""


@eval_group.command(name="extraction")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--mode", type=click.Choice(["text", "html", "both"]), default="both", show_default=True
)
def eval_extraction(data_dir: Path, mode: str) -> None:
    """Body extraction P/R/F1 on a folder laid out like shared/data/extraction."""
    from newsfuse.evaluate.extraction import evaluate_cleaner

    for m in ("text", "html") if mode == "both" else (mode,):
        s = evaluate_cleaner(data_dir, m)
        out.print(
            f"{m:5} pages={s.pages} P={s.precision:.3f} R={s.recall:.3f} "
            f"F1={s.f1:.3f}±{s.f1_std:.3f} accuracy={s.accuracy:.3f}"
        )

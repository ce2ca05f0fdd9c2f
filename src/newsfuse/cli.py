"""The ``newsfuse`` command line: parse flags, call one library function, format the result."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from newsfuse import export as exporting
from newsfuse import pipeline
from newsfuse.errors import NewsfuseError
from newsfuse.ingest import expand, read_source
from newsfuse.metadata import normalise_published
from newsfuse.models import Hints, RawDocument, Rejected
from newsfuse.settings import Settings, describe, load_settings
from newsfuse.store import open_store
from newsfuse.store.sqlite import SqliteStore
from newsfuse.views import article_dict, article_row, reject_row

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


class _Ctx:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def store(self) -> SqliteStore:
        return open_store(self.settings.db)


@click.group()
@click.option("--db", envvar="NEWSFUSE_DB", help="SQLite file or database URL [./newsfuse.db].")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """newsfuse: clean news reports from many outlets into cited stories."""
    ctx.obj = _Ctx(load_settings(db=db))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date of these reports (ISO, e.g. 2024-12-13).")
@click.option("--outlet", help="Outlet name of these reports.")
@click.option("--url", help="URL of the report (for a single input).")
@click.pass_obj
def ingest(obj: _Ctx, paths: tuple[str, ...], published: str | None, outlet: str | None,
           url: str | None) -> None:
    """Ingest files, folders, globs or - (stdin): text dumps, HTML, JSONL.

    Exit status: 0 when every input became an article or was already present, 1 when any
    input was rejected (see 'newsfuse rejects').
    """
    if published is not None and normalise_published(published) is None:
        raise click.BadParameter(f"cannot read {published!r} as a date; use YYYY-MM-DD",
                                 param_hint="--published")
    hints = Hints(published=published, outlet=outlet, url=url)
    store = obj.store()
    sources = list(expand(list(paths)))
    show = len(sources) >= obj.settings.progress_min_files and err.is_terminal
    with Progress(console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("ingesting", total=len(sources))

        def items() -> Iterator[RawDocument | Rejected]:
            for source in sources:
                if isinstance(source, Rejected):
                    yield source
                else:
                    yield from read_source(source, hints, obj.settings.max_bytes)
                bar.advance(task)

        summary = pipeline.ingest(items(), store, obj.settings)
    store.close()
    for rej in summary.rejects:
        err.print(f"rejected {rej.origin.describe()}: {rej.reason}: {rej.message}", markup=False)
    out.print(f"ingested {summary.ingested}, already present {summary.present}, "
              f"rejected {summary.rejected}")
    sys.exit(1 if summary.rejected else 0)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.pass_obj
def articles(obj: _Ctx, as_json: bool, limit: int | None) -> None:
    """List stored articles."""
    store = obj.store()
    rows = [article_row(a) for a in store.articles(limit=limit)]
    if as_json:
        _print_json(rows)
        return
    _table(rows, ["id", "published", "outlet", "credit", "paragraphs", "headline"])


@cli.command()
@click.argument("article_id")
@click.option("--chrome", is_flag=True, help="Also show what was removed from the page, and why.")
@click.option("--json", "as_json", is_flag=True, help="The article as JSON.")
@click.pass_obj
def article(obj: _Ctx, article_id: str, chrome: bool, as_json: bool) -> None:
    """Show one article: headline, metadata, clean body (ID may be a unique prefix)."""
    data = article_dict(obj.store().article(article_id), chrome=chrome)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(f"[bold]{_esc(data['headline'] or '(no headline)')}[/bold]")
    for key, value in data["meta"].items():
        if value:
            out.print(f"  {key}: {value}", markup=False)
    out.print()
    for block in data["body"]:
        text = block["text"]
        out.print(f"## {text}" if block["heading"] else text, markup=False)
        out.print()
    for caption in data["captions"]:
        out.print(f"[caption] {caption}", markup=False)
    for line in data.get("chrome", []):
        out.print(f"[{line['label']}] {line['text']}", markup=False)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rejection.")
@click.pass_obj
def rejects(obj: _Ctx, as_json: bool) -> None:
    """List inputs that were rejected, with the reason."""
    rows = [reject_row(r) for r in obj.store().rejects()]
    if as_json:
        _print_json(rows)
        return
    _table(rows, ["origin", "reason", "message"])


@cli.command(name="export")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.pass_obj
def export_cmd(obj: _Ctx, fmt: str, output: Path | None) -> None:
    """Export everything as JSON lines (schema in docs/export.md)."""
    fh = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for rec in exporting.records(obj.store()):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if output:
            fh.close()


@cli.group(name="eval")
def eval_group() -> None:
    """Score newsfuse on public evaluation data."""


@eval_group.command(name="extraction")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(["text", "html", "both"]), default="both",
              show_default=True)
def eval_extraction(data_dir: Path, mode: str) -> None:
    """Body extraction P/R/F1 on a folder laid out like shared/data/extraction."""
    from newsfuse.evaluate.extraction import evaluate_cleaner

    for m in ("text", "html") if mode == "both" else (mode,):
        s = evaluate_cleaner(data_dir, m)
        out.print(f"{m:5} pages={s.pages} P={s.precision:.3f} R={s.recall:.3f} "
                  f"F1={s.f1:.3f}±{s.f1_std:.3f} accuracy={s.accuracy:.3f}")


@cli.command(name="settings")
def settings_cmd() -> None:
    """List every setting with its default and help."""
    _table([{"name": n, "default": d, "help": h} for n, d, h in describe()],
           ["name", "default", "help"])


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(_esc("" if row.get(c) is None else str(row.get(c))) for c in columns))
    out.print(table)


def _print_json(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def _esc(text: str) -> str:
    # Page text is untrusted: never let it be read as rich markup.
    return text.replace("[", "\\[")


def main() -> None:
    """Entry point: run the CLI, turning newsfuse errors into a message and exit status 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except NewsfuseError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)

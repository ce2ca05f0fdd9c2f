"""Terminal output for the CLI: tables, JSON lines, and escaping of untrusted text."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console

# Piped output is read by people too: wide enough that tables of headlines stay readable.
out = Console(highlight=False, soft_wrap=True)
if not out.is_terminal:
    out = Console(highlight=False, soft_wrap=True, width=160)
# Errors name paths and commands: never wrapped mid-path, so they can be copied.
err = Console(stderr=True, highlight=False, soft_wrap=True)


def table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """Print rows as a table of the given columns."""
    from rich.table import Table  # not needed by --help or JSON output

    t = Table(*columns, show_lines=False)
    for row in rows:
        t.add_row(*(esc("" if row.get(c) is None else str(row.get(c))) for c in columns))
    out.print(t)


def json_lines(rows: list[dict[str, Any]]) -> None:
    """Print one JSON object per line."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def esc(text: str) -> str:
    """Page text is untrusted: never let it be read as rich markup."""
    return text.replace("[", "\\[")

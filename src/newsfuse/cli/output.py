"""Terminal output for the CLI: tables, JSON, and the escaping of untrusted text.

Stored text (headlines, bodies, names, outlets, file names) comes from pages anyone can write.
Every printer here passes it through :func:`for_terminal`, so that no escape sequence, control
character or bidirectional override in it reaches the terminal: they are shown as visible
escapes (``\\x1b``, ``\\u202e``) instead. JSON stays exact JSON: the same characters are written
as ``\\u`` escapes, which decode to the same strings.
"""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.text import Text

# Piped output is read by people too: wide enough that tables of headlines stay readable.
# No emoji codes: ":flag:" in a headline is text, not a picture.
out = Console(highlight=False, soft_wrap=True, emoji=False)
if not out.is_terminal:
    out = Console(highlight=False, soft_wrap=True, emoji=False, width=160)
# Errors name paths and commands: never wrapped mid-path, so they can be copied.
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

#: C0 controls (ESC, BEL, CR, backspace...), DEL and the C1 controls (0x9b is an 8-bit CSI).
_CONTROLS = [c for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x09]
#: Characters that reorder or break the text around them without being seen: bidirectional
#: marks, embeddings, overrides and isolates; the Unicode line and paragraph separators.
_INVISIBLE = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_SEPARATORS = [0x2028, 0x2029]
#: Lone surrogates (bytes that were not UTF-8, decoded with surrogateescape) cannot be encoded.
_SURROGATES = list(range(0xD800, 0xE000))

_LINE = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _CONTROLS}
_LINE.update({c: f"\\u{c:04x}" for c in (*_INVISIBLE, *_SEPARATORS, *_SURROGATES)})
_LINE[0x0A] = "\\n"
_LINE[0x0D] = "\\r"
_LINES = {**_LINE, 0x0A: "\n"}
_JSON = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *_INVISIBLE, *_SEPARATORS)}
_JSON.update({c: f"\\u{c:04x}" for c in _SURROGATES})


def for_terminal(text: str, multiline: bool = False) -> str:
    """``text`` as a terminal may show it: control and invisible characters made visible.

    Args:
        text: Untrusted text.
        multiline: Keep newlines (a body, a brief). Otherwise a newline is shown as ``\\n``
            too, so that a value cannot start a line of its own (a table cell, a field).

    Returns:
        The text with each ESC, other C0 or C1 control, DEL, bidirectional control, line or
        paragraph separator and lone surrogate replaced by its escape (``\\x1b``,
        ``\\u202e``); tabs are kept.
    """
    return text.translate(_LINES if multiline else _LINE)


def show(
    text: str, multiline: bool = False, style: str | None = None, to: Console | None = None
) -> None:
    """Print untrusted text, never read as markup, through :func:`for_terminal`."""
    (to or out).print(for_terminal(text, multiline), markup=False, style=style)


def table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """Print rows as a table of the given columns; each cell is one line of plain text."""
    from rich.table import Table  # not needed by --help or JSON output

    t = Table(*columns, show_lines=False)
    for row in rows:
        cells = ("" if row.get(c) is None else str(row.get(c)) for c in columns)
        t.add_row(*(Text(for_terminal(cell)) for cell in cells))
    out.print(t)


def json_text(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON, readable (not ASCII-only), with nothing a terminal would act on.

    ``json`` escapes the C0 controls itself; DEL, the C1 controls, bidirectional controls,
    line separators and lone surrogates are escaped here the same way (``\\u202e``), which is
    the same JSON: it decodes to the same strings.
    """
    return escape_json(json.dumps(data, ensure_ascii=False, indent=indent))


def escape_json(text: str) -> str:
    """JSON text with DEL, C1, bidirectional controls, line separators and lone surrogates
    written as ``\\u`` escapes: the same JSON, nothing a terminal would act on."""
    return text.translate(_JSON)


def json_lines(rows: list[dict[str, Any]]) -> None:
    """Print one JSON object per line."""
    for row in rows:
        click.echo(json_text(row))

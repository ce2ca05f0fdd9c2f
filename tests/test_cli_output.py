"""Terminal output: stored text never reaches the terminal with its control characters."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import HOSTILE_OUTLET, HOSTILE_TEXT

from newsfuse.cli import cli, main
from newsfuse.cli.output import for_terminal, json_text
from newsfuse.store.sqlite.store import SqliteStore

#: What must never reach a terminal raw: C0 controls but tab and newline, DEL, C1 controls,
#: bidirectional controls, line and paragraph separators, lone surrogates.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029\ud800-\udfff]"
)


@pytest.mark.parametrize(
    ("text", "multiline", "shown"),
    [
        ("\x1b[31mred\x1b[0m", False, "\\x1b[31mred\\x1b[0m"),
        ("title\x1b]0;pwned\x07", False, "title\\x1b]0;pwned\\x07"),
        ("csi \x9b2J", False, "csi \\x9b2J"),
        ("nul \x00 del \x7f", False, "nul \\x00 del \\x7f"),
        (
            "\u202eevil\u202c \u2066iso\u2069 \u200f",
            False,
            "\\u202eevil\\u202c \\u2066iso\\u2069 \\u200f",
        ),
        ("a\u2028b\u2029c", True, "a\\u2028b\\u2029c"),
        ("line\nnext", False, "line\\nnext"),
        ("line\nnext", True, "line\nnext"),
        ("over\rwrite", True, "over\\rwrite"),
        ("tab\tkept", False, "tab\tkept"),
        ("bad byte \udc9b", False, "bad byte \\udc9b"),
        ("Gdańsk “strike” – 5 € [bold]x[/bold] :smile:", False, None),
    ],
)
def test_for_terminal(text: str, multiline: bool, shown: str | None) -> None:
    assert for_terminal(text, multiline) == (text if shown is None else shown)
    assert not RAW.search(for_terminal(text, multiline))


@pytest.mark.parametrize(
    "value",
    [HOSTILE_TEXT, "\x7f\x85\u2029", "lone \udc80 surrogate", {"k\u202e": ["\x9b", 1]}],
)
def test_json_text_is_the_same_json_without_raw_controls(value: Any) -> None:
    text = json_text(value, indent=2)
    assert not RAW.search(text.replace("\n", ""))
    assert json.loads(text) == value


def _ids(db: Path) -> dict[str, str]:
    store = SqliteStore(db, read_only=True)
    story = store.story_rows()[0]["id"]
    ids = {"story": story, "article": store.story_row(story)["members"][0]["id"]}
    store.close()
    return ids


def _run(db: Path, args: list[str], status: int = 0) -> Result:
    ids = _ids(db)
    result = CliRunner().invoke(cli, ["--db", str(db), *(a.format(**ids) for a in args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == status, result.output
    return result


# (command, what it must show of the hostile values, as visible escapes).
PRINTERS: list[tuple[list[str], list[str]]] = [
    (["articles"], ["\\x1b[31mRED", "Wire\\x1b[5m"]),
    (["stories"], ["\\x1b[31mRED", "\\u202eevil"]),
    (["rejects"], ["tiny\\x1b[31m.txt"]),
    (["article", "{article}"], ["\\x1b[31mRED", "\\x9b2J", "Lina \\x1b[8mOrtiz", "Wire\\x1b[5m"]),
    (["article", "{article}", "--chrome"], ["\\x1b[31mRED", "\\u202e\\x1b[2Jsaid"]),
    (["story", "{story}"], ["\\x1b[31mRED", "\\u2028end", "Wire\\x1b[5m"]),
    (["compare", "{story}"], ["Wire\\x1b[5m"]),
    (["brief", "{story}"], []),
    (["brief", "{story}", "--long"], []),
    (["quotes"], ["Lina \\x1b[8mOrtiz"]),
    (["quotes", "--story", "{story}"], ["\\x1b[8mOrtiz"]),
    (["entities"], []),
    (["entities", "--story", "{story}"], []),
    (["events"], []),
    (["events", "--story", "{story}"], []),
]


@pytest.mark.parametrize(("args", "shown"), PRINTERS)
def test_printers_escape_stored_text(hostile_db: Path, args: list[str], shown: list[str]) -> None:
    output = _run(hostile_db, args).output
    assert not RAW.search(output), RAW.findall(output)
    for text in shown:
        assert text in output


# Commands printing JSON: the stored values come back exactly, with nothing raw on the way.
JSON_PRINTERS: list[list[str]] = [
    ["articles", "--json"],
    ["stories", "--json"],
    ["rejects", "--json"],
    ["article", "{article}", "--json"],
    ["story", "{story}", "--json"],
    ["quotes", "--json"],
    ["brief", "{story}", "--format", "json"],
    ["export"],
]


@pytest.mark.parametrize("args", JSON_PRINTERS)
def test_json_stays_exact(hostile_db: Path, args: list[str]) -> None:
    output = _run(hostile_db, args).output
    assert not RAW.search(output)
    one_per_line = args[0] in ("articles", "stories", "rejects", "quotes", "export")
    docs = [json.loads(x) for x in output.splitlines()] if one_per_line else [json.loads(output)]
    strings = _strings(docs)
    hostile = [HOSTILE_TEXT, HOSTILE_OUTLET, "Lina \x1b[8mOrtiz", "tiny\x1b[31m.txt"]
    assert any(h in s for s in strings for h in hostile), strings[:5]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize(
    "args",
    [
        ["article", "\x1b[31m\u202e"],
        ["story", "\x1b]0;x\x07"],
        ["compare", "\x9b2J"],
        ["article", "x" * 50_000],
        ["story", "%"],
    ],
)
def test_errors_quote_hostile_ids_escaped(
    hostile_db: Path,
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "argv", ["newsfuse", "--db", str(hostile_db), *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    shown = capsys.readouterr()
    assert shown.err.startswith("error: id ") and "matches no" in shown.err
    assert len(shown.err) < 300 and not RAW.search(shown.err)


def test_ingest_reports_hostile_file_names_escaped(tmp_path: Path) -> None:
    (tmp_path / "bad\x1b[31m\u202e.txt").write_text("\x1b[2J", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad\\x1b[31m\\u202e.txt" in result.stderr
    assert not RAW.search(result.output)


@pytest.mark.parametrize(
    ("speaker", "found"),
    [
        ("ortiz", True),
        ("LINA", True),
        ("_", False),
        ("%", False),
        ("O_tiz", False),
        ("x" * 60_000, False),
    ],
)
def test_quotes_speaker_filter_is_a_plain_substring(
    hostile_db: Path, speaker: str, found: bool
) -> None:
    rows = _run(hostile_db, ["quotes", "--json", "--speaker", speaker]).output.splitlines()
    assert bool(rows) == found

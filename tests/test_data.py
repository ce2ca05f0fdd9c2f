"""The loader of the package's data files: every shipped file reads, and copies are private."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfuse.data
from newsfuse.data import load_json, load_text

SHIPPED = sorted(p.name for p in Path(newsfuse.data.__file__).parent.glob("*.json"))


def test_the_data_files_are_found() -> None:
    assert "aliases.json" in SHIPPED and "line_model.json" in SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_file_parses(name: str) -> None:
    assert load_json(name)
    assert load_text(name) is load_text(name)  # read once


def test_each_call_gets_its_own_copy() -> None:
    first = load_json("wires.json")
    first["added by a caller"] = []
    assert "added by a caller" not in load_json("wires.json")


def test_a_missing_file_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        load_text("no_such_file.json")

"""Naming inputs: files, folders, globs, loops and missing paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfuse.ingest.sources import Skipped, Source, expand
from newsfuse.models import Rejected


def _names(items: list[Source | Rejected | Skipped]) -> list[str]:
    return [Path(i.path).name for i in items if isinstance(i, Source) and i.path]


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for rel in ("b/2.txt", "a.html", "b/1.txt", ".hidden.txt"):
        (tmp_path / rel).write_text("x")
    assert _names(list(expand([str(tmp_path)]))) == ["a.html", "1.txt", "2.txt"]


def test_globs_and_duplicates(tmp_path: Path) -> None:
    for n in ("x1.txt", "x2.txt", "y.html"):
        (tmp_path / n).write_text("x")
    items = list(expand([str(tmp_path / "x*.txt"), str(tmp_path / "x1.txt")]))
    assert _names(items) == ["x1.txt", "x2.txt"]


def test_missing_paths_and_loops_are_rejected(tmp_path: Path) -> None:
    sub = tmp_path / "d"
    sub.mkdir()
    (sub / "a.txt").write_text("x")
    os.symlink(tmp_path, sub / "loop")
    os.symlink(tmp_path / "nowhere", sub / "dangling")
    items = list(expand([str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "*.nope")]))
    reasons = sorted(i.reason for i in items if isinstance(i, Rejected))
    assert reasons == ["directory_loop", "not_found", "not_found", "unreadable"]
    assert _names(items) == ["a.txt"]


NEWS = ["a.txt", "b.html", "c.htm", "d.xhtml", "e.jsonl", "f.ndjson", "g.html.gz", "h.txt.gz"]
NEWS += ["i.jsonl.gz", "J.HTML", "k.Txt"]
NOT_NEWS = ["README.md", "notes", "data.json", "photo.png", "archive.gz", "a.txt.bak", "x.csv"]


def test_a_folder_gives_only_news_inputs_and_lists_the_rest(tmp_path: Path) -> None:
    for name in NEWS + NOT_NEWS:
        (tmp_path / name).write_text("x")
    items = list(expand([str(tmp_path)]))
    assert sorted(_names(items)) == sorted(NEWS)
    skipped = [Path(i.path).name for i in items if isinstance(i, Skipped)]
    assert sorted(skipped) == sorted(NOT_NEWS)
    assert not any(isinstance(i, Rejected) for i in items)


@pytest.mark.parametrize(
    ("pattern", "read", "skipped"),
    [
        ("*", ["a.txt", "b.html"], ["README.md"]),
        ("*.md", [], ["README.md"]),
        ("README.md", ["README.md"], []),  # named on its own: read, its content decides
        ("*.txt", ["a.txt"], []),
    ],
)
def test_globs_filter_by_name_but_a_named_file_is_read(
    tmp_path: Path, pattern: str, read: list[str], skipped: list[str]
) -> None:
    for name in ("a.txt", "b.html", "README.md"):
        (tmp_path / name).write_text("x")
    items = list(expand([str(tmp_path / pattern)]))
    assert _names(items) == read
    assert [Path(i.path).name for i in items if isinstance(i, Skipped)] == skipped


@pytest.mark.parametrize(
    ("name", "also", "arg", "read"),
    [
        ("rep[1].txt", "rep1.txt", "rep[1].txt", ["rep[1].txt"]),  # literal, not rep1.txt
        ("a*b.txt", "axb.txt", "a*b.txt", ["a*b.txt"]),
        ("what?.txt", "whatx.txt", "what?.txt", ["what?.txt"]),
        ("rep[1].txt", "rep1.txt", "rep[12].txt", ["rep1.txt"]),  # no such name: a glob
        ("one.txt", "two.txt", "*.txt", ["one.txt", "two.txt"]),
    ],
)
def test_an_existing_name_is_literal_before_a_glob(
    tmp_path: Path, name: str, also: str, arg: str, read: list[str]
) -> None:
    for n in (name, also):
        (tmp_path / n).write_text("x")
    got = [s.path.name for s in expand([str(tmp_path / arg)]) if isinstance(s, Source) and s.path]
    assert got == read


@pytest.mark.parametrize("raw", [b"caf\xe9.txt", b"\xff\xfe.txt", b"ok-\xc3(.txt"])
def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path, raw: bytes) -> None:
    with open(os.fsencode(tmp_path) + b"/" + raw, "wb") as fh:
        fh.write(b"text")
    (source,) = expand([str(tmp_path)])
    assert isinstance(source, Source) and source.path is not None
    assert source.read(100) == b"text"
    shown = source.origin.path or ""
    shown.encode("utf-8")  # storable
    assert "\\x" in shown

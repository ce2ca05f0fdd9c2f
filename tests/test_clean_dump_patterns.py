"""Chrome patterns of page dumps: a pattern is tried only on lines that hold what it needs."""

from __future__ import annotations

import dataclasses
import random
import re

import numpy as np
import pytest

from newsfuse.clean.dump import patterns as dump_patterns
from newsfuse.clean.dump.patterns import NEEDS, SCANS, Need, pattern_kinds
from newsfuse.data import load_json

_RAW = load_json("chrome_words.json")
_ALTERNATIVES = [alt for alts in _RAW["patterns"].values() for alt in alts]
# Lines that match the patterns, to be edited at random; and the characters put in.
_EXAMPLES = [
    "By Jane Roe", "Written by Émile de la Rue, Staff", "Jane Roe | Reuters", "John Smith, CNN",
    "3 min read", "ten minutes to read", "5 mins read", "Reading time: 4", "Lesezeit 7",
    "Jan 3, 2024", "Sept. 12th 2023", "3rd March 2024", "2024-01-03", "1/2/2024", "12.03.24",
    "Updated 3 hours ago", "Last updated", "12:30 pm", "9:05 GMT", "3 days ago", "Photo: AFP",
    "Photographs by: Jane", "Credit :", "PA/REUTERS/Jane Roe", "Reuters / File Photo",
    "via Getty Images", "Getty Images", "(Photo by Jane Roe)", "Jane Roe/AP", "iStock Photo )",
    "EPA ", "Shutterstock", "Oleh Jane Roe", "four min", "Tiempo de lectura: 3", "First published",
]  # fmt: skip
_CHARS = "0123456789aAbBmMnPpsSkoOtTy ,.:|/()-’_\t\u0663\uff13\U0001d7d1É"


def _lines(seed: int, count: int) -> list[str]:
    """The examples with one to three random edits each (insert, delete, replace)."""
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        line = rng.choice(_EXAMPLES)
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(line))
            cut = rng.choice((0, 0, 1))
            line = line[:at] + rng.choice(("", rng.choice(_CHARS))) + line[at + cut :]
        lines.append(line)
    return lines


def _holds(line: str, need: Need) -> bool:
    """`need` read straight off the line's characters."""
    ok = set(need.chars)
    if need.where == "first":
        chars = line[:1]
    elif need.where == "last":
        chars = line.rstrip(" ")[-1:]
    else:
        chars = line
    return any(c in ok or (need.digit and re.fullmatch(r"\d", c)) for c in chars)


def test_every_pattern_has_its_needs() -> None:
    assert set(_ALTERNATIVES) == set(NEEDS)
    assert all(scan.needs is not None for scans in SCANS.values() for scan in scans)


@pytest.mark.parametrize("alternative", _ALTERNATIVES)
def test_a_match_holds_its_need(alternative: str) -> None:
    pattern = re.compile(alternative, re.M)
    matched = [line for line in _lines(len(alternative), 20000) if pattern.search(line)]
    assert matched  # the pieces do exercise the pattern
    assert all(_holds(line, NEEDS[alternative]) for line in matched)


def test_kinds_as_when_every_line_is_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [_lines(seed, 40) + ["", "By Jane Roe", "3 min read "] for seed in range(300)]
    words = [np.array([len(line.split()) for line in page], dtype=float) for page in pages]
    found = [pattern_kinds(page, n) for page, n in zip(pages, words, strict=True)]
    every = {
        kind: tuple(dataclasses.replace(scan, needs=None) for scan in scans)
        for kind, scans in SCANS.items()
    }
    monkeypatch.setattr(dump_patterns, "_PLAN", dump_patterns._plan(every))
    for page, n, (kinds, flags) in zip(pages, words, found, strict=True):
        all_kinds, all_flags = pattern_kinds(page, n)
        assert kinds == all_kinds
        assert all(np.array_equal(flags[k], all_flags[k]) for k in flags)
    assert sum(kind is not None for kinds, _ in found for kind in kinds) > 500

"""Tests for the story pair model (newsfuse.stories.cluster.pairs) and its BASIL floors."""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import pytest

from newsfuse.evaluate.stories import load_basil, score_records
from newsfuse.stories.cluster.pairs import FEATURES, pair_features
from newsfuse.stories.cluster.similarity import WINDOW_DAYS

SHARED = Path(
    os.environ.get("NEWSFUSE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
BASIL = SHARED / "compare" / "basil-dev.jsonl"
DATED, GAP = FEATURES.index("dated"), FEATURES.index("day_gap")
RELATIVE, SHARED_NEIGHBOURS = FEATURES.index("relative"), FEATURES.index("shared_neighbours")


@pytest.mark.parametrize(
    ("days", "dated", "gap"),
    [
        (None, 0.0, 0.0),
        ((100, None), 0.0, 0.0),  # one date missing: never read as "the same day"
        ((100, 100), 1.0, 0.0),
        ((100, 100 + WINDOW_DAYS), 1.0, 0.0),  # a slow story within the window
        ((100, 110 + WINDOW_DAYS), 1.0, math.log1p(10)),
    ],
)
def test_day_features(days: tuple[int | None, int | None] | None, dated: float, gap: float) -> None:
    cosines = np.array([[0.5, 0.5, 0.5]])
    _, feats = pair_features(2, [(0, 1)], cosines, {"w": 1, "e": 1, "l": 1}, (6, 0.2, 0.33), days)
    assert (feats[0, DATED], feats[0, GAP]) == pytest.approx((dated, gap))


def test_relative_closeness() -> None:
    # Similarities 0.6, 0.3, 0.15: 0 and 1 are each other's closest; 2 is nobody's.
    cosines = np.array([[0.6] * 3, [0.3] * 3, [0.15] * 3])
    pairs = [(0, 1), (0, 2), (1, 2)]
    _, feats = pair_features(3, pairs, cosines, {"w": 1, "e": 1, "l": 1}, (6, 0.2, 0.33))
    assert feats[:, RELATIVE] == pytest.approx([1.0, 0.5, 0.25])


def test_a_far_partner_is_no_neighbour() -> None:
    # 0 is close to 1 and 2; 3 shares only a little with 1 and 2 (similarity 0.1, under
    # `close`). Listing 3's far partners would make 0 and 3 share the neighbour 1.
    pairs = [(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)]
    sims = [0.5, 0.5, 0.05, 0.1, 0.1]
    cosines = np.array([[s] * 3 for s in sims])
    kept, feats = pair_features(4, pairs, cosines, {"w": 1, "e": 1, "l": 1}, (1, 0.2, 0.33))
    assert math.isnan(feats[kept.index((0, 3)), SHARED_NEIGHBOURS])


# Held out: the shipped model is fitted on the odd BASIL events, these are the even ones. Floors
# a little under the measured scores (docs/bench/stories.md): dated 1.000 in both modes,
# undated 0.977 in both (0.842 and 0.934 with neighbour lists of far partners too).
@pytest.mark.slow
@pytest.mark.parametrize(
    ("mode", "dated", "floor"),
    [
        ("incremental", True, 0.97),
        ("recluster", True, 0.97),
        ("incremental", False, 0.96),
        ("recluster", False, 0.96),
    ],
)
def test_basil_quality_floor(mode: str, dated: bool, floor: float) -> None:
    if not BASIL.is_file():
        pytest.skip(f"{BASIL} not found")
    scores = score_records(load_basil(BASIL, "even", dated), mode)
    assert scores["b3_f1"] >= floor, scores


def test_basil_halves_split_by_event(tmp_path: Path) -> None:
    rows = [
        f'{{"id": "{e}{k}", "subtopic": "{e}", "title": "t", "text": "x", "date": "2020-01-0{k}"}}'
        for e in "abc"
        for k in (1, 2)
    ]
    path = tmp_path / "basil.jsonl"
    path.write_text("\n".join(rows), encoding="utf-8")
    odd, even = load_basil(path, "odd"), load_basil(path, "even", dated=False)
    assert {r["subtopic"] for r in odd} == {"a", "c"} and {r["subtopic"] for r in even} == {"b"}
    assert all("date" in r for r in odd) and not any("date" in r for r in even)

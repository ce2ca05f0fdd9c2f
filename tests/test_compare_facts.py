"""Each claim's likeliest partners per other report, chosen together, equal their definition."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.compare.facts import PARTNERS, _best_partners


def _plain(
    candidates: dict[tuple[int, int], float], article: list[str]
) -> dict[tuple[int, str], set[int]]:
    ranked: dict[tuple[int, str], list[tuple[float, int]]] = {}
    for (a, b), p in candidates.items():
        if article[a] != article[b]:
            ranked.setdefault((a, article[b]), []).append((-p, b))
            ranked.setdefault((b, article[a]), []).append((-p, a))
    return {key: {c for _, c in sorted(found)[:PARTNERS]} for key, found in ranked.items()}


@pytest.mark.parametrize("seed", range(5))
def test_best_partners_as_defined(seed: int) -> None:
    rng = np.random.default_rng(seed)
    article = [f"r{k}" for k in rng.integers(0, 4, size=30).tolist()]
    candidates = {}
    for a in range(30):
        for b in range(a + 1, 30):
            if rng.random() < 0.4:  # few distinct probabilities: ties are common
                candidates[(a, b)] = float(rng.integers(0, 6)) / 5
    assert _best_partners(candidates, article) == _plain(candidates, article)


def test_no_candidates() -> None:
    assert _best_partners({}, ["a", "b"]) == {}

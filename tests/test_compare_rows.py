"""The pair features computed together equal pair_features' one pair at a time, bit for bit."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import numpy as np
import pytest

from newsfuse.compare.context import StoryClaims, read_story
from newsfuse.compare.rows import SetBits, count_above
from newsfuse.compare.surface import char_grams
from newsfuse.store import open_store
from newsfuse.store.stories import story_input


@pytest.fixture(scope="module")
def contexts(samples_db: Path) -> list[StoryClaims]:
    store = open_store(str(samples_db))
    try:
        return [read_story(story_input(store, row["id"])) for row in store.story_rows()]
    finally:
        store.close()


def test_every_pair_of_the_sample_stories(contexts: list[StoryClaims]) -> None:
    checked = 0
    for context in contexts:
        n = len(context.claims)
        pairs = [(i, j) for i in range(n) for j in range(n) if i != j]
        if not pairs:
            continue
        plain = np.array([context.row(i, j) for i, j in pairs], dtype=np.float64)
        bulk = context.rows(pairs)
        assert bulk.shape == plain.shape
        # The same bits, not merely equal values (0.0 and -0.0 would pass ==).
        assert np.array_equal(bulk.view(np.uint64), plain.view(np.uint64))
        checked += len(pairs)
    assert checked > 1000


def test_no_pairs(contexts: list[StoryClaims]) -> None:
    assert contexts[0].rows([]).shape == (0, 32)


@pytest.mark.parametrize(
    ("sets", "pairs"),
    [
        ([frozenset(), frozenset(), frozenset({"a"})], [(0, 1), (0, 2), (2, 1)]),
        (
            [frozenset(range(200)), frozenset(range(100, 300)), frozenset(range(150, 151))],
            [(0, 1), (1, 0), (0, 2), (1, 2)],
        ),
        ([frozenset({("a", "b"), ("b", "c")}), frozenset({("b", "c")})], [(0, 1), (1, 0)]),
    ],
)
def test_set_bits_count_what_two_sets_share(
    sets: list[frozenset[object]], pairs: list[tuple[int, int]]
) -> None:
    bits = SetBits.of(sets)  # type: ignore[arg-type]
    a = np.array([i for i, _ in pairs], dtype=np.int64)
    b = np.array([j for _, j in pairs], dtype=np.int64)
    assert bits.shared(a, b).tolist() == [len(sets[i] & sets[j]) for i, j in pairs]


def test_count_above_counts_as_bisect_does() -> None:
    rng = np.random.default_rng(7)
    groups = [rng.integers(-3, 4, size=n).astype(np.float32) / 4 for n in (0, 1, 5, 9)]
    group = rng.integers(1, len(groups), size=200)
    values = rng.integers(-4, 5, size=200).astype(np.float64) / 4  # ties with the groups' values
    expected = [
        len(groups[g]) - bisect_right(sorted(groups[g].tolist()), v)
        for g, v in zip(group.tolist(), values.tolist(), strict=True)
    ]
    assert count_above(groups, group, values).tolist() == expected
    assert count_above(groups, group[:0], values[:0]).tolist() == []


@pytest.mark.parametrize(
    "texts",
    [
        ["", "ab", "abc", "abcd abcd", "xabcd", "ABCD"],
        ["naïve café", "café naïve ☕ 𝔘𝔫𝔦", "\ud800 lone \ud800", "𝔘𝔫𝔦 café"],
        [
            "".join(map(chr, range(0x4E00, 0x4E00 + 60_000, 2))),
            "".join(map(chr, range(0x4E00, 0x4E00 + 60_000, 3))),
        ],
    ],
)
def test_character_grams_counted_as_their_sets(texts: list[str]) -> None:
    pairs = [(i, j) for i in range(len(texts)) for j in range(len(texts)) if i != j]
    a = np.array([i for i, _ in pairs], dtype=np.int64)
    b = np.array([j for _, j in pairs], dtype=np.int64)
    for n in (3, 4):
        grams = [char_grams(t, n) for t in texts]
        bits = SetBits.of_chars(texts, n)
        assert bits.sizes.tolist() == [len(g) for g in grams]
        assert bits.shared(a, b).tolist() == [len(grams[i] & grams[j]) for i, j in pairs]

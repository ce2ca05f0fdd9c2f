"""Tests for copies and lineage (newsfuse.stories.copies.index)."""

from __future__ import annotations

import json

import pytest

from newsfuse.models import Article, Block, Lineage, Metadata, Origin
from newsfuse.stories import compact as cluster_compact
from newsfuse.stories.copies.index import CopyIndex, independent_sources

WIRE = (
    "The regional government said on Tuesday that the old bridge over the river would reopen "
    "next month after repairs costing four million euros were completed by contractors.",
    "Engineers found cracks in two of the supporting pillars during a routine inspection in "
    "March, prompting a closure that has forced thousands of commuters onto a long detour.",
    "Local businesses say the closure has cut their trade by a third, and the chamber of "
    "commerce has asked the national government for compensation for the lost months.",
)
OWN = (
    "Residents of the old town reacted with relief on Wednesday, and several shopkeepers told "
    "this newspaper that the past spring had been the hardest they could remember.",
    "The owner of a bakery near the crossing said she had kept all her staff on, paying them "
    "from savings, and hoped customers from the far bank would now come back.",
    "Parking near the crossing remains a problem, several of them warned, and the town council "
    "has promised a meeting about a new car park before the summer holidays begin.",
)


def article(
    aid: str, paras: tuple[str, ...], published: str | None = None, credit: str | None = None
) -> Article:
    """A minimal clean article."""
    meta = Metadata(published=published, credit=credit)
    return Article(aid, aid, Origin(record_id=aid), "text", meta, tuple(Block(p) for p in paras))


def edited(paras: tuple[str, ...]) -> tuple[str, ...]:
    """A light edit: two words changed, punctuation and case changed."""
    first = paras[0].replace("Tuesday", "Tuesday,").replace("old bridge", "historic bridge")
    return (first.upper(), *paras[1:])


@pytest.mark.parametrize(
    ("paras", "kind", "copy_of", "min_reuse"),
    [
        (WIRE, "exact", "wire", 1.0),
        (edited(WIRE), "near", "wire", 0.8),
        ((*OWN, WIRE[1]), "partial", "wire", 0.2),
        (OWN, "independent", None, 0.0),
    ],
    ids=["exact", "lightly-edited", "partial", "independent"],
)
def test_copy_kinds(
    paras: tuple[str, ...], kind: str, copy_of: str | None, min_reuse: float
) -> None:
    index = CopyIndex()
    index.add(article("wire", WIRE))
    lineage = index.add(article("other", paras))
    assert lineage.kind == kind
    assert lineage.copy_of == copy_of
    assert lineage.reuse >= min_reuse


def test_partial_reuse_keeps_its_own_origin() -> None:
    index = CopyIndex()
    index.add(article("wire", WIRE))
    lineage = index.add(article("mixed", (*OWN, WIRE[1])))
    assert lineage.original == "mixed"
    assert 0.2 <= lineage.reuse < 0.5


def test_earliest_published_is_the_original() -> None:
    index = CopyIndex()
    index.add(article("late", WIRE, published="2024-12-14"))
    index.add(article("copy", WIRE, published="2024-12-15"))
    early = index.add(article("early", WIRE, published="2024-12-13"))
    assert early.kind == "independent"
    assert index.lineage("late").copy_of == "early"
    assert {index.lineage(a).original for a in ("late", "copy", "early")} == {"early"}
    assert index.family("copy")[0] == "early"


def test_first_ingested_is_the_original_without_dates() -> None:
    index = CopyIndex()
    index.add(article("first", WIRE))
    assert index.add(article("second", WIRE)).original == "first"


@pytest.mark.parametrize(
    ("lineages", "expected"),
    [
        ([Lineage("a", None, 0.0, "independent", "a")], 1),
        ([Lineage("a", None, 0.0, "independent", "a"), Lineage("b", "a", 1.0, "exact", "a")], 1),
        (
            [
                Lineage("a", None, 0.0, "independent", "a"),
                Lineage("b", None, 0.0, "independent", "b"),
            ],
            2,
        ),
        (
            [
                Lineage("a", None, 0.0, "independent", "a", "reuters"),
                Lineage("b", None, 0.0, "independent", "b", "reuters"),
                Lineage("c", None, 0.0, "independent", "c"),
            ],
            2,
        ),
        ([], 0),
    ],
    ids=["one", "copy-counts-once", "two-independent", "same-wire-credit", "empty"],
)
def test_independent_sources(lineages: list[Lineage], expected: int) -> None:
    assert independent_sources(lineages) == expected


def test_credit_is_normalised() -> None:
    index = CopyIndex()
    assert index.add(article("r", OWN, credit=" Reuters ")).credit == "reuters"


def test_batch_matches_one_by_one() -> None:
    arts = [article("wire", WIRE), article("copy", WIRE), article("own", OWN)]
    one = CopyIndex()
    singles = [one.add(a) for a in arts]
    assert CopyIndex().add_many(arts) == singles


def test_state_round_trips_through_json() -> None:
    index = CopyIndex()
    index.add(article("wire", WIRE))
    index.add(article("copy", WIRE))
    restored = CopyIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    assert restored.lineage("copy") == index.lineage("copy")
    assert restored.add(article("again", edited(WIRE))).original == "wire"


@pytest.mark.parametrize(
    ("stamp", "key"),
    [
        ("2025-03-26T17:05:00-03:00", "2025-03-26T20:05:00"),
        ("2025-03-26T19:48", "2025-03-26T19:48:00"),
        ("2025-03-26T19:48:00Z", "2025-03-26T19:48:00"),
        ("2025-03-26", "2025-03-26T00:00:00"),
        (None, "~"),
    ],
)
def test_publication_stamps_compare_in_utc(stamp: str | None, key: str) -> None:
    from newsfuse.timestamps import utc_key

    assert utc_key(stamp) == key


@pytest.mark.parametrize(
    ("cap", "adds", "query", "expected"),
    [
        (None, [([1, 2], 0), ([2, 3], 1), ([2], 2)], [2], {0, 1, 2}),
        (2, [([7], 0), ([7], 1), ([7], 2)], [7], {0, 1}),  # the earliest values are kept
        (None, [([1 << 63, 5], 4)], [1 << 63, 6], {4}),  # full 64-bit keys; a missing key
        (None, [([9, 9], 3)], [9], {3}),  # a key given twice is recorded once
    ],
    ids=["union", "cap", "wide-keys", "repeat"],
)
@pytest.mark.parametrize("merge_every", [1, 2, 10_000], ids=["merge-each", "merge-2", "dict"])
def test_hash_postings(
    monkeypatch: pytest.MonkeyPatch,
    merge_every: int,
    cap: int | None,
    adds: list[tuple[list[int], int]],
    query: list[int],
    expected: set[int],
) -> None:
    monkeypatch.setattr(cluster_compact, "MERGE_EVERY", merge_every)
    postings = cluster_compact.HashPostings(cap)
    for keys, value in adds:
        postings.add(keys, value)
    assert postings.get(query) == expected


def test_copies_are_found_across_merged_postings(monkeypatch: pytest.MonkeyPatch) -> None:
    # Merging every few entries sends the LSH bands and anchors through the sorted arrays.
    monkeypatch.setattr(cluster_compact, "MERGE_EVERY", 3)
    index = CopyIndex()
    index.add(article("wire", WIRE))
    for k in range(5):
        index.add(article(f"own{k}", tuple(f"{p} Item {k}." for p in OWN[k % 3 :])))
    assert index.add(article("near", edited(WIRE))).copy_of == "wire"
    fresh = "A reader wrote in to say that the detour adds forty minutes to her daily drive."
    part = index.add(article("part", (WIRE[1], fresh)))
    assert (part.kind, part.original) == ("partial", "wire")
    restored = CopyIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    assert restored.to_dict() == index.to_dict()
    assert restored.add(article("again", WIRE)).kind == "exact"

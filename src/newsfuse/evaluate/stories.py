"""Score story clustering on ECB+ and BASIL events with B-cubed and the adjusted Rand index."""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from math import comb
from pathlib import Path
from typing import Literal

from newsfuse.models import Article, Block, Metadata, Origin
from newsfuse.stories.cluster.index import StoryIndex
from newsfuse.stories.cluster.recluster import recluster

Mode = Literal["incremental", "recluster"]
Half = Literal["all", "odd", "even"]


def load_ecb(data_dir: Path) -> list[dict[str, str]]:
    """Read ``docs.jsonl`` of the stories data set, in file order.

    Args:
        data_dir: The folder holding ``docs.jsonl`` (``../shared/data/stories``).

    Returns:
        One record per document (``id``, ``topic``, ``subtopic``, ``title``, ``text``, ...).

    Raises:
        FileNotFoundError: When ``docs.jsonl`` is missing; point ``data_dir`` at the folder.
    """
    path = data_dir / "docs.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: pass the folder that holds docs.jsonl")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def to_article(record: Mapping[str, str]) -> Article:
    """Adapt one record: ECB+'s first sentence is the headline, the rest one paragraph."""
    meta = Metadata(
        headline=record["title"],
        outlet=record.get("outlet"),
        published=record.get("date"),
    )
    return Article(
        id=record["id"],
        content_key=record["id"],
        origin=Origin(record_id=record["id"]),
        format="jsonl",
        meta=meta,
        body=(Block(record["text"]),) if record["text"].strip() else (),
    )


def b_cubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (singletons count)."""
    pred_sets: dict[str, set[str]] = defaultdict(set)
    gold_sets: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        pred_sets[pred[item]].add(item)
        gold_sets[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        both = len(pred_sets[pred[item]] & gold_sets[gold[item]])
        p += both / len(pred_sets[pred[item]])
        r += both / len(gold_sets[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(pred: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """Adjusted Rand index (Hubert & Arabie) of two labelings of the items of ``gold``."""
    cells = Counter((pred[i], gold[i]) for i in gold)
    rows = Counter(pred[i] for i in gold)
    cols = Counter(gold[i] for i in gold)
    index = sum(comb(n, 2) for n in cells.values())
    a = sum(comb(n, 2) for n in rows.values())
    b = sum(comb(n, 2) for n in cols.values())
    expected = a * b / comb(len(gold), 2)
    top = (a + b) / 2 - expected
    return (index - expected) / top if top else 1.0


def _in_half(topic: str, half: Half) -> bool:
    return half == "all" or (int(topic) % 2 == 1) == (half == "odd")


def cluster_records(records: list[dict[str, str]], mode: Mode) -> dict[str, str]:
    """Story id per document id, clustering in file order or with :func:`recluster`."""
    articles = [to_article(r) for r in records]
    if mode == "recluster":
        return {a.article_id: a.story_id for a in recluster(articles)}
    index = StoryIndex()
    for article in articles:
        index.add(article)
    return {a.id: index.story_of(a.id) for a in articles}


def load_basil(path: Path, half: str = "all", dated: bool = True) -> list[dict[str, str]]:
    """Read BASIL events (``basil-dev.jsonl``: ``id``, ``subtopic``, ``title``, ``text``,
    ``date``, ``outlet``), one half of the events, with or without their dates.

    Args:
        path: The ``.jsonl`` file (``../shared/data/compare/basil-dev.jsonl``).
        half: ``all``, or ``odd`` / ``even``: the 1st, 3rd, ... or 2nd, 4th, ... event in the
            order of their ids, so that no event is split between the halves.
        dated: Keep each record's ``date`` (read as its publication date) or drop it.

    Raises:
        FileNotFoundError: When the file is missing.
    """
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: pass the BASIL events file")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    events = sorted({r["subtopic"] for r in records})
    keep = {e for at, e in enumerate(events) if half == "all" or (at % 2 == 0) == (half == "odd")}
    drop = () if dated else ("date",)
    return [{k: v for k, v in r.items() if k not in drop} for r in records if r["subtopic"] in keep]


def score_records(
    records: list[dict[str, str]],
    mode: str = "incremental",
    cluster: Callable[[list[dict[str, str]], Mode], dict[str, str]] = cluster_records,
) -> dict[str, float]:
    """Cluster records (file order) and score them against their ``subtopic``.

    Returns:
        ``b3_p``, ``b3_r``, ``b3_f1``, ``ari``, ``docs``, ``stories`` and ``seconds``.
    """
    return _scored(records, mode, cluster)[1]


def _scored(
    records: list[dict[str, str]],
    mode: str,
    cluster: Callable[[list[dict[str, str]], Mode], dict[str, str]],
) -> tuple[dict[str, str], dict[str, float]]:
    """The predicted stories of ``records`` and their scores against the sub-topics."""
    start = time.perf_counter()
    pred = cluster(records, mode)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    sub = {r["id"]: r["subtopic"] for r in records}
    p, r, f1 = b_cubed(pred, sub)
    return pred, {
        "b3_p": p,
        "b3_r": r,
        "b3_f1": f1,
        "ari": ari(pred, sub),
        "docs": float(len(records)),
        "stories": float(len(set(pred.values()))),
        "seconds": seconds,
    }


def evaluate_stories(
    data_dir: Path,
    mode: str = "incremental",
    half: str = "all",
    cluster: Callable[[list[dict[str, str]], Mode], dict[str, str]] = cluster_records,
) -> dict[str, float]:
    """Cluster the ECB+ documents and score them against the gold sub-topics and topics.

    Args:
        data_dir: Folder with ``docs.jsonl``.
        mode: ``incremental`` (file order, one article at a time) or ``recluster``.
        half: ``all``, or ``odd`` / ``even`` topics only (calibration vs confirmation).
        cluster: The clusterer, replaceable to score a variant.

    Returns:
        ``b3_p``, ``b3_r``, ``b3_f1`` and ``ari`` at sub-topic level, ``topic_b3_f1`` and
        ``topic_ari``, plus ``docs``, ``stories`` and ``seconds``.

    Raises:
        ValueError: For an unknown mode or half.
    """
    if mode not in ("incremental", "recluster") or half not in ("all", "odd", "even"):
        raise ValueError(f"mode {mode!r} / half {half!r}: use incremental|recluster, all|odd|even")
    records = [r for r in load_ecb(data_dir) if _in_half(r["topic"], half)]  # type: ignore[arg-type]
    pred, scores = _scored(records, mode, cluster)
    top = {r["id"]: r["topic"] for r in records}
    return {**scores, "topic_b3_f1": b_cubed(pred, top)[2], "topic_ari": ari(pred, top)}

"""TempEval-3 Task A scores (span and value F1) of the date stage on TimeML documents."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsfuse.extract.dates.find import find_dates
from newsfuse.models import DateMention

#: Which documents to score. The rules were calibrated on ``"even"`` (every other document
#: of ``docs.jsonl`` in file order, starting with the first) and confirmed on ``"odd"``.
Subset = Literal["all", "even", "odd"]

#: TimeML type of each ``DateMention.kind``; TimeML has no separate kind for clock times.
_KIND_TO_TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 of a document's text, with offsets into the tag-free text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDocument:
    """A TimeML document: tag-free text, creation time and gold TIMEX3s."""

    doc_id: str
    corpus: str
    dct: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]


def load_documents(data_dir: Path, subset: Subset = "all") -> list[GoldDocument]:
    """Read ``docs.jsonl`` and the TimeML files it lists.

    Args:
        data_dir: The ``dates`` data directory (holds ``docs.jsonl`` and ``tml/``).
        subset: ``"all"``, or ``"even"`` / ``"odd"`` positions in ``docs.jsonl``.

    Returns:
        The documents in index order.
    """
    lines = (data_dir / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    if subset != "all":
        rows = rows[0 if subset == "even" else 1 :: 2]
    docs = []
    for row in rows:
        text, timexes = _parse_tml((data_dir / row["file"]).read_text(encoding="utf-8"))
        dct = dt.date.fromisoformat(row["dct"][:10])
        docs.append(GoldDocument(row["id"], row["corpus"], dct, text, timexes))
    return docs


def _parse_tml(xml: str) -> tuple[str, tuple[GoldTimex, ...]]:
    """Tag-free text of ``<TEXT>`` and its TIMEX3s with character offsets."""
    root = ET.fromstring(xml)
    body = root.find("TEXT")
    if body is None:
        raise ValueError("TimeML file has no <TEXT> element; is it TimeML 1.2?")
    parts: list[str] = [body.text or ""]
    timexes: list[GoldTimex] = []
    offset = len(parts[0])
    # Inline tags never nest inside TIMEX3 in this data, so itertext of a child is its surface.
    for child in body:
        surface = "".join(child.itertext())
        if child.tag == "TIMEX3":
            timexes.append(
                GoldTimex(
                    offset,
                    offset + len(surface),
                    surface,
                    child.get("type", ""),
                    child.get("value", ""),
                )
            )
        tail = child.tail or ""
        parts += [surface, tail]
        offset += len(surface) + len(tail)
    return "".join(parts), tuple(timexes)


@dataclass
class _Counts:
    """Running totals for the micro-averaged scores."""

    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0


def _match(gold: Iterable[GoldTimex], pred: list[DateMention]) -> list[tuple[GoldTimex, int]]:
    """One-to-one relaxed matching: each gold to the first unused overlapping prediction."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p.start < g.end and g.start < p.end:
                used.add(i)
                pairs.append((g, i))
                break
    return pairs


def _f1(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``correct`` hits."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_documents(
    docs: Iterable[GoldDocument],
    extract: Callable[[str, dt.date], list[DateMention]] = find_dates,
) -> dict[str, float]:
    """Micro-averaged TempEval-3 Task A scores of ``extract`` over ``docs``.

    Args:
        docs: Gold documents.
        extract: The extractor; called with the tag-free text and the creation date.

    Returns:
        ``strict_*``, ``relaxed_*`` and ``value_*`` precision / recall / F1, type and value
        accuracy over relaxed matches, and the counts ``documents``, ``gold``, ``predicted``.
    """
    c = _Counts()
    n_docs = 0
    for doc in docs:
        n_docs += 1
        pred = extract(doc.text, doc.dct)
        c.gold += len(doc.timexes)
        c.pred += len(pred)
        spans = {(p.start, p.end) for p in pred}
        c.strict += sum((g.start, g.end) in spans for g in doc.timexes)
        for g, i in _match(doc.timexes, pred):
            c.relaxed += 1
            c.value += pred[i].value == g.value
            c.type += _KIND_TO_TYPE.get(pred[i].kind, "") == g.type
    scores: dict[str, float] = {"documents": n_docs, "gold": c.gold, "predicted": c.pred}
    for name, hits in (("strict", c.strict), ("relaxed", c.relaxed), ("value", c.value)):
        p, r, f = _f1(hits, c.pred, c.gold)
        scores |= {f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f}
    scores["type_accuracy"] = c.type / c.relaxed if c.relaxed else 0.0
    scores["value_accuracy"] = c.value / c.relaxed if c.relaxed else 0.0
    return scores


def evaluate_dates(data_dir: Path, subset: Subset = "all") -> dict[str, float]:
    """Score ``find_dates`` on the TempEval-3 TBAQ data in ``data_dir``.

    Args:
        data_dir: The ``dates`` data directory.
        subset: ``"all"``, ``"even"`` (calibration half) or ``"odd"`` (held-out half).

    Returns:
        The scores of :func:`score_documents`.
    """
    return score_documents(load_documents(data_dir, subset))

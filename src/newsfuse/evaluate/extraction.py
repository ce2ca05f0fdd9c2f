"""Word 4-gram shingle P/R/F1 of extracted article bodies (the extraction data's metric)."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    """Shingle counts of one page."""

    page_id: str
    tp: int
    n_pred: int
    n_gold: int
    exact: bool


@dataclass(frozen=True)
class ExtractionScores:
    """Averaged scores over pages, as the extraction README defines them."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float
    pages: int


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of overlapping word n-grams; 1..n-1 tokens give one shorter shingle."""
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def score_page(page_id: str, predicted: str, gold: str) -> PageScore:
    """Count matched shingles of one predicted body against its gold body."""
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum((pred & ref).values())
    exact = _WORD.findall(predicted) == _WORD.findall(gold)
    return PageScore(page_id, tp, sum(pred.values()), sum(ref.values()), exact)


def aggregate(pages: list[PageScore], bootstrap: int = 1000, seed: int = 0) -> ExtractionScores:
    """Average precision and recall over pages, F1 of the averages, bootstrap std of F1."""
    p, r, f = _averages(pages)
    rng = random.Random(seed)
    samples = []
    for _ in range(bootstrap if pages else 0):
        sample = [pages[rng.randrange(len(pages))] for _ in pages]
        samples.append(_averages(sample)[2])
    mean = sum(samples) / len(samples) if samples else 0.0
    std = (sum((s - mean) ** 2 for s in samples) / len(samples)) ** 0.5 if samples else 0.0
    accuracy = sum(pg.exact for pg in pages) / len(pages) if pages else 0.0
    return ExtractionScores(p, r, f, accuracy, std, len(pages))


def _averages(pages: list[PageScore]) -> tuple[float, float, float]:
    with_pred = [pg.tp / pg.n_pred for pg in pages if pg.n_pred]
    with_gold = [pg.tp / pg.n_gold for pg in pages if pg.n_gold]
    p = sum(with_pred) / len(with_pred) if with_pred else 0.0
    r = sum(with_gold) / len(with_gold) if with_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def iter_pages(data_dir: Path, mode: str) -> Iterator[tuple[str, str, str | None, str]]:
    """Yield ``(page_id, page_source, url, gold_body)`` for ``mode`` "text" or "html"."""
    with (data_dir / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            pid = rec["id"]
            if mode == "text":
                source = (data_dir / "text" / f"{pid}.txt").read_text(encoding="utf-8")
            elif mode == "html":
                raw = gzip.decompress((data_dir / "html" / f"{pid}.html.gz").read_bytes())
                source = raw.decode("utf-8", errors="replace")
            else:
                raise ValueError(f"mode must be 'text' or 'html', not {mode!r}")
            yield pid, source, rec.get("url"), rec["body"]


def evaluate(
    data_dir: Path, mode: str, extract: Callable[[str, str | None], str]
) -> tuple[ExtractionScores, list[PageScore]]:
    """Score ``extract(page_source, url) -> body text`` on every page of ``data_dir``."""
    pages = [
        score_page(pid, extract(source, url), gold)
        for pid, source, url, gold in iter_pages(data_dir, mode)
    ]
    return aggregate(pages), pages


def evaluate_cleaner(data_dir: Path, mode: str) -> ExtractionScores:
    """Score newsfuse's own cleaner (dump cleaner for "text", HTML cleaner for "html")."""
    from newsfuse.clean.dump.cascade import clean_dump
    from newsfuse.clean.html.cascade import clean_html
    from newsfuse.errors import RejectedInput

    def extract(source: str, url: str | None) -> str:
        try:
            page = clean_html(source, url) if mode == "html" else clean_dump(source)
        except RejectedInput:
            return ""
        return "\n\n".join(b.text for b in page.body)

    return evaluate(data_dir, mode, extract)[0]

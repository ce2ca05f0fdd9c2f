"""Sentence pairs as the claim pair model sees them: MSRP, claims-dev and RTE-3 pairs, read
through the same analysis, claims and features as a story's reports.

Each sentence is analysed once (spaCy; cached in a file, as it takes minutes) as a
one-paragraph report; a pair is a two-report story whose two claims are the whole sentences.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsfuse.compare.context import StoryClaims, read_story
from newsfuse.extract.analyse import analyse, to_json
from newsfuse.models import (
    Analysis,
    Article,
    Block,
    Claim,
    Metadata,
    Origin,
    StoryInput,
    analysis_from_json,
)

__all__ = ["AnalysisCache", "load_pairs", "pair_claims", "pair_rows"]


def load_pairs(path: Path) -> list[dict[str, Any]]:
    """The lines of a ``pairs.jsonl`` (``s1``, ``s2``, ``label``) or ``claims-dev.jsonl``
    (``a``, ``b``, ``label``), with ``s1``/``s2`` set in both."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                row.setdefault("s1", row.get("a"))
                row.setdefault("s2", row.get("b"))
                rows.append(row)
    return rows


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _article(text: str, side: str = "") -> Article:
    key = _key(text) + side
    return Article(key, key, Origin(record_id=key), "jsonl", Metadata(), (Block(text),))


class AnalysisCache:
    """Analyses of single sentences, kept in a JSON file between runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = (
            json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        )

    def ensure(self, texts: Iterable[str], batch: int = 256) -> None:
        """Analyse the texts not analysed yet, and save."""
        missing = sorted({t for t in texts if _key(t) not in self.data})
        for start in range(0, len(missing), batch):
            for result in analyse([_article(t) for t in missing[start : start + batch]]):
                self.data[result.article_id] = to_json(result)
        if missing:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.data), encoding="utf-8")

    def get(self, text: str) -> Analysis:
        """The analysis of ``text`` (call :meth:`ensure` first)."""
        return analysis_from_json(self.data[_key(text)])


def pair_rows(pairs: Sequence[dict[str, Any]], cache: AnalysisCache) -> list[list[float]]:
    """The pair model's feature row of every pair (``s1``, ``s2``), each read as a story of
    two one-paragraph reports whose claims are the whole sentences."""
    return [context.row(i, j) for context, i, j in _stories(pairs, cache)]


def pair_claims(pairs: Sequence[dict[str, Any]], cache: AnalysisCache) -> list[tuple[Claim, Claim]]:
    """The two claims of every pair (``s1``, ``s2``), read as :func:`pair_rows` reads them
    (entities resolved across the pair, so that the two claims' entity ids meet)."""
    return [(c.claims[i], c.claims[j]) for c, i, j in _stories(pairs, cache)]


def _stories(
    pairs: Sequence[dict[str, Any]], cache: AnalysisCache
) -> Iterator[tuple[StoryClaims, int, int]]:
    cache.ensure(t for p in pairs for t in (p["s1"], p["s2"]))
    for p in pairs:
        articles = [_article(p["s1"], "a"), _article(p["s2"], "b")]
        sides = zip(("s1", "s2"), articles, strict=True)
        analyses = {a.id: replace(cache.get(p[s]), article_id=a.id) for s, a in sides}
        context = read_story(StoryInput("pair", articles, analyses), whole=True)
        first = next(i for i, c in enumerate(context.claims) if c.article_id == articles[0].id)
        other = next(i for i, c in enumerate(context.claims) if c.article_id == articles[1].id)
        yield context, first, other

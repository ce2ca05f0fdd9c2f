"""Score claim alignment on ECB+: sentences holding coreferent event mentions should align.

Metric (sentence pairs). For each ECB+ sub-topic, the *annotated* sentences are those listed
in ``sentences.jsonl`` (the ones ECB+ annotated fully). A gold pair is two annotated sentences
of different documents of the sub-topic that hold event mentions of one cross-document
coreference chain (``kind == "event"``, chain not a ``Singleton_``). A predicted pair is two
annotated sentences of different documents whose claims (a sentence, or a clause of it) share
a claim group; claims of sentences ECB+ did not annotate are ignored, so that pairs nobody
labelled never count against precision. Precision = |predicted ∩ gold| / |predicted|,
recall = |predicted ∩ gold| / |gold|, pooled over sub-topics (micro average). A listed
sentence with no gold event mention at all counts as not annotated: some ECB+ sentences are
listed with their event mentions missing, and pairs of them are unlabelled, not negative.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from newsfuse.compare.context import StoryClaims, ordered, read_story
from newsfuse.compare.facts import group_facts
from newsfuse.compare.pairs import pair_model
from newsfuse.extract.analyse import analyse
from newsfuse.extract.nlp import parse
from newsfuse.models import (
    Analysis,
    Article,
    ArticleEntities,
    Block,
    Claim,
    Metadata,
    Origin,
    StoryInput,
)
from newsfuse.text import parsed_sentences

SentKey = tuple[str, int]  # (document id, ECB+ sentence id)


@dataclass(frozen=True)
class Prepared:
    """One sub-topic, split and scored once so that thresholds can be tried cheaply."""

    topic: int
    context: StoryClaims
    sentence_of: dict[str, SentKey]  # claim id -> the annotated sentence it lies in
    gold: frozenset[tuple[SentKey, SentKey]]


def _jsonl(path: Path) -> list[dict[str, object]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: pass the folder holding the ECB+ files")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_docs(data_dir: Path) -> list[dict[str, object]]:
    """The records of ``docs.jsonl``, in file order."""
    return _jsonl(data_dir / "docs.jsonl")


def to_article(record: dict[str, object]) -> Article:
    """An ECB+ document as an article: its first sentence is paragraph 0, the rest paragraph 1
    (ECB+ keeps no paragraphs; the first sentence is annotated like the others)."""
    title, text = str(record["title"]), str(record["text"])
    body = tuple(Block(t) for t in (title, text) if t.strip())
    return Article(
        id=str(record["id"]),
        content_key=str(record["id"]),
        origin=Origin(record_id=str(record["id"])),
        format="jsonl",
        meta=Metadata(outlet=str(record["id"])),
        body=body,
    )


def prepare(
    data_dir: Path,
    half: str = "all",
    analysed: bool = False,
    known: Mapping[str, Analysis] | None = None,
) -> list[Prepared]:
    """Read ECB+, split every sub-topic into claims and score all claim pairs.

    Args:
        data_dir: Folder with ``docs.jsonl``, ``sentences.jsonl``, ``mentions.jsonl``.
        half: ``all``, ``odd`` or ``even`` topics.
        analysed: Run the full analysis (entities, quotes, dates) first; slower. Without it
            claims are compared on their words alone.
        known: Analyses already computed, by document id (used instead of analysing).

    Returns:
        One prepared sub-topic each, in file order.
    """
    docs = [d for d in _jsonl(data_dir / "docs.jsonl") if _in_half(str(d["topic"]), half)]
    tokens: dict[str, dict[int, list[str]]] = defaultdict(dict)
    for row in _jsonl(data_dir / "sentences.jsonl"):
        tokens[str(row["doc_id"])][int(str(row["sent_id"]))] = [str(t) for t in row["tokens"]]  # type: ignore[attr-defined]
    chains: dict[SentKey, set[str]] = defaultdict(set)
    for m in _jsonl(data_dir / "mentions.jsonl"):
        chain = str(m["coref_chain"])
        if m["kind"] == "event":
            where = (str(m["doc_id"]), int(str(m["sent_id"])))
            chains[where].update(() if chain.startswith("Singleton") else (chain,))
    by_sub: dict[str, list[dict[str, object]]] = defaultdict(list)
    for d in docs:
        by_sub[str(d["subtopic"])].append(d)
    out = []
    for records in by_sub.values():
        articles = ordered([to_article(r) for r in records])
        if known is not None:
            found: Sequence[Analysis | None] = [known.get(a.id) for a in articles]
        elif analysed:
            found = analyse(articles)
        else:
            found = _sentences_only(articles)
        analyses = {a.article_id: a for a in found if a is not None}
        context = read_story(StoryInput(str(records[0]["subtopic"]), articles, analyses))
        claims = context.claims
        spans = {a.id: _locate(a, tokens.get(a.id, {})) for a in articles}
        sentence_of = {}
        for c in claims:
            key = _sentence(c, spans[c.article_id])
            if key is not None:
                sentence_of[c.id] = (c.article_id, key)
        sentence_of = {c: k for c, k in sentence_of.items() if k in chains}
        annotated = [
            (a.id, s) for a in articles for s in tokens.get(a.id, {}) if (a.id, s) in chains
        ]
        gold = frozenset(
            (x, y)
            for x, y in combinations(sorted(annotated), 2)
            if x[0] != y[0] and chains.get(x, set()) & chains.get(y, set())
        )
        out.append(Prepared(int(str(records[0]["topic"])), context, sentence_of, gold))
    return out


def _sentences_only(articles: Sequence[Article]) -> list[Analysis]:
    """Analyses that hold only the parse's sentences (the words-only path: claims are cut as
    in production, but carry no entities, quotes or dates)."""
    paragraphs = [[b.text for b in a.body] for a in articles]
    docs = iter(parse([p for paras in paragraphs for p in paras], ("parser",)))
    return [
        Analysis(
            a.id,
            ArticleEntities(()),
            (),
            (),
            sentences=tuple(tuple(parsed_sentences(next(docs))) for _ in paras),
        )
        for a, paras in zip(articles, paragraphs, strict=True)
    ]


def _in_half(topic: str, half: str) -> bool:
    return half == "all" or (int(topic) % 2 == 1) == (half == "odd")


def _locate(article: Article, sents: dict[int, list[str]]) -> dict[int, tuple[int, int, int]]:
    """Sentence id -> (paragraph, start, end) of each annotated sentence in the article, found
    by matching its tokens with spaces removed (ECB+ re-tokenised the text)."""
    out: dict[int, tuple[int, int, int]] = {}
    squeezed = []
    for block in article.body:
        keep = [i for i, ch in enumerate(block.text) if not ch.isspace()]
        squeezed.append(("".join(block.text[i] for i in keep), keep))
    cursor = (0, 0)
    for sid in sorted(sents):
        needle = "".join(sents[sid]).replace(" ", "")
        for p in range(cursor[0], len(squeezed)):
            flat, keep = squeezed[p]
            at = flat.find(needle, cursor[1] if p == cursor[0] else 0)
            if at >= 0 and needle:
                out[sid] = (p, keep[at], keep[at + len(needle) - 1] + 1)
                cursor = (p, at + len(needle))
                break
    return out


def _sentence(claim: Claim, spans: dict[int, tuple[int, int, int]]) -> int | None:
    """The annotated sentence holding the middle of the claim, if any."""
    middle = (claim.start + claim.end) // 2
    for sid, (p, start, end) in spans.items():
        if p == claim.paragraph and start <= middle < end:
            return sid
    return None


def score_prepared(prepared: Sequence[Prepared], align: float | None = None) -> dict[str, float]:
    """Pooled sentence-pair precision and recall of the comparison's fact groups, with the
    shipped pair model (its grouping probability, or ``align``)."""
    shipped = pair_model()
    model = replace(shipped, align=shipped.align if align is None else align)
    tp = fp = gold_total = 0
    for sub in prepared:
        pred: set[tuple[SentKey, SentKey]] = set()
        claims = sub.context.claims
        for group in group_facts(sub.context, model).groups:
            keys = {sub.sentence_of[claims[i].id] for i in group if claims[i].id in sub.sentence_of}
            pred.update((x, y) for x, y in combinations(sorted(keys), 2) if x[0] != y[0])
        tp += len(pred & sub.gold)
        fp += len(pred - sub.gold)
        gold_total += len(sub.gold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / gold_total if gold_total else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "predicted": float(tp + fp),
        "gold": float(gold_total),
        "subtopics": float(len(prepared)),
    }


def evaluate_alignment(
    data_dir: Path, half: str = "all", align: float | None = None, analysed: bool = False
) -> dict[str, float]:
    """Prepare ECB+ and score the alignment; adds ``seconds`` (split, analyse and score)."""
    start = time.perf_counter()
    result = score_prepared(prepare(data_dir, half, analysed), align)
    result["seconds"] = time.perf_counter() - start
    return result

"""Train the dump line classifier on the extraction pages and report out-of-fold scores.

Usage::

    .venv/bin/python scripts/train_line_model.py               # cross-validate, then ship
    .venv/bin/python scripts/train_line_model.py --cv-only     # only the out-of-fold score

Each non-blank dump line is labelled body when most of its word 4-grams occur in the gold
body (lines of 1-3 words: when their words occur there in a row). Cross-validation groups
pages by site (the domain of the gold ``url``), so that no site is in both a fold's training
and test pages; each fold's model cleans only its held-out pages with the full
`clean_dump`, and those cleaned bodies are scored together: the out-of-fold F1.
Everything is deterministic: fixed folds, fixed tree seeds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from newsfuse.clean.dump.cascade import clean_dump
from newsfuse.clean.dump.features import FEATURES, line_features
from newsfuse.clean.dump.lines import split_lines
from newsfuse.clean.dump.model import LineModel
from newsfuse.evaluate.extraction import (
    ExtractionScores,
    aggregate,
    iter_pages,
    score_page,
    shingles,
)

_WORD = re.compile(r"\w+")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "extraction"
DEFAULT_OUT = ROOT / "src" / "newsfuse" / "data" / "line_model.json"

# Model size: 120 trees of depth 3 (~60 kB of JSON). Chosen by out-of-fold F1: depth 4 and
# 200 trees scored no better and grow the file; fewer than 80 trees lost ~0.005.
TREES, DEPTH, RATE, MIN_LEAF = 120, 3, 0.1, 20
FOLDS = 5


@dataclass
class Page:
    """One training page: its dump, gold body, site, feature rows and line labels."""

    page_id: str
    site: str
    text: str
    gold: str
    rows: np.ndarray
    labels: list[int]
    weights: list[float]
    renderer: str = "w3m"


def label_lines(lines: list[str], gold: str) -> list[int]:
    """1 for each line whose words belong to the gold body, else 0."""
    gold_shingles = shingles(gold)
    gold_run = " " + " ".join(_WORD.findall(gold)) + " "
    out = []
    for line in lines:
        tokens = _WORD.findall(line)
        if len(tokens) < 4:
            out.append(int(bool(tokens) and f" {' '.join(tokens)} " in gold_run))
            continue
        own = shingles(line)
        found = sum(min(c, gold_shingles[s]) for s, c in own.items())
        out.append(int(found >= 0.5 * sum(own.values())))
    return out


def load_pages(data_dir: Path, renders: tuple[Path, ...] = ()) -> list[Page]:
    """Featurise and label every page of the extraction data.

    Args:
        data_dir: The extraction data folder (its w3m dumps are always used).
        renders: Folders of other renderings of the same pages (``<id>.txt``, as written by
            `bench/render_dumps.py`); each page found there is one more training page, with
            the gold body and site of its original, named by the folder.
    """
    pages = []
    for pid, text, url, gold in iter_pages(data_dir, "text"):
        site = (urlparse(url or "").hostname or pid).removeprefix("www.")
        pages.append(_page(pid, site, text, gold, "w3m"))
        for folder in renders:
            path = folder / f"{pid}.txt"
            if path.exists():
                text = path.read_text(encoding="utf-8")
                pages.append(_page(pid, site, text, gold, folder.name))
    return pages


def _page(pid: str, site: str, text: str, gold: str, renderer: str) -> Page:
    lines = split_lines(text)
    pos, rows = line_features(lines)
    texts = [lines[k][1] for k in pos]
    # Every page weighs the same, as in the metric; within a page a line weighs the
    # square root of its words: longer lines carry more of the score (by-words weights
    # scored 0.001 lower out-of-fold, uniform ones 0.006 lower).
    sizes = [(len(_WORD.findall(t)) + 1) ** 0.5 for t in texts]
    total = sum(sizes) or 1
    weights = [len(sizes) * s / total for s in sizes]
    labels = label_lines(texts, gold)
    return Page(pid, site, text, gold, rows, labels, weights, renderer)


def fit(pages: list[Page]) -> LineModel:
    """Fit the boosted trees on ``pages`` and export them to a `LineModel`."""
    x = np.vstack([p.rows for p in pages])
    y = np.array([v for p in pages for v in p.labels])
    w = np.array([v for p in pages for v in p.weights])
    gb = GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
        min_samples_leaf=MIN_LEAF, random_state=0,
    )  # fmt: skip
    gb.fit(x, y, sample_weight=w)
    prior = float(np.average(y, weights=w))
    model = export(gb, float(np.log(prior / (1 - prior))))
    check = gb.predict_proba(x[:2000])[:, 1]
    assert np.allclose(model.predict(x[:2000]), check, atol=1e-6), "export mismatch"
    return model


def export(gb: GradientBoostingClassifier, bias: float) -> LineModel:
    """Pad each fitted tree to a complete tree of depth `DEPTH` (see `LineModel`)."""
    n_inner, n_leaf = 2**DEPTH - 1, 2**DEPTH
    feats = np.zeros((len(gb.estimators_), n_inner), dtype=np.int64)
    thrs = np.zeros((len(gb.estimators_), n_inner))
    leaves = np.zeros((len(gb.estimators_), n_leaf))
    for t, est in enumerate(gb.estimators_[:, 0]):
        tree = est.tree_

        def fill(node: int, slot: int, level: int, t: int = t, tree: object = tree) -> None:
            left, right = tree.children_left[node], tree.children_right[node]  # type: ignore[attr-defined]
            if level == DEPTH:
                leaves[t, slot - n_inner] = gb.learning_rate * tree.value[node, 0, 0]  # type: ignore[attr-defined]
                return
            if left == -1:  # an early leaf: a split that always goes left, copied twice
                feats[t, slot], thrs[t, slot] = 0, 1e308
                fill(node, 2 * slot + 1, level + 1)
                fill(node, 2 * slot + 2, level + 1)
                return
            feats[t, slot] = tree.feature[node]  # type: ignore[attr-defined]
            thrs[t, slot] = tree.threshold[node]  # type: ignore[attr-defined]
            fill(left, 2 * slot + 1, level + 1)
            fill(right, 2 * slot + 2, level + 1)

        fill(0, 0, 0)
    return LineModel(FEATURES, DEPTH, bias, feats, thrs, leaves)


def fold_of(pages: list[Page], folds: int) -> dict[str, int]:
    """Site -> fold: sites sorted and dealt round-robin."""
    return {s: i % folds for i, s in enumerate(sorted({p.site for p in pages}))}


def out_of_fold(pages: list[Page], folds: int) -> tuple[list[str], list[LineModel]]:
    """Clean every page with the model of the fold that held its site out."""
    fold = fold_of(pages, folds)
    bodies = [""] * len(pages)
    models = []
    for f in range(folds):
        model = fit([p for p in pages if fold[p.site] != f])
        models.append(model)
        for i, p in enumerate(pages):
            if fold[p.site] == f:
                bodies[i] = _body(p.text, model)
    return bodies, models


def _body(text: str, model: LineModel) -> str:
    return "\n\n".join(b.text for b in clean_dump(text, model=model).body)


def score(pages: list[Page], bodies: list[str]) -> ExtractionScores:
    """The extraction metric of predicted ``bodies`` against the pages' gold bodies."""
    return aggregate([score_page(p.page_id, b, p.gold) for p, b in zip(pages, bodies, strict=True)])


def _report(name: str, pages: list[Page], bodies: list[str]) -> dict[str, dict[str, float]]:
    """Print and return the scores of each renderer's pages."""
    out = {}
    for renderer in dict.fromkeys(p.renderer for p in pages):
        keep = [i for i, p in enumerate(pages) if p.renderer == renderer]
        scores = score([pages[i] for i in keep], [bodies[i] for i in keep])
        print(
            f"{name} {renderer}: P={scores.precision:.3f} R={scores.recall:.3f} "
            f"F1={scores.f1:.3f} ±{scores.f1_std:.3f} acc={scores.accuracy:.3f} "
            f"pages={scores.pages}"
        )
        out[renderer] = {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1}
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: cross-validate, then train on all pages and write the model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="extraction data folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model")
    ap.add_argument("--folds", type=int, default=FOLDS, help="cross-validation folds")
    ap.add_argument("--cv-only", action="store_true", help="report out-of-fold F1, write nothing")
    ap.add_argument(
        "--render", type=Path, action="append", default=[],
        help="folder of other renderings of the pages (bench/render_dumps.py) to train on too",
    )  # fmt: skip
    args = ap.parse_args(argv)
    start = time.perf_counter()
    pages = load_pages(args.data, tuple(args.render))
    print(f"{len(pages)} pages, {sum(len(p.rows) for p in pages)} lines")
    oof = _report("out-of-fold", pages, out_of_fold(pages, args.folds)[0])
    if args.cv_only:
        return 0
    model = fit(pages)
    insample = _report("in-sample", pages, [_body(p.text, model) for p in pages])
    meta: dict[str, object] = {
        "data": "extraction (scrapinghub article-extraction-benchmark, 181 pages, w3m dumps)",
        "trees": TREES, "depth": DEPTH, "learning_rate": RATE, "min_samples_leaf": MIN_LEAF,
        "folds": args.folds, "out_of_fold": oof["w3m"], "in_sample": insample["w3m"],
    }  # fmt: skip
    if args.render:
        meta["renders"] = {"out_of_fold": oof, "in_sample": insample}
    doc = replace(model, meta=meta).to_json()
    args.out.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    took = time.perf_counter() - start
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) in {took:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

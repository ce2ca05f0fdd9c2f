"""Score PLOVER event coding on the gold records: halves, 3-fold cross-validation, sources alone.

Usage::

    .venv/bin/python bench/eval_events.py            # prints a JSON report
    .venv/bin/python bench/eval_events.py --errors   # also the misclassified records of half A

The report holds: the shipped rules by half (A calibrated the hand-written lexicon, B did not)
and on the whole set; the hand-written lexicon alone and the CAMEO verb table alone; and a
3-fold cross-validation in which the typing rules (source order, appeals, veto, nominal
triggers: 48 settings) are chosen on two folds by mean macro-F1 and scored on the third.

The data folder defaults to ``../shared/data/events`` next to the repository;
``NEWSFUSE_SHARED_DATA`` overrides the ``shared/data`` root, ``--data`` the folder itself.
Parses are cached in ``--cache`` (a spaCy DocBin keyed by the data's hash) between runs.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from newsfuse.evaluate.events import (
    GoldRecord,
    fold,
    half,
    load_gold,
    parse_texts,
    predict_docs,
    score,
)
from newsfuse.extract.events.parse import RULES
from newsfuse.extract.events.verbs import LEXICON_ONLY, TABLE_ONLY, TypingRules
from newsfuse.extract.nlp import load_nlp

FOLDS = 3
#: The source orders the cross-validation chooses among (each tried with and without appeals,
#: veto and nominal triggers).
ORDERS = (
    ("hand_phrase", "hand_verb"),
    ("cameo_pattern", "cameo_verb"),
    ("hand_phrase", "hand_verb", "cameo_pattern", "cameo_verb"),
    ("hand_phrase", "cameo_pattern", "hand_verb", "cameo_verb"),
    ("cameo_pattern", "hand_phrase", "hand_verb", "cameo_verb"),
    ("cameo_pattern", "cameo_verb", "hand_phrase", "hand_verb"),
)


def default_data() -> Path:
    """The events data folder, honouring ``NEWSFUSE_SHARED_DATA``."""
    root = os.environ.get("NEWSFUSE_SHARED_DATA")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "events"


def parsed(gold: list[GoldRecord], cache: Path | None) -> list[Doc]:
    """The gold sentences parsed, read from ``cache`` when it holds this data's parse."""
    nlp = load_nlp()
    key = hashlib.sha1("\n".join(g.text for g in gold).encode()).hexdigest()[:12]
    path = cache / f"events-{key}.spacy" if cache else None
    if path is not None and path.is_file():
        return list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    docs = parse_texts([g.text for g in gold], nlp)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(DocBin(docs=docs).to_bytes())
    return docs


def settings() -> list[TypingRules]:
    """Every setting the cross-validation chooses among."""
    flags = itertools.product((True, False), repeat=3)
    return [
        TypingRules(order=o, appeals=a, veto=v, nouns=n)
        for o, (a, v, n) in itertools.product(ORDERS, flags)
    ]


def cross_validate(gold: list[GoldRecord], docs: list[Doc]) -> dict[str, Any]:
    """Per fold: the setting of best mean macro-F1 on the other folds, scored on this one."""
    parts = [[i for i, g in enumerate(gold) if fold(g, FOLDS) == f] for f in range(FOLDS)]
    table: dict[TypingRules, list[float]] = {}
    for rules in settings():
        preds = predict_docs(docs, rules)
        table[rules] = [
            score([gold[i] for i in p], [preds[i] for i in p])["macro_f1"] for p in parts
        ]
    out: dict[str, Any] = {"folds": []}
    for f in range(FOLDS):
        chosen = max(table, key=lambda r: sum(s for g, s in enumerate(table[r]) if g != f))
        out["folds"].append(
            {"fold": f, "records": len(parts[f]), "macro_f1": table[chosen][f],
             "chosen": {"order": list(chosen.order), "appeals": chosen.appeals,
                        "veto": chosen.veto, "nouns": chosen.nouns}}
        )  # fmt: skip
    out["mean_macro_f1"] = sum(x["macro_f1"] for x in out["folds"]) / FOLDS
    for name, rules in (("lexicon_only", LEXICON_ONLY), ("table_only", TABLE_ONLY)):
        out[name] = {"folds": table[rules], "mean": sum(table[rules]) / FOLDS}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsfuse")
    parser.add_argument("--errors", action="store_true", help="list half A's wrong types")
    args = parser.parse_args()
    gold = load_gold(args.data / "dev.jsonl")
    docs = parsed(gold, args.cache)
    report: dict[str, Any] = {}
    for label, rules in (("shipped", RULES), ("lexicon_only", LEXICON_ONLY),
                         ("table_only", TABLE_ONLY)):  # fmt: skip
        preds = predict_docs(docs, rules)
        report[label] = {}
        for name in ("A", "B", "whole"):
            idx = [i for i, g in enumerate(gold) if name == "whole" or half(g) == name]
            report[label][name] = score([gold[i] for i in idx], [preds[i] for i in idx])
    report["cross_validation"] = cross_validate(gold, docs)
    print(json.dumps(report, indent=2, sort_keys=True))
    if args.errors:
        preds = predict_docs(docs, RULES)
        for g, p in zip(gold, preds, strict=True):
            if half(g) == "A" and g.event != p.event:
                print(f"{g.event:<12} <- {p.event:<12} {g.text[:120]}")


if __name__ == "__main__":
    main()

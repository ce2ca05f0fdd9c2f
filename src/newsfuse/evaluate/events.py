"""Score PLOVER event coding against the PLOVER gold records (data/events/README.md metrics)."""

from __future__ import annotations

import hashlib
import json
import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsfuse.extract.events.actors import build_actor
from newsfuse.extract.events.parse import RULES, RawEvent, sentence_mentions
from newsfuse.extract.events.roles import speaker_of
from newsfuse.extract.events.verbs import TypingRules
from newsfuse.extract.nlp import load_nlp, parse
from newsfuse.merge.events import PARSE_COMPONENTS

_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_PUNCT = str.maketrans("", "", string.punctuation + "“”’‘")


@dataclass(frozen=True)
class GoldRecord:
    """One PLOVER gold record: a sentence, its event type and its actors."""

    id: str
    text: str
    event: str
    source: tuple[tuple[str, str], ...]  # (actorText, code)
    target: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Prediction:
    """What the coder says about one sentence: its main event, or none."""

    event: str
    source: tuple[tuple[str, str], ...]  # (words, country code)
    target: tuple[tuple[str, str], ...]


def load_gold(path: Path) -> list[GoldRecord]:
    """Read ``dev.jsonl`` (one PLOVER record per line)."""

    def actors(raw: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(raw, list):
            return ()
        return tuple((str(a.get("actorText", "")), str(a.get("code", ""))) for a in raw)

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(
                GoldRecord(
                    r["id"], r["text"], r["event"], actors(r["source"]), actors(r.get("target"))
                )
            )
    return out


def half(record: GoldRecord) -> str:
    """ "A" (calibration) or "B" (confirmation), fixed by a hash of the id and text."""
    digest = hashlib.sha1(f"{record.id}\t{record.text}".encode()).hexdigest()
    return "A" if int(digest, 16) % 2 == 0 else "B"


def predict(
    texts: Sequence[str], nlp: Language | None = None, rules: TypingRules = RULES
) -> list[Prediction]:
    """The main event of each sentence: the trigger nearest the root of its parse."""
    return predict_docs(parse_texts(texts, nlp), rules)


def parse_texts(texts: Sequence[str], nlp: Language | None = None) -> list[Doc]:
    """The sentences parsed with the components the event coder reads."""
    return parse(list(texts), PARSE_COMPONENTS, nlp if nlp is not None else load_nlp())


def predict_docs(docs: Sequence[Doc], rules: TypingRules = RULES) -> list[Prediction]:
    """The main event of each parsed sentence, typed by ``rules``."""
    return [_predict(doc, rules) for doc in docs]


def fold(record: GoldRecord, folds: int = 3) -> int:
    """The cross-validation fold of a record, fixed by a hash of the id and text."""
    digest = hashlib.sha1(f"{record.id}\t{record.text}".encode()).hexdigest()
    return int(digest, 16) % folds


def _predict(doc: Doc, rules: TypingRules) -> Prediction:
    found: list[RawEvent] = [m for sent in doc.sents for m in sentence_mentions(sent, rules=rules)]
    if not found:
        return Prediction("NONE", (), ())
    main = min(found, key=lambda m: (m.depth, -m.confidence, m.trigger.i))
    speaker = speaker_of(main.trigger)
    return Prediction(main.type, _words(main.source, speaker), _words(main.target, speaker))


def _words(heads: Sequence[Token], speaker: Token | None) -> tuple[tuple[str, str], ...]:
    out = []
    for head in heads:
        actor = build_actor(head, 0, (), speaker)
        out.append((actor.name, actor.country or ""))
    return tuple(out)


def normalise(text: str) -> str:
    """Case-folded, punctuation and a leading article removed (the README's rule)."""
    return _ARTICLES.sub("", " ".join(text.casefold().translate(_PUNCT).split()))


def _match(a: str, b: str) -> bool:
    x, y = normalise(a), normalise(b)
    return bool(x) and bool(y) and (x == y or x in y or y in x)


def score(gold: Sequence[GoldRecord], preds: Sequence[Prediction]) -> dict[str, Any]:
    """Accuracy, macro-F1 over gold types, actor P/R/F1 and the triple rate."""
    types = sorted({g.event for g in gold})
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, preds, strict=True):
        if g.event == p.event:
            tp[g.event] += 1
        else:
            fn[g.event] += 1
            fp[p.event] += 1
    f1s = {}
    for t in types:
        prec = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rec = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f1s[t] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    out: dict[str, Any] = {
        "records": len(gold),
        "accuracy": sum(tp.values()) / len(gold) if gold else 0.0,
        "macro_f1": sum(f1s.values()) / len(f1s) if f1s else 0.0,
        "f1_by_type": f1s,
    }
    for side in ("source", "target"):
        out[side] = _actor_scores(
            [getattr(g, side) for g in gold], [getattr(p, side) for p in preds]
        )
    triples = sum(
        g.event == p.event and _first(g.source, p.source) and _first(g.target, p.target)
        for g, p in zip(gold, preds, strict=True)
    )
    out["triple"] = triples / len(gold) if gold else 0.0
    return out


def _first(gold: Sequence[tuple[str, str]], pred: Sequence[tuple[str, str]]) -> bool:
    if not gold:
        return not pred
    return bool(pred) and _match(gold[0][0], pred[0][0])


def _actor_scores(
    gold: Sequence[Sequence[tuple[str, str]]], pred: Sequence[Sequence[tuple[str, str]]]
) -> dict[str, float]:
    n_pred = n_gold = hit_pred = hit_gold = codes = coded = 0
    for g, p in zip(gold, pred, strict=True):
        n_pred += len(p)
        n_gold += len(g)
        hit_pred += sum(any(_match(x, y) for y, _ in g) for x, _ in p)
        for text, code in g:
            match = next((pc for pt, pc in p if _match(text, pt)), None)
            if match is not None:
                hit_gold += 1
                coded += 1
                codes += match == code
    prec = hit_pred / n_pred if n_pred else 0.0
    rec = hit_gold / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "precision": prec,
        "recall": rec,
        "f1": f1,
        "predicted": n_pred,
        "gold": n_gold,
        "code_accuracy": codes / coded if coded else 0.0,
    }
